/**
 * The browser journeys' test bed: a real server on a free port over a temporary DATA_DIR (SQLite), an
 * LA with open YLYC and YLBC waves and a closed one (seeded through the programme service), one
 * Chromium per test file, and the checks every page must pass (axe-core WCAG 2.2 AA, 48px targets).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { connect, migrate, type Connection, type Db } from '../src/db/index.ts';
import { systemClock } from '../src/lib/clock.ts';
import { start } from '../src/main.ts';
import { programmeRepository, programmeService, type ProgrammeService, type Wave } from '../src/programme/index.ts';

/** The WCAG 2.2 AA rule sets axe-core runs. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Minimum target size in CSS px, both ways (our bar; WCAG 2.5.8 asks 24, 2.5.5 AAA asks 44). */
export const MIN_TARGET = 48;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone: the survey's main audience. */
export const MOBILE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

export interface Harness {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  browser: Browser;
  /** A connection of our own to the server's SQLite file, for seeding and checking what was stored. */
  db: Db;
  programme: ProgrammeService;
  waves: { ylyc: Wave; ylbc: Wave; closed: Wave };
  /** A new browser context (phone-sized unless told otherwise); closed with the harness. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** The full URL of a wave's survey link. */
  linkOf(wave: Wave): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Keep Chromium's back/forward cache on, as real browsers have it (Playwright turns it off by
   * default): Back may then show a page restored from memory rather than ask the server again.
   */
  backForwardCache?: boolean;
}

