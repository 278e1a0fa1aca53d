/** `brightspots paper forms`: printable paper forms of a wave, each copy with its own serial, written to a PDF. */
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { AppError } from '../lib/errors.ts';
import { LAYOUT_VERSION, MAX_COPIES, parseLayoutId, readScanFile, type FormLayout } from '../paper/index.ts';
import type { Services } from '../services.ts';
import { examples, withServices } from './context.ts';
import { findWaveByRef } from './wave.ts';

interface FormsOptions {
  wave: string;
  instrument: string;
  copies: string;
  lang: string;
  out: string;
}

const problemText = {
  instrument: 'this wave does not offer that questionnaire (--instrument: ylyc-4-7, ylyc-8-11, ylyc-11-17 or ylbc-16-25, as the wave offers)',
  lang: 'the questionnaire is not printed in that language (--lang)',
  copies: `--copies must be a whole number from 1 to ${MAX_COPIES}`,
} as const;

/** Registers `paper` and its `forms` command on the program. */
export function registerPaper(program: Command, env: NodeJS.ProcessEnv): void {
  const paper = program.command('paper').description('paper surveys: printable forms and reading scans of them');
  paper
    .command('forms')
    .description("write printable copies of a wave's questionnaire to one PDF; every copy gets a new serial, recorded as issued")
    .requiredOption('--wave <wave>', 'the wave id or the code in its survey link')
    .requiredOption('--instrument <id>', 'the questionnaire: ylyc-4-7, ylyc-8-11, ylyc-11-17 or ylbc-16-25')
    .requiredOption('--copies <n>', `how many copies (1 to ${MAX_COPIES})`)
    .option('--lang <code>', 'the language of the form', 'en')
    .requiredOption('--out <path>', 'the PDF file to write')
    .addHelpText('after', examples(['brightspots paper forms --wave 7KQ9WXDA --instrument ylyc-4-7 --copies 30 --out northmere-4-7.pdf']))
    .action(async (o: FormsOptions) => {
      await withServices(env, async (s) => {
        const wave = await findWaveByRef(s, o.wave);
        const outcome = await s.paperForms.operatorForms(wave.id, { instrumentId: o.instrument, lang: o.lang, copies: o.copies });
        if (!outcome.ok) throw new AppError('bad_request', outcome.problems.map((p) => problemText[p]).join('; '));
        const out = resolve(o.out);
        try {
          await pipeline(outcome.stream, createWriteStream(out));
        } catch (e) {
          throw new AppError('bad_request', `Cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (check --out).`);
        }
        console.log(`Wrote ${out}: ${outcome.copies} ${outcome.copies === 1 ? 'copy' : 'copies'} of ${o.instrument} for ${wave.title}, ${outcome.pages} pages each (layout ${outcome.layoutId}).`);
      });
    });
  paper
    .command('read')
    .description('read scanned forms (a scanner\'s PDF, PNG, JPEG or TIFF): one line per page with its form, page and answers; a file that cannot be read is reported and the rest go on')
    .argument('<files...>', 'the scanned files')
    .option('--json', 'print one JSON object per page (or per unreadable file) instead of a summary line')
    .option('--crops <folder>', 'write free-text answers as PNG images to this folder')
    .addHelpText('after', examples(['brightspots paper read scans/*.jpg --json > pages.jsonl', 'brightspots paper read batch-3.tiff --crops crops/']))
    .action(async (files: string[], o: ReadOptions) => {
      await withServices(env, async (s) => {
        const unread = await readScans(s, files, o);
        if (unread > 0) throw new AppError('bad_request', `${unread} ${unread === 1 ? 'file or page was' : 'files or pages were'} not read (see above); the rest were.`);
      });
    });
}

interface ReadOptions {
  json?: boolean;
  crops?: string;
}

