/** Test helpers: a PDF read with poppler's tools (pdfinfo, pdftotext, pdftohtml), as a reader's software sees it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReadPdf {
  readonly pages: number;
  /** pdfinfo's fields: Title, Author, Tagged, Page size... */
  readonly info: Readonly<Record<string, string>>;
  /** The text of every page, in reading order, pages separated by form feeds. */
  readonly text: string;
  /** The text of each page. */
  readonly pageTexts: readonly string[];
  /** The structure tree as pdfinfo prints it, one element a line, indented by depth. */
  readonly struct: string;
  /** The outline (bookmarks), each item with its depth (0 = top level) and page. */
  readonly outline: readonly { readonly title: string; readonly depth: number; readonly page: number }[];
  /** The file as Latin-1 text, for looking at its dictionaries (which pdfkit leaves uncompressed). */
  readonly raw: string;
}

const decode = (s: string): string => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** Reads a PDF with the system's poppler tools. */
export function readPdf(file: Buffer): ReadPdf {
  const dir = mkdtempSync(join(tmpdir(), 'brightspots-pdf-'));
  try {
    const path = join(dir, 'file.pdf');
    writeFileSync(path, file);
    const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const info = Object.fromEntries(
      run('pdfinfo', [path])
        .split('\n')
        .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const text = run('pdftotext', ['-enc', 'UTF-8', path, '-']);
    const xml = run('pdftohtml', ['-xml', '-stdout', '-i', '-q', path]);
    const outline: { title: string; depth: number; page: number }[] = [];
    const part = /<outline>[\s\S]*<\/outline>/.exec(xml)?.[0] ?? '';
    let depth = -1;
    for (const m of part.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
      if (m[0] === '<outline>') depth++;
      else if (m[0] === '</outline>') depth--;
      else outline.push({ title: decode(m[2] ?? ''), depth, page: Number(m[1]) });
    }
    return {
      pages: Number(info['Pages']),
      info,
      text,
      pageTexts: text.split('\f').slice(0, Number(info['Pages'])),
      struct: run('pdfinfo', ['-struct', path]),
      outline,
      raw: file.toString('latin1'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
