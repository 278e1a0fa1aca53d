/**
 * Free-text quality: safeguarding screening and redaction measured on the labelled corpus
 * (src/safeguarding/corpus). The held-out half is only measured here, never used to tune rules; the
 * tuning half is shown beside it for contrast. Goals (issue 5): recall >= 0.98 with precision >= 0.5;
 * identifying-span recall >= 0.95 with at most 5% of benign words redacted.
 */
import { loadCorpus, CATEGORIES, type CorpusItem, type Half } from '../src/safeguarding/corpus/corpus.ts';
import { screen } from '../src/safeguarding/index.ts';
import { redact } from '../src/privacy/index.ts';
import { printFigure, round, type Figures } from './lib.ts';

/** The quality figures of one half of the corpus. */
export function measure(items: readonly CorpusItem[]): Figures {
  let tp = 0;
  let flagged = 0;
  let concerns = 0;
  const perCategory = new Map<string, { n: number; caught: number }>();
  let spans = 0;
  let spansCaught = 0;
  let words = 0;
  let wordsRedacted = 0;
  for (const item of items) {
    const result = screen(item.text);
    if (result.flag) flagged++;
    if (item.concern) {
      concerns++;
      if (result.flag) tp++;
      for (const c of item.categories) {
        const row = perCategory.get(c) ?? { n: 0, caught: 0 };
        row.n++;
        if (result.flag) row.caught++;
        perCategory.set(c, row);
      }
    }
    const { spans: red } = redact(item.text);
    const inRedacted = (i: number) => red.some((s) => s.start <= i && i < s.end);
    for (const gold of item.spans) {
      spans++;
      let all = true;
      for (let i = gold.start; i < gold.end && all; i++) all = inRedacted(i);
      if (all) spansCaught++;
    }
    for (const m of item.text.matchAll(/\S+/g)) {
      const start = m.index;
      const end = start + m[0].length;
      if (item.spans.some((g) => g.start < end && start < g.end)) continue;
      words++;
      if (red.some((s) => s.start < end && start < s.end)) wordsRedacted++;
    }
  }
  const figures: Figures = {
    safeguarding_recall: round(tp / Math.max(concerns, 1), 3),
    safeguarding_precision: round(tp / Math.max(flagged, 1), 3),
    concerns_missed: concerns - tp,
    benign_flagged: flagged - tp,
  };
  for (const c of CATEGORIES) {
    const row = perCategory.get(c);
    if (row) figures[`recall_${c}`] = round(row.caught / row.n, 3);
  }
  figures['span_recall'] = round(spansCaught / Math.max(spans, 1), 3);
  figures['benign_words_redacted_pct'] = round((100 * wordsRedacted) / Math.max(words, 1), 2);
  return figures;
}

/** Comments screened per second (screening only, warm), over the given texts repeated. */
function throughput(texts: readonly string[]): number {
  for (const t of texts) screen(t);
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 2000) {
    for (const t of texts) screen(t);
    n += texts.length;
  }
  return Math.round(n / ((performance.now() - t0) / 1000));
}

/** Runs the section: prints and returns the figures for the held-out half, the tuning half and throughput. */
export async function run(): Promise<Figures> {
  const out: Figures = {};
  for (const half of ['held-out', 'tuning'] as const satisfies readonly Half[]) {
    const figures = measure(loadCorpus(half));
    console.log(`\nText quality, ${half} half${half === 'tuning' ? ' (the rules were written from it: for contrast only)' : ' (never used to tune the rules)'}`);
    for (const [k, v] of Object.entries(figures)) {
      printFigure(k, v);
      out[`${half === 'held-out' ? 'heldout' : 'tuning'}_${k}`] = v;
    }
  }
  const texts = loadCorpus('tuning').map((i) => i.text);
  out['screen_comments_per_s'] = throughput(texts);
  printFigure('screening throughput', out['screen_comments_per_s'], 'comments/s');
  return out;
}

if (import.meta.main) await run();
