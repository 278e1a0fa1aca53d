// Property: whatever a browser (or anyone) posts to the survey's pages and submit endpoint, the server
// never answers 5xx, and every stored response holds only valid answers to visible questions.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { DECLINED, getInstrument, isValidAnswer, visibleQuestions, type Answer } from '../instruments/index.ts';
import type { Wave } from '../programme/index.ts';
import { begin, browser, encodeForm, formsOf, openWave, type FormBody, type Page } from './testing.ts';

const RUNS = 200;

/** A hostile or clumsy value for a field: real codes, junk, unicode, huge text, numbers, several values. */
const valueFor = (offered: readonly string[]): fc.Arbitrary<string | string[]> =>
  fc.oneof(
    fc.constantFrom(...offered, DECLINED, ''),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.constantFrom('7.5', '-0', '07', '1e1', 'NaN', 'Infinity', '10 ', ' 3'),
    fc.array(fc.constantFrom(...offered, DECLINED, 'nope'), { maxLength: 4 }),
    fc.nat({ max: 2600 }).map((n) => 'ü'.repeat(n)),
  );

/** One step: which form field names to fill (real or invented) and which button was "pressed". */
const step = fc.record({
  fill: fc.array(fc.nat(), { maxLength: 8 }),
  values: fc.array(fc.nat(), { maxLength: 8 }),
  junkNames: fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'action', 'key', 'x[y]', 'a.b')), { maxLength: 3 }),
  action: fc.constantFrom('continue', 'continue', 'continue', 'back', 'autosave', 'save', 'submit-now', ''),
  seed: fc.nat(),
});

describe.each(engines)('robustness of the survey endpoints on %s', (dialect) => {
  let t: TestApp;
  let ylyc: Wave;
  let ylbc: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '1000000', DRAFTS_PER_WAVE_PER_HOUR: '100000' });
    ylyc = await openWave(t.services, 'ylyc');
    ylbc = await openWave(t.services, 'ylbc');
  });
  afterAll(() => t.close());

  it(
    'never answers 5xx and stores only valid answers to visible questions',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.option(fc.integer({ min: 4, max: 17 }), { nil: undefined }),
          fc.constantFrom<'primary' | 'secondary'>('primary', 'secondary'),
          fc.array(step, { minLength: 1, maxLength: 6 }),
          fc.boolean(),
          async (age, school, steps, honestKey) => {
            const wave = age === undefined ? ylbc : ylyc;
            const b = browser(t.app);
            let page: Page = await begin(b, wave, age, school);
            const base = `/s/${wave.linkCode}`;
            for (const s of steps) {
              if (s.action === 'submit-now') {
                const r = await b.post(`${base}/submit`, { key: String(s.seed) });
                expect(r.status).toBeLessThan(500);
                page = await b.follow(r);
                continue;
              }
              const form = formsOf(page.body).find((f) => f.action === page.url);
              const url = form ? page.url : `${base}/p/${s.seed % 3 === 0 ? 'about_you' : String(s.seed)}`;
              const names = form ? [...form.choices.keys(), ...form.textareas] : ['age'];
              const body: FormBody = { action: s.action };
              s.fill.forEach((n, i) => {
                const name = names[n % Math.max(1, names.length)] ?? 'age';
                const offered = form?.choices.get(name)?.values ?? ['yes'];
                body[name] = fc.sample(valueFor(offered), { numRuns: 1, seed: (s.values[i] ?? 0) + s.seed })[0] ?? '';
              });
              for (const junk of s.junkNames) body[junk] = 'junk';
              const res = await b.post(url, encodeForm(body));
              expect(res.status, `${url} ${encodeForm(body).slice(0, 200)}`).toBeLessThan(500);
              page = res.status === 422 ? { ...res, url } : await b.follow(res);
              expect(page.status).toBeLessThan(500);
            }
            const review = await b.get(`${base}/review`);
            expect(review.status).toBeLessThan(500);
            const key = honestKey ? (formsOf(review.body).find((f) => f.action.endsWith('/submit'))?.hidden['key'] ?? 'x') : 'forged';
            const sent = await b.post(`${base}/submit`, { key });
            expect(sent.status).toBeLessThan(500);
          },
        ),
        { numRuns: RUNS },
      );

      const rows = await t.conn.db.selectFrom('responses').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const instrument = getInstrument(row.instrument_id)!;
        const answers = JSON.parse(row.answers) as Record<string, Answer>;
        const shown = new Set(visibleQuestions(instrument, answers).map((q) => q.id));
        for (const [id, value] of Object.entries(answers)) {
          const q = instrument.questions.find((x) => x.id === id);
          expect(q, id).toBeDefined();
          expect(q!.scale.kind).not.toBe('text');
          expect(isValidAnswer(q!.scale, value), `${id}=${JSON.stringify(value)}`).toBe(true);
          expect(shown.has(id), `${id} hidden`).toBe(true);
        }
        for (const c of await t.conn.db.selectFrom('response_comments').selectAll().where('response_id', '=', row.id).execute()) {
          const q = instrument.questions.find((x) => x.id === c.question_id);
          expect(q?.scale.kind).toBe('text');
          expect(isValidAnswer(q!.scale, c.text)).toBe(true);
          expect(shown.has(c.question_id)).toBe(true);
        }
      }
    },
    300_000,
  );
});
