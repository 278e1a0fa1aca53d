/** The import layout: every refusal the header and the rows can meet, the encodings, and the CSV reading. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DECLINED, getInstrument, mulberry32, syntheticAnswers, type SurveyId } from '../../instruments/index.ts';
import { isAppError } from '../../lib/errors.ts';
import { csvRecords } from './csv.ts';
import { checkHeader, instrumentsOf, readRow, type Layout, type ProblemCode } from './history.ts';
import { templateHeader, templateRows, toCells } from './template.ts';

function layout(header: string[], survey: SurveyId = 'ylyc'): Layout {
  const h = checkHeader(header, survey);
  if (!h.ok) throw new Error(h.problems.map((p) => p.reason).join('; '));
  return h.value;
}

const codes = (header: string[], survey: SurveyId = 'ylyc'): ProblemCode[] => {
  const h = checkHeader(header, survey);
  return h.ok ? [] : h.problems.map((p) => p.code);
};

/** The problems of one row under a header, as [column, code]. */
function rowProblems(header: string[], cells: string[], survey: SurveyId = 'ylyc'): [string, ProblemCode][] {
  const r = readRow(layout(header, survey), cells, 2);
  return r.ok ? [] : r.problems.map((p) => [p.column, p.code]);
}

async function records(text: string | Buffer): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of csvRecords(Readable.from([typeof text === 'string' ? Buffer.from(text) : text]))) out.push(r);
  return out;
}

describe('the header', () => {
  it('refuses columns that look like identifiers, naming what they look like', () => {
    for (const heading of ['Name', 'first_name', 'DOB', 'Date of birth', 'Address', 'Post code', 'Email', 'Phone', 'IP address', 'User agent', 'child_id', 'completed_at']) {
      const h = checkHeader(['instrument', heading, 'trusts_carers'], 'ylyc');
      expect(h.ok, heading).toBe(false);
      if (h.ok) continue;
      expect(h.problems.map((p) => [p.row, p.column, p.code])).toEqual([[1, heading.toLowerCase(), 'identifier_column']]);
    }
    const dob = checkHeader(['instrument', 'DOB'], 'ylyc');
    expect(dob.ok ? '' : dob.problems[0]?.reason).toContain('a date of birth');
  });

  it('refuses free-text, unknown and repeated columns, and a header without an instrument column', () => {
    expect(codes(['instrument', 'anything_else'])).toEqual(['free_text_column']);
    expect(codes(['instrument', 'favourite_colour'])).toEqual(['unknown_column']);
    // A question of the other survey is not a question of this one.
    expect(codes(['instrument', 'knows_pa'], 'ylyc')).toEqual(['unknown_column']);
    expect(codes(['instrument', 'trusts_carers', 'Trusts_Carers'])).toEqual(['duplicate_column']);
    expect(codes(['channel', 'trusts_carers'])).toEqual(['no_instrument_column']);
    expect(codes([])).toEqual(['empty_file']);
    expect(codes(['', ' '])).toEqual(['empty_file']);
  });

  it('accepts headings in any case and order, with blank headings for empty columns', () => {
    const l = layout([' Trusts_Carers ', 'INSTRUMENT', '', 'channel']);
    expect(l.columns.map((c) => c.kind)).toEqual(['question', 'instrument', 'blank', 'channel']);
  });
});

