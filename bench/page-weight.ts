/**
 * Page weight: the compressed bytes a phone downloads for a typical survey page, the HTML plus every
 * stylesheet, script and image it references, each fetched with `accept-encoding: br, gzip` as a browser
 * asks. Counted as bytes on the wire (body bytes as sent, not decompressed), with the uncompressed size
 * alongside. Goal: under 50 KB per page.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getInstrument, visiblePages, type Instrument, type InstrumentId, type Page } from '../src/instruments/index.ts';
import { systemClock } from '../src/lib/clock.ts';
import { LANGUAGES } from '../src/lib/i18n.ts';
import { programmeRepository, programmeService } from '../src/programme/index.ts';
import { startSurvey } from './journey.ts';
import { browserlessClient, printFigure, round, seededDataDir, startServerProcess, type Figures } from './lib.ts';

const GOAL_KB = 50;

interface Fetched {
  url: string;
  status: number;
  encoding: string;
  wireBytes: number;
  /** The body as sent (compressed when `encoding` says so). */
  body: Buffer;
}

/** The body decompressed, as text. */
function decoded(f: Fetched): string {
  const raw = f.encoding === 'br' ? brotliDecompressSync(f.body) : f.encoding === 'gzip' ? gunzipSync(f.body) : f.body;
  return raw.toString('utf8');
}

/** GETs a URL and counts the body bytes as they arrive, without decompressing them. */
function fetchRaw(url: string, cookie: string | undefined): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'accept-encoding': 'br, gzip', accept: '*/*' };
    if (cookie) headers['cookie'] = cookie;
    const req = request(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ url, status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? 'identity'), wireBytes: body.length, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Same-origin URLs of the stylesheets, scripts and images an HTML page references. */
export function referencedAssets(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = (m: RegExpExecArray | null) => (m ? (m[2] ?? m[3] ?? m[4] ?? '') : '');
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = value(attr(tag, 'rel')).toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet') || rel.includes('icon') || rel.includes('modulepreload')) urls.add(value(attr(tag, 'href')));
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) urls.add(value(attr(tag, 'src')));
  for (const tag of html.match(/<img\b[^>]*>/gi) ?? []) urls.add(value(attr(tag, 'src')));
  const origin = new URL(pageUrl).origin;
  return [...urls]
    .filter((u) => u && !u.startsWith('data:'))
    .map((u) => new URL(u, pageUrl).href)
    .filter((u) => u.startsWith(origin));
}

/** Same-origin font files (woff2) a stylesheet's @font-face rules point at. */
export function fontsOf(css: string, cssUrl: string): string[] {
  const origin = new URL(cssUrl).origin;
  return [...css.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)].map((m) => new URL(m[1] ?? '', cssUrl).href).filter((u) => u.startsWith(origin));
}

/** The first page of an instrument, shown before any answer, that satisfies a test. */
function findPage(instrument: Instrument, test: (p: Page) => boolean): Page {
  const page = visiblePages(instrument, {}).find(test);
  if (!page) throw new Error(`${instrument.id} has no page of the kind measured`);
  return page;
}

interface Weight {
  htmlBytes: number;
  assetBytes: number;
  total: number;
  requests: number;
  lines: string[];
}

async function weigh(base: string, cookie: string | undefined, path: string): Promise<Weight> {
  const pageUrl = new URL(path, base).href;
  const html = await fetchRaw(pageUrl, cookie);
  if (html.status !== 200) throw new Error(`${path}: expected 200, got ${html.status}`);
  const linked = await Promise.all(referencedAssets(decoded(html), pageUrl).map((u) => fetchRaw(u, undefined)));
  // Fonts a stylesheet declares (a script's font, in a language that needs one): counted in full, an upper
  // bound, since a browser fetches only the unicode-range subsets and weights the page's text uses.
  const fontUrls = new Set(linked.filter((a) => new URL(a.url).pathname.endsWith('.css')).flatMap((a) => fontsOf(decoded(a), a.url)));
  const assets = [...linked, ...(await Promise.all([...fontUrls].map((u) => fetchRaw(u, undefined))))];
  const lines = [`html ${path.replace(/\/s\/[^/]+/, '/s/:code')} ${html.wireBytes} B (${html.encoding})`];
  for (const a of assets) {
    if (a.status !== 200) throw new Error(`${a.url}: expected 200, got ${a.status}`);
    lines.push(`${new URL(a.url).pathname} ${a.wireBytes} B (${a.encoding})`);
  }
  const assetBytes = assets.reduce((n, a) => n + a.wireBytes, 0);
  return { htmlBytes: html.wireBytes, assetBytes, total: html.wireBytes + assetBytes, requests: 1 + assets.length, lines };
}