/** Launches Debian's Chromium (or CHROMIUM_PATH) without anything that reaches the network. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
}

/** Starts the platform and a browser for one test file. Extra env overrides the server's configuration. */
export async function startHarness(env: Record<string, string> = {}, launch: LaunchOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-e2e-'));
  let conn: Connection | undefined;
  let server: { url: string; stop: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  try {
    conn = connect({ dataDir });
    await migrate(conn.db);
    const programme = programmeService(programmeRepository(conn.db), systemClock);
    const waves = await seedWaves(programme);
    [server, browser] = await Promise.all([
      start({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        // One browser from one address takes many journeys in a row.
        RATE_LIMIT_PER_MINUTE: '100000',
        DRAFTS_PER_WAVE_PER_HOUR: '100000',
        ...env,
      }),
      launchChromium(launch),
    ]);
    const contexts: BrowserContext[] = [];
    const s = server;
    const b = browser;
    const c = conn;
    return {
      url: s.url,
      dataDir,
      browser: b,
      db: c.db,
      programme,
      waves,
      async newContext(options = MOBILE) {
        const ctx = await b.newContext({ baseURL: s.url, ...options });
        // Fail fast with the locator in the message rather than at the test's time limit.
        ctx.setDefaultTimeout(10_000);
        if (options.javaScriptEnabled === false) markNoJs(ctx);
        contexts.push(ctx);
        return ctx;
      },
      linkOf: (wave) => `${s.url}/s/${wave.linkCode}`,
      async close() {
        await Promise.allSettled(contexts.map((x) => x.close()));
        await b.close();
        await s.stop();
        await c.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close();
    await server?.stop();
    await conn?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** An LA with an open YLYC wave, an open YLBC wave and a closed YLYC wave. */
async function seedWaves(programme: ProgrammeService): Promise<Harness['waves']> {
  const la = await programme.addLa({ name: 'Testshire County Council', nation: 'england', onsCode: 'E10000099' });
  const today = programme.today();
  const year = Number(today.slice(0, 4));
  const window = { opensOn: `${year - 1}-01-01`, closesOn: `${year + 1}-12-31` };
  const ylyc = await programme.openWave({
    laId: la.id,
    survey: 'ylyc',
    eligible: { 'ylyc-4-7': 40, 'ylyc-8-11': 60, 'ylyc-11-17': 120 },
    ...window,
  });
  const ylbc = await programme.openWave({ laId: la.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 150 }, ...window });
  const open = await programme.openWave({
    laId: la.id,
    survey: 'ylyc',
    title: 'Testshire Your Life, Your Care (last round)',
    eligible: { 'ylyc-8-11': 10 },
    opensOn: `${year - 2}-01-01`,
    closesOn: `${year - 2}-03-31`,
  });
  const closed = await programme.closeWave(open.id);
  return { ylyc, ylbc, closed };
}

// ---------------------------------------------------------------------------------------------------
// Accessibility

interface AxeViolationReport {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Contexts made with JavaScript switched off: axe-core cannot run in their pages (it needs timers). */
const noJsContexts = new WeakSet<BrowserContext>();

/** Marks a context as JavaScript-free, so checkA11y audits a faithful copy of its pages instead. */
export function markNoJs(context: BrowserContext): void {
  noJsContexts.add(context);
}

/**
 * For a page rendered without JavaScript: the same HTML at the same URL in a JavaScript-enabled page
 * with every script removed or blocked, so axe-core can run over exactly what the no-JS user sees.
 */
async function staticCopy(page: Page): Promise<{ copy: Page; done: () => Promise<void> }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser');
  const viewport = page.viewportSize();
  const ctx = await browser.newContext(viewport ? { viewport } : {});
  const copy = await ctx.newPage();
  const url = page.url();
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    // Without JS, <noscript> content is ordinary markup; keep it rendered in the copy.
    .replace(/<(\/?)noscript\b/gi, '<$1div');
  await copy.route('**/*', (route) => {
    const req = route.request();
    if (req.resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (req.resourceType() === 'script') return route.abort();
    return route.continue();
  });
  await copy.goto(url);
  return { copy, done: () => ctx.close() };
}

/** Runs axe-core with the WCAG 2.2 AA tags; returns the violations in a printable shape. */
export async function axeViolations(page: Page): Promise<AxeViolationReport[]> {
  if (noJsContexts.has(page.context())) {
    const { copy, done } = await staticCopy(page);
    try {
      return await axeViolations(copy);
    } finally {
      await done();
    }
  }
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' '),
      html: n.html.slice(0, 200),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

/** Formats violations one line per node, for a failure message a person can act on. */
export function formatViolations(label: string, violations: AxeViolationReport[]): string {
  const lines = [`axe-core (WCAG 2.2 AA) on ${label}: ${violations.length} violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.id}] (${v.impact}) ${v.help} - ${v.helpUrl}`);
    for (const n of v.nodes) lines.push(`      at ${n.target}: ${n.html}${n.summary ? `\n        ${n.summary}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * Asserts the page has no WCAG 2.2 AA violation axe-core can find. A soft assertion: the journey goes
 * on, the test fails at its end, and the message lists every violation's id, help and nodes.
 */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.error(formatViolations(label, violations));
  expect.soft(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), formatViolations(label, violations)).toEqual([]);
}

export interface SmallTarget {
  element: string;
  width: number;
  height: number;
}

/**
 * Every interactive element smaller than MIN_TARGET either way: links, buttons, selects, text areas,
 * summaries and inputs (a radio or checkbox is measured with its label, the target a finger hits).
 * Exempt: inline links in a sentence (WCAG 2.5.8's inline exception), hidden elements
 * and visually hidden ones that appear only on focus (the skip link).
 */
export function smallTargets(page: Page, min = MIN_TARGET): Promise<SmallTarget[]> {
  return page.evaluate((minSize: number) => {
    interface Box {
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const union = (a: Box, b: Box): Box => ({
      left: Math.min(a.left, b.left),
      top: Math.min(a.top, b.top),
      right: Math.max(a.right, b.right),
      bottom: Math.max(a.bottom, b.bottom),
    });
    const isShown = (el: Element): boolean => {
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
      const r = el.getBoundingClientRect();
      // Visually hidden (1px clip) until focused, like a skip link: not a target until then.
      return r.width > 2 && r.height > 2;
    };
    const describe = (el: Element): string => {
      const tag = el.tagName.toLowerCase();
      const id = el.id ? `#${el.id}` : '';
      const name = el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : '';
      const value = el.getAttribute('value') && tag === 'input' ? `[value=${el.getAttribute('value')}]` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `${tag}${id}${name}${value}${text ? ` "${text}"` : ''}`;
    };
    // WCAG 2.5.8's inline exception: a link in a sentence, i.e. inline in a paragraph (or list item) that
    // has text of its own besides the link. A link alone in its paragraph or list item is a target.
    const isInlineTextLink = (el: Element): boolean => {
      if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
      const p = el.closest('p, li');
      if (!p) return false;
      const all = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
      const own = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return all.length > own.length;
    };
    const out: { element: string; width: number; height: number }[] = [];
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]';
    for (const el of Array.from(document.querySelectorAll(selector))) {
      let target: Box | undefined;
      let label = describe(el);
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        const labels = Array.from(el.labels ?? []).filter(isShown);
        if (labels.length === 0 && !isShown(el)) continue;
        for (const l of labels) target = target ? union(target, box(l.getBoundingClientRect())) : box(l.getBoundingClientRect());
        const ir = el.getBoundingClientRect();
        // The input itself counts where it is a real, tappable box (GOV.UK's 44px transparent input).
        if (ir.width >= 24 && ir.height >= 24 && getComputedStyle(el).visibility !== 'hidden') {
          target = target ? union(target, box(ir)) : box(ir);
        }
        label = `${label} with label "${labels.map((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' / ').slice(0, 50)}"`;
      } else {
        if (!isShown(el) || isInlineTextLink(el)) continue;
        target = box(el.getBoundingClientRect());
      }
      if (!target) continue;
      const width = Math.round((target.right - target.left) * 10) / 10;
      const height = Math.round((target.bottom - target.top) * 10) / 10;
      if (width < minSize || height < minSize) out.push({ element: label, width, height });
    }
    return out;
  }, min);
}

/** Asserts every interactive element is at least 48x48 CSS px (soft: the journey goes on, the test fails). */
export async function checkTargets(page: Page, label = page.url()): Promise<void> {
  const small = await smallTargets(page);
  const message = `targets under ${MIN_TARGET}x${MIN_TARGET}px on ${label}:\n${small.map((s) => `  ${s.element}: ${s.width}x${s.height}`).join('\n')}`;
  if (small.length > 0) console.error(message);
  expect.soft(small, message).toEqual([]);
}

/** Both page checks: axe-core and target sizes. */
export async function checkPage(page: Page, label: string): Promise<void> {
  await checkA11y(page, label);
  await checkTargets(page, label);
}

/** Document width in CSS px, to prove there is no horizontal scrolling. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}