describe('a row', () => {
  const header = ['instrument', 'channel', 'knows_social_worker', 'trusts_social_worker', 'trusts_carers', 'life_satisfaction', 'placement_moves'];

  it('reads codes, scores, "I don\'t want to say" and the channel into answers in the bank\'s order', () => {
    const r = readRow(layout(header), ['ylyc-11-17', 'paper', ' Yes ', 'most_of_the_time', DECLINED, '7', ''], 5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.instrument.id).toBe('ylyc-11-17');
    expect(r.value.channel).toBe('paper');
    expect(r.value.answers).toEqual({ knows_social_worker: 'yes', trusts_social_worker: 'most_of_the_time', trusts_carers: DECLINED, life_satisfaction: 7 });
    const order = getInstrument('ylyc-11-17')?.questions.map((q) => q.id).filter((id) => id in r.value.answers);
    expect(Object.keys(r.value.answers)).toEqual(order);
    // A blank channel means online.
    const online = readRow(layout(header), ['ylyc-11-17', '', 'no', '', '', '', ''], 2);
    expect(online.ok && online.value.channel).toBe('online');
  });

  it('refuses a code the question does not offer, a score off the scale or not a number, listing what is allowed', () => {
    expect(rowProblems(header, ['ylyc-11-17', '', 'maybe', '', '', '', ''])).toEqual([['knows_social_worker', 'not_an_option']]);
    expect(rowProblems(header, ['ylyc-11-17', '', '', '', '', '11', ''])).toEqual([['life_satisfaction', 'out_of_range']]);
    expect(rowProblems(header, ['ylyc-11-17', '', '', '', '', 'seven', ''])).toEqual([['life_satisfaction', 'not_a_number']]);
    // The same column is a five-face choice in the 8-11 version: a score is not an answer there.
    expect(rowProblems(header, ['ylyc-8-11', '', '', '', '', '7', ''])).toEqual([['life_satisfaction', 'not_an_option']]);
    const r = readRow(layout(header), ['ylyc-11-17', '', 'maybe', '', '', '', ''], 9);
    expect(r.ok ? null : r.problems[0]).toMatchObject({ row: 9, column: 'knows_social_worker', value: 'maybe' });
    expect(r.ok ? '' : r.problems[0]?.reason).toContain('yes, no, dont_know, prefer_not_to_say');
  });

  it('refuses an answer to a question the skip logic would not have shown', () => {
    expect(rowProblems(header, ['ylyc-8-11', '', 'no', 'most_of_the_time', '', '', ''])).toEqual([['trusts_social_worker', 'hidden']]);
    expect(rowProblems(header, ['ylyc-8-11', '', 'yes', 'most_of_the_time', '', '', ''])).toEqual([]);
  });

  it('refuses an answer to a question its instrument does not ask', () => {
    expect(rowProblems(header, ['ylyc-4-7', '', 'yes', '', '', '', 'none'])).toEqual([['placement_moves', 'not_in_instrument']]);
  });

  it('refuses a blank, unknown or other-survey instrument, and an unknown channel', () => {
    expect(rowProblems(header, ['', '', 'yes', '', '', '', ''])).toEqual([['instrument', 'no_instrument']]);
    expect(rowProblems(header, ['ylyc-12-15', '', 'yes', '', '', '', ''])).toEqual([['instrument', 'unknown_instrument']]);
    expect(rowProblems(header, ['ylbc-16-25', '', 'yes', '', '', '', ''])).toEqual([['instrument', 'other_survey']]);
    expect(rowProblems(header, ['ylyc-8-11', 'fax', 'yes', '', '', '', ''])).toEqual([['channel', 'unknown_channel']]);
  });

  it('refuses an empty row, a row with no answers, and a value under no heading', () => {
    expect(rowProblems(header, ['', '', '', '', '', '', ''])).toEqual([['', 'empty_row']]);
    expect(rowProblems(header, [''])).toEqual([['', 'empty_row']]);
    expect(rowProblems(header, ['ylyc-8-11', 'online', '', '', '', '', ''])).toEqual([['', 'empty_row']]);
    expect(rowProblems(header, ['ylyc-8-11', '', 'yes', '', '', '', '', 'extra'])).toEqual([['column 8', 'no_heading']]);
    // A row that stops short of the header has blank cells.
    expect(rowProblems(header, ['ylyc-8-11', '', 'yes'])).toEqual([]);
  });

  it('reads tick-all answers as codes separated by ";", and refuses "I don\'t want to say" with others', () => {
    const ylbc = ['instrument', 'emotional_support', 'emotional_support_who'];
    const r = readRow(layout(ylbc, 'ylbc'), ['ylbc-16-25', 'yes', 'siblings; Partner;'], 2);
    expect(r.ok && r.value.answers['emotional_support_who']).toEqual(['partner', 'siblings']);
    expect(rowProblems(ylbc, ['ylbc-16-25', 'yes', `friends;${DECLINED}`], 'ylbc')).toEqual([['emotional_support_who', 'declined_with_others']]);
    expect(rowProblems(ylbc, ['ylbc-16-25', 'yes', 'friends;cat'], 'ylbc')).toEqual([['emotional_support_who', 'not_an_option']]);
    expect(rowProblems(ylbc, ['ylbc-16-25', 'no', 'friends'], 'ylbc')).toEqual([['emotional_support_who', 'hidden']]);
  });
});

