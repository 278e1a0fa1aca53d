/**
 * Test helpers for the survey over inject(): a tiny browser (cookie jar, redirects, forms read from the
 * HTML the app sends) and a wave to answer. Used by the survey's HTTP tests only.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Services } from '../services.ts';
import type { Wave } from '../programme/index.ts';

/** A reply as a test reads it. */
export interface Page {
  status: number;
  url: string;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** Form fields as a browser sends them (repeated names for ticked boxes). */
export type FormBody = Record<string, string | string[]>;

/** One form of a page: its action and controls, as the HTML declares them. */
export interface Form {
  action: string;
  hidden: Record<string, string>;
  /** Radio and checkbox groups: name -> values offered. */
  choices: Map<string, { type: string; values: string[] }>;
  textareas: string[];
  buttons: { name: string; value: string }[];
}

const decode = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z][\w-]*)(?:="([^"]*)")?/g)) if (m[1]) out[m[1]] = decode(m[2] ?? '');
  return out;
}

/** Every form of a page, read with regular expressions (the app's own, well-formed HTML). */
export function formsOf(html: string): Form[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => {
    const inner = m[2] ?? '';
    const form: Form = { action: attrs(m[1] ?? '')['action'] ?? '', hidden: {}, choices: new Map(), textareas: [], buttons: [] };
    for (const i of inner.matchAll(/<input\b([^>]*)>/g)) {
      const a = attrs(i[1] ?? '');
      const name = a['name'];
      if (!name) continue;
      if (a['type'] === 'hidden') form.hidden[name] = a['value'] ?? '';
      else if (a['type'] === 'radio' || a['type'] === 'checkbox') {
        const group = form.choices.get(name) ?? { type: a['type'], values: [] };
        group.values.push(a['value'] ?? '');
        form.choices.set(name, group);
      }
    }
    for (const t of inner.matchAll(/<textarea\b([^>]*)>/g)) {
      const name = attrs(t[1] ?? '')['name'];
      if (name) form.textareas.push(name);
    }
    for (const b of inner.matchAll(/<button\b([^>]*)>/g)) {
      const a = attrs(b[1] ?? '');
      if (a['name']) form.buttons.push({ name: a['name'], value: a['value'] ?? '' });
    }
    return form;
  });
}

/** The form posting to an action that ends with `suffix`. */
export function formFor(html: string, suffix: string): Form {
  const form = formsOf(html).find((f) => f.action.endsWith(suffix));
  if (!form) throw new Error(`no form posting to …${suffix}`);
  return form;
}

/** Encodes a form body as a browser does. */
export function encodeForm(body: FormBody): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
}

/** A browser over inject(): keeps path-scoped cookies, follows 303s when asked. */
export function browser(app: FastifyInstance, extra: Pick<InjectOptions, 'remoteAddress' | 'headers'> = {}) {
  const jar = new Map<string, { name: string; value: string; path: string }>();

  function remember(setCookie: string | string[] | number | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : []) {
      const [pair = '', ...rest] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = rest.find((r) => /^path=/i.test(r))?.slice(5) ?? '/';
      const expired = rest.some((r) => /^expires=.*1970/i.test(r) || /^max-age=0$/i.test(r)) || value === '';
      if (expired) jar.delete(`${name}|${path}`);
      else jar.set(`${name}|${path}`, { name, value, path });
    }
  }

  function cookieHeader(url: string): string | undefined {
    const path = url.split('?')[0] ?? '/';
    const sent = [...jar.values()].filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`));
    return sent.length > 0 ? sent.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  const FORM = 'application/x-www-form-urlencoded';
  async function send(method: 'GET' | 'POST', url: string, body?: FormBody | string, contentType = FORM): Promise<Page> {
    const cookie = cookieHeader(url);
    const res = await app.inject({
      method,
      url,
      ...extra,
      headers: {
        ...(extra.headers ?? {}),
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : encodeForm(body) } : {}),
    });
    remember(res.headers['set-cookie']);
    return { status: res.statusCode, url, headers: res.headers, body: res.body };
  }

  async function follow(page: Page): Promise<Page> {
    let p = page;
    for (let i = 0; i < 10 && p.status >= 300 && p.status < 400; i++) p = await send('GET', String(p.headers['location']));
    return p;
  }

  return {
    jar,
    get: (url: string) => send('GET', url),
    post: (url: string, body: FormBody | string, contentType?: string) => send('POST', url, body, contentType),
    follow,
    /** Posts and follows redirects, as a browser does after a form. */
    submit: async (url: string, body: FormBody) => follow(await send('POST', url, body)),
    open: async (url: string) => follow(await send('GET', url)),
    forget: () => jar.clear(),
  };
}

export type Browser = ReturnType<typeof browser>;

/** An open wave of a survey in a fresh local authority. */
export async function openWave(services: Services, survey: 'ylyc' | 'ylbc', status: 'open' | 'planned' = 'open'): Promise<Wave> {
  const name = `Testshire ${Math.random().toString(36).slice(2, 8)}`;
  const la = await services.programme.addLa({ name, nation: 'england', onsCode: 'E10000001' });
  const eligible = survey === 'ylyc' ? { 'ylyc-4-7': 10, 'ylyc-8-11': 10, 'ylyc-11-17': 10 } : { 'ylbc-16-25': 10 };
  return services.programme.openWave({ laId: la.id, survey, eligible, opensOn: '2026-03-01', closesOn: '2026-04-30', status });
}

/** Answers every page of the journey from the intro on, choosing with `pick`; returns what was sent. */
export async function answerPages(
  b: Browser,
  start: Page,
  pick: (name: string, values: string[], type: string) => string | string[] | undefined,
): Promise<{ review: Page; sent: Record<string, string | string[]> }> {
  const sent: Record<string, string | string[]> = {};
  let page = start;
  for (let i = 0; i < 80 && !page.url.endsWith('/review'); i++) {
    expect(page.status).toBe(200);
    const form = formFor(page.body, page.url);
    const body: FormBody = { action: 'continue' };
    for (const [name, group] of form.choices) {
      const v = pick(name, group.values, group.type);
      if (v !== undefined) body[name] = v;
    }
    for (const name of form.textareas) {
      const v = pick(name, [], 'text');
      if (v !== undefined) body[name] = v;
    }
    for (const [k, v] of Object.entries(body)) if (k !== 'action') sent[k] = v;
    page = await b.submit(page.url, body);
  }
  expect(page.url).toMatch(/\/review$/);
  return { review: page, sent };
}

/** From the link to the first page of the instrument an age leads to. */
export async function begin(b: Browser, wave: Wave, age?: number, school?: 'primary' | 'secondary', adultHelped = 'yes'): Promise<Page> {
  const base = `/s/${wave.linkCode}`;
  const start = await b.open(base);
  expect(start.status).toBe(200);
  let res = await b.post(`${base}/start`, age === undefined ? {} : { age: String(age) });
  if (res.status === 200) {
    // The school question, rendered straight from the POST.
    expect(res.body).toContain('name="school"');
    res = await b.post(`${base}/start`, { age: String(age), school: school ?? 'primary' });
  }
  const intro = await b.follow(res);
  expect(intro.url).toBe(`${base}/intro`);
  return b.submit(`${base}/intro`, { adultHelped });
}