/** The layout a page names: the stored one, or (for the current layout version) the one drawn now, as forms are drawn the same every time. */
function layoutLookup(s: Services): (layoutId: string) => Promise<FormLayout | null> {
  const cache = new Map<string, Promise<FormLayout | null>>();
  return (layoutId) => {
    let found = cache.get(layoutId);
    if (!found) {
      found = (async () => {
        const stored = await s.paperForms.findLayout(layoutId);
        if (stored) return stored;
        const id = parseLayoutId(layoutId);
        if (!id || id.layoutVersion !== LAYOUT_VERSION) return null;
        const design = await s.paperForms.formDesign(id.instrumentId, id.lang).catch(() => null);
        return design && design.layout.layoutId === layoutId ? design.layout : null;
      })();
      cache.set(layoutId, found);
    }
    return found;
  };
}

/** Reads every file and prints each page; returns how many files or pages could not be read. */
async function readScans(s: Services, files: readonly string[], o: ReadOptions): Promise<number> {
  const layoutOf = layoutLookup(s);
  const print = (line: Record<string, unknown>, text: string): void => console.log(o.json ? JSON.stringify(line) : text);
  const cropDir = o.crops === undefined ? null : resolve(o.crops);
  if (cropDir) {
    try {
      mkdirSync(cropDir, { recursive: true });
    } catch (e) {
      throw new AppError('bad_request', `Cannot write to ${cropDir}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (check --crops).`);
    }
  }
  let unread = 0;
  const perWave = new Map<string, { pages: number; crops: number }>();
  for (const file of files) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (e) {
      unread++;
      const message = `Cannot open the file (${(e as NodeJS.ErrnoException).code ?? 'error'}).`;
      print({ file, ok: false, problem: 'unopenable', message }, `${file}: ${message}`);
      continue;
    }
    const outcome = await readScanFile(data, layoutOf);
    if (!outcome.ok) {
      unread++;
      print({ file, ok: false, problem: outcome.problem, message: outcome.message }, `${file}: ${outcome.message}`);
      continue;
    }
    for (const p of outcome.pages) {
      const where = outcome.pages.length > 1 ? `${file} (image ${p.index + 1})` : file;
      if (!p.ok) {
        unread++;
        print({ file, index: p.index, ok: false, problem: p.problem, message: p.message }, `${where}: ${p.message}`);
        continue;
      }
      const r = p.reading;
      const sheet = await s.paperForms.findSheet(r.serial);
      const issued = sheet !== undefined && sheet.waveId === r.waveId && sheet.layoutId === r.layoutId;
      const crops = r.crops.map((c) => {
        if (!cropDir) return { questionId: c.questionId };
        const name = `${basename(file).replace(/[^A-Za-z0-9._-]/g, '_')}-${p.index + 1}-${r.serial}-p${r.page}-${c.questionId}.png`;
        writeFileSync(join(cropDir, name), c.png);
        return { questionId: c.questionId, file: join(cropDir, name) };
      });
      const tally = perWave.get(r.waveId) ?? { pages: 0, crops: 0 };
      perWave.set(r.waveId, { pages: tally.pages + 1, crops: tally.crops + crops.length });
      const count = (state: string): number => r.questions.filter((q) => q.state === state).length;
      print(
        { file, index: p.index, ok: true, waveId: r.waveId, layoutId: r.layoutId, page: r.page, pages: r.pages, serial: r.serial, issued, rotation: r.rotation, questions: r.questions, flags: r.flags, crops },
        `${where}: form ${r.serial.slice(0, 4)}-${r.serial.slice(4)} (${r.layoutId}) page ${r.page} of ${r.pages}: ${count('answered')} answered, ${count('blank')} blank, ${count('review')} for review, ${crops.length} written ${crops.length === 1 ? 'answer' : 'answers'}${issued ? '' : ' (this form was not printed from this platform)'}`,
      );
    }
  }
  // Reading scans shows what young people wrote: audited per wave, without the content.
  for (const [waveId, tally] of perWave) {
    const wave = await s.programme.findWave(waveId).catch(() => null);
    await s.audit.record(null, 'paper.scans_read', wave?.laId ?? null, waveId, { ...tally, cropsWritten: cropDir !== null });
  }
  return unread;
}
