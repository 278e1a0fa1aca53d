/** Disclosure control on random data sets: k-anonymity, l-diversity, months only, approved text only, nothing invented. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECLINED, getInstrument, mulberry32, syntheticAnswers, type Answer, type Instrument, type InstrumentId } from '../instruments/index.ts';
import { anonymise, cellOf, describeReport, LEAD_COLUMNS, MIN_K, MONTH_COLUMN, quasiIdentifiers, ReleaseRefused, SENSITIVE_QUESTIONS, type ApprovedText, type ReleasedTable, type SourceResponse } from './anonymise.ts';
import { hierarchyOfScale, MONTH, WITHHELD } from './hierarchies.ts';

const inst = (id: InstrumentId): Instrument => getInstrument(id)!;

interface DataSet {
  instruments: Instrument[];
  responses: SourceResponse[];
  approved: Map<string, ApprovedText[]>;
  k: number;
}

/** A random wave: its questionnaires, synthetic answers with demographics drawn from small pools (so groups repeat or not), leaked originals in the answers. */
const dataSet: fc.Arbitrary<DataSet> = fc
  .record({
    survey: fc.constantFrom<InstrumentId[]>(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'], ['ylyc-8-11'], ['ylbc-16-25'], ['ylyc-11-17', 'ylbc-16-25']),
    seed: fc.integer(),
    n: fc.integer({ min: 0, max: 160 }),
    k: fc.integer({ min: MIN_K, max: 15 }),
    spread: fc.integer({ min: 1, max: 4 }),
    sameSafety: fc.boolean(),
  })
  .map(({ survey, seed, n, k, spread, sameSafety }) => {
    const rng = mulberry32(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
    const instruments = survey.map(inst);
    const responses: SourceResponse[] = [];
    const approved = new Map<string, ApprovedText[]>();
    for (let i = 0; i < n; i++) {
      const instrument = pick(instruments);
      const answers: Record<string, Answer> = { ...syntheticAnswers(instrument, rng).answers };
      // Often the most common value, so some groups are large and some small; less often with more spread.
      for (const q of instrument.questions.filter((x) => x.demographic)) {
        const common = q.scale.kind === 'choice' ? q.scale.options[Math.floor(q.scale.options.length / 2)]?.code : undefined;
        if (common !== undefined && rng() > 0.25 * spread) answers[q.id] = common;
      }
      if (sameSafety) for (const s of SENSITIVE_QUESTIONS) if (instrument.questions.some((q) => q.id === s) && rng() < 0.8) answers[s] = instrument.id === 'ylyc-4-7' ? 'face_1' : 'never';
      const id = `${seed}-${i}-${Math.floor(rng() * 1e9).toString(36)}`;
      // An original comment that must never reach the file, even if it sat among the answers.
      answers['anything_else'] = `ORIGINAL secret text ${i}`;
      if (rng() < 0.3) approved.set(id, [{ questionId: 'anything_else', text: `approved [name] text ${i}` }]);
      const month = 1 + Math.floor(rng() * 3 * spread);
      const day = 1 + Math.floor(rng() * 27);
      responses.push({ id, instrumentId: instrument.id, answers, completedAt: new Date(Date.UTC(2025, month - 1, day, Math.floor(rng() * 24), Math.floor(rng() * 60))).toISOString() });
    }
    return { instruments, responses, approved, k };
  });

const released = (d: DataSet): ReleasedTable => anonymise(d.instruments, d.responses, d.approved, d.k);

/** The released combination of a row: questionnaire and every quasi-identifier's cell. */
function combinations(d: DataSet, t: ReleasedTable): Map<string, number[]> {
  const cols = quasiIdentifiers(d.instruments).map((q) => t.columns.indexOf(q.column));
  const out = new Map<string, number[]>();
  t.rows.forEach((r, i) => {
    const key = [r.cells[1], ...cols.map((c) => r.cells[c])].join('|');
    out.set(key, [...(out.get(key) ?? []), i]);
  });
  return out;
}

const runs = { numRuns: 60 };

describe('anonymise (property-based)', () => {
  it('every released combination of quasi-identifiers occurs at least k times', () => {
    fc.assert(
      fc.property(dataSet, (d) => {
        const t = released(d);
        for (const rows of combinations(d, t).values()) expect(rows.length).toBeGreaterThanOrEqual(d.k);
      }),
      runs,
    );
  });

  it('no released group all gave the same answer to a question about safety or harm', () => {
    fc.assert(
      fc.property(dataSet, (d) => {
        const t = released(d);
        const source = new Map(d.responses.map((r) => [r.id, r]));
        for (const rows of combinations(d, t).values()) {
          for (const s of SENSITIVE_QUESTIONS) {
            const answers = new Set(rows.map((i) => source.get(t.rows[i]!.sourceId)!.answers[s]).filter((a) => a !== undefined && a !== DECLINED).map((a) => cellOf(a)));
            if (answers.size > 0) expect(answers.size).toBeGreaterThanOrEqual(2);
          }
        }
      }),
      runs,
    );
  });

  it('never releases a completion time finer than the month, nor any response id', () => {
    fc.assert(
      fc.property(dataSet, (d) => {
        const t = released(d);
        const monthCol = t.columns.indexOf(MONTH_COLUMN);
        for (const r of t.rows) {
          expect(r.cells[monthCol]).toMatch(/^(\d{4}-\d{2}|\d{4}-Q[1-4]|\d{4}|\*)$/);
          for (const c of r.cells) {
            expect(c).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
            expect(d.responses.some((x) => c.includes(x.id))).toBe(false);
          }
        }
      }),
      runs,
    );
  });

  it('releases free text only in its approved form', () => {
    fc.assert(
      fc.property(dataSet, (d) => {
        const t = released(d);
        const col = t.columns.indexOf('anything_else');
        for (const r of t.rows) {
          const cell = r.cells[col] ?? '';
          expect(cell).not.toContain('ORIGINAL');
          expect(cell).toBe((d.approved.get(r.sourceId) ?? []).map((a) => a.text).join('\n'));
        }
      }),
      runs,
    );
  });

  it('invents no row: each released row is one input response, generalised as reported, its other answers unchanged', () => {
    fc.assert(
      fc.property(dataSet, (d) => {
        const t = released(d);
        const source = new Map(d.responses.map((r) => [r.id, r]));
        expect(new Set(t.rows.map((r) => r.sourceId)).size).toBe(t.rows.length);
        expect(t.report.released + t.report.suppressed.total).toBe(d.responses.length);
        expect(t.report.suppressed.total).toBe(t.report.suppressed.smallGroup + t.report.suppressed.sameAnswer);
        const qis = new Map(quasiIdentifiers(d.instruments).map((q) => [q.column, q]));
        const levels = new Map(t.report.generalised.map((g) => [g.column, g.level]));
        t.rows.forEach((row, n) => {
          const r = source.get(row.sourceId);
          expect(r).toBeDefined();
          expect(row.cells[0]).toBe(String(n + 1));
          expect(row.cells[1]).toBe(r!.instrumentId);
          const asked = new Set(d.instruments.find((i) => i.id === r!.instrumentId)!.questions.map((q) => q.id));
          t.columns.forEach((col, c) => {
            if (c < LEAD_COLUMNS.length || col === 'anything_else') return;
            const qi = qis.get(col);
            const original = asked.has(col) ? cellOf(r!.answers[col]) : '';
            if (qi && asked.has(col)) expect(row.cells[c]).toBe(qi.hierarchy.generalise(original, levels.get(col)!));
            else if (!qi) expect(row.cells[c]).toBe(original);
          });
        });
      }),
      runs,
    );
  });

  it('refuses k below 5, and k that is not a whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: MIN_K - 1 }), (k) => {
        expect(() => anonymise([inst('ylyc-8-11')], [], new Map(), k)).toThrow(ReleaseRefused);
      }),
    );
    expect(() => anonymise([inst('ylyc-8-11')], [], new Map(), 7.5)).toThrow(ReleaseRefused);
  });
});

