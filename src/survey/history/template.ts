/**
 * The import file's shape from the other side: the header of a survey's file, a response turned into
 * a row of cells, and the template (header plus one example row per instrument). Pure.
 */
import { mulberry32, syntheticAnswers, type Answer, type InstrumentId, type SurveyId } from '../../instruments/index.ts';
import { CHANNEL_COLUMN, INSTRUMENT_COLUMN, MULTI_SEPARATOR, instrumentsOf, type ImportChannel } from './history.ts';

/** `instrument`, `channel`, then every answerable question id of the survey (free text left out). */
export function templateHeader(survey: SurveyId): string[] {
  const ids: string[] = [];
  for (const inst of instrumentsOf(survey)) {
    for (const q of inst.questions) if (q.scale.kind !== 'text' && !ids.includes(q.id)) ids.push(q.id);
  }
  return [INSTRUMENT_COLUMN, CHANNEL_COLUMN, ...ids];
}

/** One response as the cells of a row under `header`: codes, whole numbers, ticked codes joined by ";". */
export function toCells(header: readonly string[], response: { instrumentId: InstrumentId; channel: ImportChannel; answers: Readonly<Record<string, Answer>> }): string[] {
  return header.map((column) => {
    if (column === INSTRUMENT_COLUMN) return response.instrumentId;
    if (column === CHANNEL_COLUMN) return response.channel;
    const a = response.answers[column];
    if (a === undefined) return '';
    return typeof a === 'string' ? a : typeof a === 'number' ? String(a) : a.join(MULTI_SEPARATOR);
  });
}

/** The template: the header and one made-up, valid example row per instrument of the survey. */
export function templateRows(survey: SurveyId, seed = 1): string[][] {
  const header = templateHeader(survey);
  const rng = mulberry32(seed);
  const examples = instrumentsOf(survey)
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((inst) => toCells(header, { instrumentId: inst.id, channel: 'online', answers: syntheticAnswers(inst, rng).answers }));
  return [header, ...examples];
}
