/** Test helpers: a .pptx opened with the system's `unzip`, as the slides' XML, their charts and notes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PptxSlide {
  readonly xml: string;
  /** The slide's visible words, run by run joined with spaces. */
  readonly text: string;
  /** Each chart's XML, in the order the slide refers to them. */
  readonly charts: readonly string[];
  /** The speaker notes' words, or '' when the slide has none. */
  readonly notes: string;
}

export interface Pptx {
  readonly entries: readonly string[];
  readonly slides: readonly PptxSlide[];
  /** Every XML part of the file, concatenated (chart workbooks are zips of their own, left out). */
  readonly allXml: string;
  /** One XML part by its path in the file, or '' when there is none. */
  read(entry: string): string;
}

/** The words in a DrawingML part (`<a:t>` runs). */
export function words(xml: string): string {
  // Fields (the slide number) are PowerPoint's, not the deck's words.
  return [...xml.replace(/<a:fld [\s\S]*?<\/a:fld>/g, '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1] ?? '')).join(' ');
}

const unescape = (s: string): string => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** A chart's category labels and values, from its cached data. */
export function chartData(xml: string): { labels: string[]; values: number[] } {
  const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? '';
  const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(xml)?.[1] ?? '';
  const points = (part: string): string[] => [...part.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => unescape(m[1] ?? ''));
  return { labels: points(cat), values: points(val).map(Number) };
}

/** Opens a .pptx: the slides in order with their charts and notes, and every XML part. */
export function openPptx(file: Buffer): Pptx {
  const dir = mkdtempSync(join(tmpdir(), 'brightspots-pptx-'));
  try {
    const path = join(dir, 'deck.pptx');
    writeFileSync(path, file);
    const entries = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter((e) => e !== '');
    execFileSync('unzip', ['-q', path, '-d', join(dir, 'x')]);
    const parts = new Map(entries.filter((e) => /\.(xml|rels)$/.test(e)).map((e) => [e, readFileSync(join(dir, 'x', e), 'utf8')]));
    const read = (entry: string): string => parts.get(entry) ?? '';
    const count = entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e)).length;
    const target = (rels: string, type: string): string[] =>
      [...rels.matchAll(new RegExp(`Type="[^"]*/${type}" Target="([^"]+)"`, 'g'))].map((m) => (m[1] ?? '').replace(/^(\/|\.\.\/)(ppt\/)?/, 'ppt/'));
    const slides = Array.from({ length: count }, (_, i): PptxSlide => {
      const xml = read(`ppt/slides/slide${i + 1}.xml`);
      const rels = read(`ppt/slides/_rels/slide${i + 1}.xml.rels`);
      // Rels may list the same target twice; each chart once, in order of its id.
      const charts = [...new Set(target(rels, 'chart'))].map(read);
      const notes = target(rels, 'notesSlide').map(read).map(words).join(' ');
      return { xml, text: words(xml), charts, notes };
    });
    const allXml = [...parts.values()].join('\n');
    return { entries, slides, allXml, read };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