describe('anonymise (examples)', () => {
  const base = (i: number, over: Record<string, Answer>, month = '2025-03'): SourceResponse => ({
    id: `r${String(i).padStart(3, '0')}`,
    instrumentId: 'ylyc-11-17',
    completedAt: `${month}-1${i % 10}T1${i % 10}:2${i % 10}:00.000Z`,
    answers: { age: '14', gender: 'female', ethnicity: 'white_british', placement_type: 'foster_care', time_in_care: 'three_years_or_more', safe_at_home: i % 2 ? 'all_of_the_time' : 'most_of_the_time', bullying_afraid: i % 2 ? 'never' : 'sometimes', ...over },
  });

  it('releases a large uniform group as answered, at the month', () => {
    const rs = Array.from({ length: 12 }, (_, i) => base(i, {}));
    const t = anonymise([inst('ylyc-11-17')], rs, new Map(), 10);
    expect(t.report.released).toBe(12);
    expect(t.report.generalised.every((g) => g.level === 0)).toBe(true);
    expect(t.rows[0]!.cells[t.columns.indexOf(MONTH_COLUMN)]).toBe('2025-03');
    expect(t.columns.slice(0, 3)).toEqual(['row', 'instrument', 'completed_month']);
  });

  it('generalises the cheapest column rather than leaving rows out: two ethnicities of one broad group merge', () => {
    const rs = [...Array.from({ length: 8 }, (_, i) => base(i, {})), ...Array.from({ length: 6 }, (_, i) => base(20 + i, { ethnicity: 'white_other' }))];
    const t = anonymise([inst('ylyc-11-17')], rs, new Map(), 10);
    expect(t.report.released).toBe(14);
    expect(t.report.generalised.find((g) => g.column === 'ethnicity')).toMatchObject({ level: 1, levelName: 'broad ethnic group' });
    expect(new Set(t.rows.map((r) => r.cells[t.columns.indexOf('ethnicity')]))).toEqual(new Set(['white']));
  });

  it('leaves out one outlier rather than generalising everyone', () => {
    const rs = [...Array.from({ length: 30 }, (_, i) => base(i, {})), base(99, { gender: 'another_way', ethnicity: 'asian_chinese', age: '17' })];
    const t = anonymise([inst('ylyc-11-17')], rs, new Map(), 10);
    expect(t.report).toMatchObject({ released: 30, suppressed: { total: 1, smallGroup: 1, sameAnswer: 0 } });
    expect(t.rows.map((r) => r.sourceId)).not.toContain('r099');
  });

  it('leaves out a group that all said they never feel safe, however large', () => {
    const rs = Array.from({ length: 12 }, (_, i) => base(i, { safe_at_home: 'never' }));
    const t = anonymise([inst('ylyc-11-17')], rs, new Map(), 10);
    expect(t.report).toMatchObject({ released: 0, suppressed: { total: 12, sameAnswer: 12 } });
    expect(describeReport(t.report).join(' ')).toContain('12 in groups that all gave the same answer');
  });

  it('describes each column\'s level in plain words', () => {
    const rs = [...Array.from({ length: 8 }, (_, i) => base(i, {})), ...Array.from({ length: 6 }, (_, i) => base(20 + i, { ethnicity: 'white_other' }))];
    const lines = describeReport(anonymise([inst('ylyc-11-17')], rs, new Map(), 10).report);
    expect(lines).toContain('ethnicity: generalised to broad ethnic group.');
    expect(lines).toContain('completed_month: released as answered (month only: the date and time are never released).');
    expect(lines[0]).toBe('14 of 14 responses are released.');
  });
});

describe('hierarchies', () => {
  it('generalise every demographic code of every questionnaire, and withhold at the top', () => {
    for (const id of ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25'] as const) {
      for (const q of inst(id).questions.filter((x) => x.demographic)) {
        const h = hierarchyOfScale(q.scale.id);
        const top = h.levels.length - 1;
        const codes = q.scale.kind === 'choice' ? q.scale.options.map((o) => o.code) : [];
        for (const code of codes) {
          expect(h.generalise(code, 0)).toBe(code);
          expect(h.generalise(code, top)).toBe(WITHHELD);
          for (let level = 1; level < top; level++) {
            const v = h.generalise(code, level);
            expect(h.labels(level).map((l) => l.code), `${q.id} ${code} at ${level}`).toContain(v);
          }
        }
        expect(h.generalise(DECLINED, 1)).toBe(top === 1 ? WITHHELD : DECLINED);
        expect(h.generalise('', top)).toBe(WITHHELD);
      }
    }
  });

  it('coarsen months to quarters and years', () => {
    expect([0, 1, 2, 3].map((l) => MONTH.generalise('2025-11', l))).toEqual(['2025-11', '2025-Q4', '2025', '*']);
  });
});