describe('the template', () => {
  it('has every answerable question of the survey once, and no free text', () => {
    for (const survey of ['ylyc', 'ylbc'] as const) {
      const header = templateHeader(survey);
      expect(header.slice(0, 2)).toEqual(['instrument', 'channel']);
      expect(new Set(header).size).toBe(header.length);
      for (const inst of instrumentsOf(survey)) {
        for (const q of inst.questions) expect(header.includes(q.id), `${inst.id}.${q.id}`).toBe(q.scale.kind !== 'text');
      }
    }
  });

  it('has one valid example row per instrument, read back to the same answers', () => {
    const rows = templateRows('ylyc');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17']);
    const l = layout(rows[0] ?? []);
    for (const [i, cells] of rows.slice(1).entries()) expect(readRow(l, cells, i + 2).ok).toBe(true);
  });

  it('turns synthetic responses into rows that read back unchanged, for every instrument', () => {
    const rng = mulberry32(11);
    for (const survey of ['ylyc', 'ylbc'] as const) {
      const header = templateHeader(survey);
      for (const inst of instrumentsOf(survey)) {
        for (let n = 0; n < 30; n++) {
          const { answers } = syntheticAnswers(inst, rng);
          const r = readRow(layout(header, survey), toCells(header, { instrumentId: inst.id, channel: 'paper', answers }), 2);
          expect(r.ok ? r.value.answers : r.problems).toEqual(answers);
        }
      }
    }
  });
});

describe('reading the CSV', () => {
  it('drops a byte-order mark and reads CRLF, LF and CR line endings alike', async () => {
    const want = [
      ['instrument', 'trusts_carers'],
      ['ylyc-8-11', 'sometimes'],
    ];
    expect(await records(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('instrument,trusts_carers\r\nylyc-8-11,sometimes\r\n')]))).toEqual(want);
    expect(await records('instrument,trusts_carers\nylyc-8-11,sometimes')).toEqual(want);
    expect(await records('instrument,trusts_carers\rylyc-8-11,sometimes\r')).toEqual(want);
    const first = (await records('\uFEFFinstrument,trusts_carers\n'))[0] ?? [];
    expect(layout(first).columns[0]?.kind).toBe('instrument');
  });

  it('keeps a quoted comma inside its cell, so later columns stay in place', async () => {
    const [header = [], row = []] = await records('instrument,knows_social_worker,trusts_carers\n"ylyc-8-11","yes, I do",sometimes\n');
    expect(row).toEqual(['ylyc-8-11', 'yes, I do', 'sometimes']);
    const r = readRow(layout(header), row, 2);
    expect(r.ok ? [] : r.problems.map((p) => [p.column, p.value, p.code])).toEqual([['knows_social_worker', 'yes, I do', 'not_an_option']]);
  });

  it('refuses a file that is not CSV with an AppError, not a crash', async () => {
    const err = await records('instrument,trusts_carers\nylyc-8-11,"sometimes\n').catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
  });
});
