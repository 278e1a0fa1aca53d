/** The codebook: every column once, wording per questionnaire, codes with labels at the released level. */
import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments/index.ts';
import { anonymise, type SourceResponse } from './anonymise.ts';
import { codebook, codebookRows } from './codebook.ts';

const t = (key: string) => `«${key}»`;
const instruments = [getInstrument('ylyc-8-11')!, getInstrument('ylyc-11-17')!];

describe('codebook', () => {
  const responses: SourceResponse[] = Array.from({ length: 24 }, (_, i) => ({
    id: `r${String(i).padStart(2, '0')}`,
    instrumentId: 'ylyc-11-17',
    completedAt: '2026-02-10T10:00:00.000Z',
    answers: { age: '14', gender: 'female', ethnicity: i % 3 ? 'white_british' : 'white_irish', placement_type: 'foster_care', time_in_care: 'three_years_or_more', safe_at_home: i % 2 ? 'all_of_the_time' : 'sometimes' },
  }));
  const table = anonymise(instruments, responses, new Map(), 10);
  const book = codebook(instruments, table.columns, table.report, t);
  const entry = (column: string) => book.columns.find((c) => c.column === column)!;

  it('describes every column of the file, in its order', () => {
    expect(book.columns.map((c) => c.column)).toEqual(table.columns);
  });

  it('gives each questionnaire\'s wording and scale, and every code with its label and "I don\'t want to say"', () => {
    expect(entry('safe_at_home').questions).toEqual([
      { instrument: 'ylyc-8-11', wording: '«q.ylyc-8-11.safe_at_home»', scale: 'frequency' },
      { instrument: 'ylyc-11-17', wording: '«q.ylyc-11-17.safe_at_home»', scale: 'frequency' },
    ]);
    expect(entry('safe_at_home').codes).toContainEqual({ code: 'all_of_the_time', label: '«opt.all_of_the_time»' });
    expect(entry('safe_at_home').codes).toContainEqual({ code: 'prefer_not_to_say', label: '«opt.prefer_not_to_say»' });
    expect(entry('life_satisfaction').codes.map((c) => c.code)).toEqual(expect.arrayContaining(['face_1', '0', '10']));
  });

  it('lists the generalised codes of a quasi-identifier at its released level, and says so', () => {
    expect(table.report.generalised.find((g) => g.column === 'ethnicity')?.level).toBe(1);
    expect(entry('ethnicity').codes.map((c) => c.code)).toEqual(['white', 'mixed', 'asian', 'black', 'other', 'prefer_not_to_say']);
    expect(entry('ethnicity').note).toBe('Generalised to broad ethnic group to protect anonymity.');
    expect(entry('completed_month').codes).toEqual([{ code: 'YYYY-MM', label: 'Month the survey was completed' }]);
    expect(entry('anything_else').note).toContain('only where a reviewer approved');
    expect(entry('anything_else').codes).toEqual([]);
  });

  it('lays out as sheet rows: a heading, each column\'s note, wordings and codes', () => {
    const rows = codebookRows(book);
    expect(rows[0]).toEqual(['column', 'questionnaire', 'wording', 'scale', 'code', 'label', 'note']);
    expect(rows).toContainEqual(['safe_at_home', 'ylyc-11-17', '«q.ylyc-11-17.safe_at_home»', 'frequency', '', '', '']);
    expect(rows).toContainEqual(['ethnicity', '', '', '', 'white', 'White (any White background)', '']);
  });
});
