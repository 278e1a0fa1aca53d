/** The benchmarks file: valid, complete against DOMAIN.md section 7, and matched to the question bank. */
import { describe, expect, it } from 'vitest';
import { instruments } from '../instruments/index.ts';
import raw from './benchmarks.json' with { type: 'json' };
import { bundledBenchmarks, citationText, missingBenchmarks, parseBenchmarks, programmeRows } from './benchmarks.ts';

describe('benchmarks.json', () => {
  const rows = bundledBenchmarks.rows;

  it('is versioned and valid', () => {
    expect(bundledBenchmarks.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(() => parseBenchmarks(raw)).not.toThrow();
  });

  it('holds every figure of DOMAIN.md section 7', () => {
    const section7: [string, 'programme' | 'general_population', number][] = [
      ['low_life_satisfaction', 'programme', 16],
      ['low_life_satisfaction', 'general_population', 9],
      ['bullying_afraid', 'programme', 29],
      ['bullying_afraid', 'general_population', 17],
      ['good_friend', 'programme', 7],
      ['good_friend', 'general_population', 2.5],
      ['life_getting_better', 'programme', 83],
      ['care_explained', 'programme', 49],
      ['care_explained', 'programme', 33],
      ['care_explained', 'programme', 18],
      ['social_worker_changes', 'programme', 27],
      ['low_life_satisfaction', 'programme', 26],
      ['low_life_satisfaction', 'general_population', 3],
      ['worthwhile', 'programme', 23],
      ['worthwhile', 'general_population', 4],
      ['lonely', 'programme', 22],
      ['lonely', 'general_population', 10],
      ['cope_financially', 'programme', 20],
      ['cope_financially', 'general_population', 9],
      ['disability', 'programme', 24],
      ['disability', 'general_population', 14],
      ['internet_at_home', 'programme', 80],
      ['internet_at_home', 'general_population', 91],
      ['low_wellbeing', 'programme', 30],
    ];
    for (const [key, population, figure] of section7) {
      expect(rows.some((r) => r.key === key && r.comparatorPopulation === population && r.figure === figure), `${key} ${population} ${figure}`).toBe(true);
    }
    expect(rows).toHaveLength(section7.length);
  });

  it('has a general-population row for every bank benchmark key, except 11-17 bullying (published for 8-10 only)', () => {
    expect(missingBenchmarks(instruments, bundledBenchmarks)).toEqual([
      { instrumentId: 'ylyc-11-17', questionId: 'bullying_afraid', benchmark: 'bullying_afraid', problem: 'not_for_instrument' },
    ]);
  });

  it('matches programme rows by benchmark or comparison key, per age group', () => {
    const y4 = instruments.find((i) => i.id === 'ylyc-4-7');
    const q = y4?.questions.find((x) => x.id === 'care_explained');
    if (y4 === undefined || q === undefined) throw new Error('bank changed');
    expect(programmeRows(bundledBenchmarks, y4.id, q).map((r) => r.figure)).toEqual([49]);
  });

  it('cites each source with publisher, date, title and address', () => {
    const row = rows.find((r) => r.key === 'internet_at_home' && r.comparatorPopulation === 'general_population');
    expect(row && citationText(row)).toMatch(/^Coram \(29 March 2019\)\. .+\. https:\/\/www\.coram\.org\.uk\//);
  });
});

describe('parseBenchmarks', () => {
  it('lists every problem at once', () => {
    const bad = { ...raw, version: 'one', rows: [{ ...raw.rows[0], figure: 140, measure: 'answers', extra: 1 }] };
    const message = (() => {
      try {
        parseBenchmarks(bad);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/version/);
    expect(message).toMatch(/rows\.0\.figure/);
    expect(message).toMatch(/extra/);
  });

  it('refuses two rows of one population for the same key and instrument', () => {
    const row = raw.rows[0];
    expect(() => parseBenchmarks({ ...raw, rows: [row, row] })).toThrow(/duplicate row/);
  });
});