/** A page of an instrument reached through the journey: start at an age, pass the introduction. */
async function pageOf(url: string, linkCode: string, age: number, id: InstrumentId, test: (p: Page, i: Instrument) => boolean) {
  const instrument = getInstrument(id);
  if (!instrument) throw new Error(`no instrument ${id}`);
  const client = browserlessClient(url);
  await startSurvey(client, linkCode, age);
  const page = findPage(instrument, (p) => test(p, instrument));
  const token = client.cookie('bs_draft');
  return { path: `/s/${linkCode}/p/${encodeURIComponent(page.id)}`, cookie: token ? `bs_draft=${token}` : undefined };
}

/** Runs the page-weight measurement and prints its figures. */
export async function run(): Promise<Figures> {
  const seeded = await seededDataDir('ylyc');
  const { dataDir, wave } = seeded;
  try {
    const server = await startServerProcess(dataDir, { LOG_LEVEL: 'warn' }, join(dataDir, 'server.log'));
    try {
      const multi = await pageOf(server.url, wave.linkCode, 14, 'ylyc-11-17', (p) => p.questions.length >= 3);
      const faces = await pageOf(server.url, wave.linkCode, 5, 'ylyc-4-7', (p, i) =>
        p.questions.some((id) => {
          const s = i.questions.find((q) => q.id === id)?.scale;
          return s?.kind === 'choice' && s.layout === 'faces';
        }),
      );
      const start = { path: `/s/${wave.linkCode}`, cookie: undefined };
      const results: [string, string, Weight][] = [
        ['multi', 'ylyc-11-17 multi-question page', await weigh(server.url, multi.cookie, multi.path)],
        ['faces', 'ylyc-4-7 faces page', await weigh(server.url, faces.cookie, faces.path)],
        ['start', 'start page (age choice)', await weigh(server.url, start.cookie, start.path)],
      ];
      console.log(`\nPage weight (compressed bytes on the wire: HTML + every stylesheet, script and image it references)`);
      const figures: Figures = {};
      for (const [key, label, w] of results) {
        printFigure(`${label}: total`, round(w.total / 1024, 1), `KB in ${w.requests} requests (goal < ${GOAL_KB} KB)`);
        for (const l of w.lines) console.log(`      ${l}`);
        figures[`${key}_page_total_kb`] = round(w.total / 1024, 1);
        figures[`${key}_page_html_kb`] = round(w.htmlBytes / 1024, 1);
        figures[`${key}_page_requests`] = w.requests;
      }
      // Every language the platform knows, on a wave that offers them all: the start page and a question
      // page, each with the fonts its language needs (none for Latin-script languages).
      const programme = programmeService(programmeRepository(seeded.conn.db), systemClock);
      const codes = LANGUAGES.map((l) => l.code);
      const year = Number(programme.today().slice(0, 4));
      const every = await programme.openWave({
        laId: wave.laId,
        survey: 'ylyc',
        eligible: { 'ylyc-11-17': 100 },
        languages: codes,
        draftLanguages: codes.filter((c) => c !== 'en'),
        opensOn: `${year - 1}-01-01`,
        closesOn: `${year + 1}-12-31`,
      });
      console.log(`\nPage weight per language (start page and a ylyc-11-17 question page, with fonts)`);
      for (const lang of codes) {
        const client = browserlessClient(server.url);
        await client.post(`/s/${every.linkCode}/language`, { lang, back: `/s/${every.linkCode}` });
        const langCookie = `bs_lang=${lang}`;
        const first = await weigh(server.url, langCookie, `/s/${every.linkCode}`);
        await startSurvey(client, every.linkCode, 14);
        const instrument = getInstrument('ylyc-11-17');
        if (!instrument) throw new Error('no ylyc-11-17');
        const page = findPage(instrument, (p) => p.questions.length >= 3);
        const token = client.cookie('bs_draft');
        const question = await weigh(server.url, `${langCookie}${token ? `; bs_draft=${token}` : ''}`, `/s/${every.linkCode}/p/${encodeURIComponent(page.id)}`);
        if (!question.lines[0]?.includes('/p/')) throw new Error(`${lang}: no question page`);
        printFigure(`${lang}: start page`, round(first.total / 1024, 1), `KB in ${first.requests} requests`);
        printFigure(`${lang}: question page`, round(question.total / 1024, 1), `KB in ${question.requests} requests`);
        for (const l of question.lines.filter((x) => /font-|noto-/.test(x))) console.log(`      ${l}`);
        figures[`lang_${lang}_start_page_total_kb`] = round(first.total / 1024, 1);
        figures[`lang_${lang}_question_page_total_kb`] = round(question.total / 1024, 1);
      }
      return figures;
    } finally {
      await server.stop();
    }
  } finally {
    await seeded.cleanup();
  }
}
