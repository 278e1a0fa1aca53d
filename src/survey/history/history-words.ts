/** The import's problem messages: one sentence each, naming what to change in the file. */
import { DECLINED } from '../../instruments/index.ts';
import type { ProblemCode } from './history.ts';

type Vars = Readonly<Record<string, string>>;

const MESSAGES: Record<ProblemCode, (v: Vars) => string> = {
  empty_file: () => 'The file is empty: the first row must be the header (instrument, channel, then question ids).',
  no_rows: () => 'The file has a header but no responses.',
  identifier_column: (v) =>
    `Column "${v['column']}" looks like ${v['words']}: responses are anonymous, so the file must not hold it. Delete the column; no row was read.`,
  free_text_column: (v) =>
    `Column "${v['column']}" is a free-text question: historical free text is not imported (it was never screened for safeguarding and may name people). Delete the column.`,
  unknown_column: (v) => `Column "${v['column']}" is not a question of ${v['survey']}: use the question ids of "brightspots import template", or delete the column.`,
  duplicate_column: (v) => `Column "${v['column']}" appears more than once.`,
  no_instrument_column: (v) => `The header has no "instrument" column: each row must say which age version it answers (${v['instruments']}).`,
  no_heading: (v) => `"${v['value']}" is in ${v['column']}, which has no heading.`,
  empty_row: () => 'The row has no answers.',
  no_instrument: () => 'The instrument is blank.',
  unknown_instrument: (v) => `"${v['value']}" is not an instrument: use ${v['instruments']}.`,
  other_survey: (v) => `${v['value']} is not an instrument of ${v['survey']}: import it with that survey's file.`,
  unknown_channel: (v) => `"${v['value']}" is not a channel: use online or paper, or leave it blank (online).`,
  not_in_instrument: (v) => `${v['instrument']} does not ask ${v['column']}: leave the cell blank.`,
  hidden: (v) => `The survey would not have asked ${v['column']} after this row's earlier answers (its skip logic), so the answer cannot be stored.`,
  not_an_option: (v) => `"${v['value']}" is not an answer to ${v['column']}: use ${v['allowed'] ?? 'an answer code of the question bank'}.`,
  not_a_number: (v) => `"${v['value']}" is not an answer to ${v['column']}: use ${v['allowed'] ?? 'a whole number'}.`,
  out_of_range: (v) => `${v['value']} is outside the scale of ${v['column']}: use ${v['allowed'] ?? 'a number on the scale'}.`,
  expected_one_value: (v) => `${v['column']} takes one answer.`,
  declined_with_others: (v) => `${DECLINED} cannot be ticked with other answers in ${v['column']}.`,
  too_long: (v) => `The answer to ${v['column']} is too long.`,
};

/** The sentence for a problem, filled in from its column, value and details. */
export function problemText(code: ProblemCode, vars: Vars): string {
  return MESSAGES[code](vars);
}
