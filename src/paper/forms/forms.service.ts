/**
 * Printable forms: what a wave offers to print, and issuing copies (fresh serials recorded, the layout
 * stored, the PDF streamed). Programme roles with `paper.print` only: completed forms come back to the
 * programme, never through the LA, so LA roles get "not found".
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Translator } from '../../lib/i18n.ts';
import { newCode, newId } from '../../lib/ids.ts';
import { getInstrument, type Instrument } from '../../instruments/index.ts';
import { mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../../programme/index.ts';
import type { FormDesign } from './design.ts';
import { pdfMeasure, renderForms } from './draw.ts';
import { formsRepository, type IssuedCount } from './forms.repository.ts';
import { designForm } from './layout.ts';
import { SERIAL_LENGTH } from './payload.ts';

/** The most copies one download or command may issue. */
export const MAX_COPIES = 2000;

export interface PrintChoice {
  instrumentId: string;
  name: string;
  languages: string[];
  pages: number;
}

export interface PrintPage {
  wave: Wave;
  choices: PrintChoice[];
  issued: Array<IssuedCount & { name: string }>;
  /** False once fieldwork has closed. */
  printable: boolean;
}

export interface FormRequest {
  instrumentId: string;
  lang: string;
  copies: string | number;
}

export type FormProblem = 'instrument' | 'lang' | 'copies';

export type IssueOutcome =
  | { ok: true; stream: Readable; fileName: string; copies: number; pages: number; layoutId: string }
  | { ok: false; problems: FormProblem[] };

export function formsService(deps: { db: Db; clock: Clock; programme: ProgrammeService; audit: AuditLog; i18n: Translator; newSerial?: () => string }) {
  const repo = formsRepository(deps.db);
  const newSerial = deps.newSerial ?? (() => newCode(SERIAL_LENGTH));
  const designs = new Map<string, Promise<FormDesign>>();
  // Text widths per language: each language is measured with the fonts it is drawn with.
  const measures = new Map<string, ReturnType<typeof pdfMeasure>>();

  /** The form of an instrument in a language, laid out once per process. */
  function design(instrument: Instrument, lang: string): Promise<FormDesign> {
    const key = `${instrument.id}@${instrument.version}.${lang}`;
    let found = designs.get(key);
    if (!found) {
      const measure = measures.get(lang) ?? pdfMeasure(lang);
      measures.set(lang, measure);
      found = measure.then((m) => designForm(instrument, lang, (k, vars) => deps.i18n.t(lang, k, vars), (k) => deps.i18n.has(lang, k), m));
      designs.set(key, found);
    }
    return found;
  }

  const languagesOf = (wave: Wave, instrument: Instrument): string[] => {
    const both = instrument.languages.filter((l) => wave.languages.includes(l));
    return both.length > 0 ? both : [...instrument.languages];
  };
  const nameOf = (id: string): string => deps.i18n.t('en', `instrument.${id}.name`);

  async function waveFor(actor: Actor | null, waveId: string): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    if (!wave || (actor !== null && !mayActIn(actor, 'paper.print', wave.laId))) throw new AppError('not_found');
    return wave;
  }

  async function issue(actor: Actor | null, wave: Wave, request: FormRequest): Promise<IssueOutcome> {
    if (wave.status === 'closed' || wave.status === 'reported') throw new AppError('wave_closed', 'Fieldwork for this wave has closed, so no more forms can be printed.');
    const problems: FormProblem[] = [];
    const instrument = wave.instruments.includes(request.instrumentId as Instrument['id']) ? getInstrument(request.instrumentId) : undefined;
    if (!instrument) problems.push('instrument');
    const lang = request.lang === '' ? 'en' : request.lang;
    if (instrument && !languagesOf(wave, instrument).includes(lang)) problems.push('lang');
    const copies = typeof request.copies === 'number' ? request.copies : /^\s*\d{1,6}\s*$/.test(request.copies) ? Number(request.copies) : NaN;
    if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) problems.push('copies');
    if (!instrument || problems.length > 0) return { ok: false, problems };

    const form = await design(instrument, lang);
    const now = deps.clock.now().toISOString();
    await repo.saveLayout(form.layout, now);
    const batchId = newId();
    const serials = await repo.issue({ waveId: wave.id, instrumentId: instrument.id, layoutId: form.layout.layoutId, batchId, issuedAt: now }, copies, newSerial);
    await deps.audit.record(actor, 'paper.forms_issued', wave.laId, wave.id, { instrument: instrument.id, layout: form.layout.layoutId, copies, batch: batchId });
    const stream = await renderForms(form, { waveId: wave.id, serials, footer: (serial, page, pages) => deps.i18n.t(lang, 'paper.footer', { serial, page, pages }) });
    const fileName = `bright-spots-${instrument.id}-${lang}-${copies}-${copies === 1 ? 'copy' : 'copies'}.pdf`;
    return { ok: true, stream, fileName, copies, pages: form.layout.pages, layoutId: form.layout.layoutId };
  }

  return {
    /** What a wave offers to print, with the sheets issued so far. */
    async printPage(actor: Actor, waveId: string): Promise<PrintPage> {
      const wave = await waveFor(actor, waveId);
      const choices: PrintChoice[] = [];
      for (const id of wave.instruments) {
        const instrument = getInstrument(id);
        if (!instrument) continue;
        const languages = languagesOf(wave, instrument);
        const form = await design(instrument, languages[0] ?? 'en');
        choices.push({ instrumentId: id, name: nameOf(id), languages, pages: form.layout.pages });
      }
      const issued = (await repo.issuedCounts(wave.id)).map((c) => ({ ...c, name: nameOf(c.instrumentId) }));
      return { wave, choices, issued, printable: wave.status === 'planned' || wave.status === 'open' };
    },

    /** Issues copies of a form for a member of staff: serials recorded, audited, the PDF as a stream. */
    async issueForms(actor: Actor, waveId: string, request: FormRequest): Promise<IssueOutcome> {
      return issue(actor, await waveFor(actor, waveId), request);
    },

    /** The same for the operator's command line (audited without an account). */
    async operatorForms(waveId: string, request: FormRequest): Promise<IssueOutcome> {
      return issue(null, await waveFor(null, waveId), request);
    },

    /** The printed layout a scan's QR code names, for reading it. */
    findLayout: (layoutId: string) => repo.findLayout(layoutId),
    /** An issued sheet by serial, for matching scanned pages. */
    findSheet: (serial: string) => repo.findSheet(serial),
    /** The form design (drawing and layout) of an instrument in a language. */
    async formDesign(instrumentId: string, lang: string): Promise<FormDesign> {
      const instrument = getInstrument(instrumentId);
      if (!instrument || !instrument.languages.includes(lang)) throw new AppError('not_found');
      return design(instrument, lang);
    },
  };
}

export type FormsService = ReturnType<typeof formsService>;
