/**
 * The second screen: a naive Bayes text classifier (wink-naive-bayes-text-classifier) trained on the
 * tuning half of the labelled corpus, read through the same normaliser as the rules. Rules catch the
 * phrasings someone wrote down; the classifier catches a concern said in other words that share their
 * vocabulary ("i dont feel safe wen he comes back from the pub"). It is only consulted when no rule
 * matched, and only ever adds a flag: a human reviews every flag, so recall matters more than
 * precision. Trained once, on first use, from data in this folder; deterministic. Pure.
 */
import { createRequire } from 'node:module';
import { CATEGORIES, loadCorpus, type Category, type CorpusItem } from './corpus/corpus.ts';
import { isKnownWord } from './dictionary.ts';
import { tokenise, type Lexicon } from './normalise.ts';

/** The part of wink-naive-bayes-text-classifier's API used here (the package ships no types). */
interface WinkClassifier {
  definePrepTasks(tasks: ((text: string) => string[])[]): number;
  defineConfig(config: { considerOnlyPresence: boolean; smoothingFactor: number }): boolean;
  learn(text: string, label: string): boolean;
  consolidate(): boolean;
  /** Log odds of each label, most likely first. */
  computeOdds(text: string): [string, number][];
}
const require = createRequire(import.meta.url);
const createWink = require('wink-naive-bayes-text-classifier') as () => WinkClassifier;

/** Bumped whenever training data, features or settings change; stored with each screening beside the rules' version. */
export const CLASSIFIER_VERSION = 'nb1';
/** The first 16 hex digits of the SHA-256 of the tuning half this version was trained on (a test keeps the two in step). */
export const TRAINED_ON = '5a6465b9f6df9e08';

/**
 * Settings, fixed before the held-out half was measured and never tuned on it: binarised naive Bayes
 * (a word counts once per comment), additive smoothing 0.5, flagged when a concern is more likely than
 * not. Comments of fewer than five words are left to the rules: the corpus has almost none, so the
 * classifier has nothing to judge them by. Cross-validated on the tuning half (five folds), the
 * classifier alone finds 0.86 of concerns.
 */
export const CLASSIFIER_SETTINGS = { considerOnlyPresence: true, smoothingFactor: 0.5, threshold: 0.5, minWords: 5 } as const;

export interface Classification {
  /** The probability that the comment holds a concern, 0 to 1. */
  concern: number;
  flag: boolean;
  /** The most likely category of concern (only worked out for a flagged comment). */
  category: Category;
  /** The span the reviewer sees highlighted: from the first word to the last (flagged comments only). */
  cue: { start: number; end: number };
}

export interface TextClassifier {
  version: string;
  /** Null for a comment too short to judge (fewer than `minWords` words): the rules alone decide. */
  classify(text: string): Classification | null;
}

const BENIGN = 'benign';
const CONCERN = 'concern';

/** Words after which, to the end of the clause, words are read as negated ("not safe" is not "safe"). */
const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'nowhere', 'cannot', 'without']);
/** What ends a clause: punctuation between two words, or a conjunction. */
const CLAUSE_END = /[.,;:!?()\n]/;
const CONJUNCTIONS: ReadonlySet<string> = new Set(['but', 'and', 'because', 'so', 'then', 'when', 'if']);

/**
 * Words (as the normaliser reads them) and adjacent pairs of words: the classifier's features. A word in
 * a clause after a negation is marked with "!" ("i dont feel safe" -> "i do not !feel !safe").
 */
export function features(text: string, lexicon: Lexicon): string[] {
  const tokens = tokenise(text, lexicon);
  const words: string[] = [];
  let negated = false;
  let prevEnd = 0;
  for (const t of tokens) {
    // Each word as the first of its readings that is an English word ("sooo" -> "so"), else as written.
    const word = t.forms.find((f) => isKnownWord(f)) ?? t.forms[0] ?? '';
    if (CLAUSE_END.test(text.slice(prevEnd, t.start)) || CONJUNCTIONS.has(word)) negated = false;
    prevEnd = t.end;
    words.push(negated ? `!${word}` : word);
    if (NEGATORS.has(word)) negated = true;
  }
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  return out;
}

function probability(odds: readonly [string, number][], label: string): number {
  const max = Math.max(...odds.map(([, o]) => o));
  let total = 0;
  let mine = 0;
  for (const [l, o] of odds) {
    const e = Math.exp(o - max);
    total += e;
    if (l === label) mine = e;
  }
  return total > 0 ? mine / total : 0;
}

function model(lexicon: Lexicon): WinkClassifier {
  const m = createWink();
  m.definePrepTasks([(text) => features(text, lexicon)]);
  m.defineConfig({ considerOnlyPresence: CLASSIFIER_SETTINGS.considerOnlyPresence, smoothingFactor: CLASSIFIER_SETTINGS.smoothingFactor });
  return m;
}

/** Trains the classifier on labelled comments: whether each holds a concern, and the categories of those that do. */
export function trainClassifier(items: readonly CorpusItem[], lexicon: Lexicon): TextClassifier {
  const flagger = model(lexicon);
  const sorter = model(lexicon);
  const sorted = new Set<string>();
  for (const item of items) {
    // A comment with no words teaches nothing (and the library refuses it).
    if (features(item.text, lexicon).length === 0) continue;
    flagger.learn(item.text, item.concern ? CONCERN : BENIGN);
    if (!item.concern) continue;
    for (const c of item.categories) {
      sorter.learn(item.text, c);
      sorted.add(c);
    }
  }
  flagger.consolidate();
  if (sorted.size >= 2) sorter.consolidate();
  const only = sorted.size === 1 ? ([...sorted][0] as Category) : null;
  return {
    version: CLASSIFIER_VERSION,
    classify(text) {
      const tokens = tokenise(text, lexicon);
      if (tokens.length < CLASSIFIER_SETTINGS.minWords) return null;
      const concern = probability(flagger.computeOdds(text), CONCERN);
      const flag = concern > CLASSIFIER_SETTINGS.threshold;
      if (!flag) return { concern, flag, category: 'other_risk', cue: { start: 0, end: 0 } };
      const ranked = only === null ? sorter.computeOdds(text) : [];
      const top = ranked[0]?.[0];
      const category = only ?? ((CATEGORIES as readonly string[]).includes(top ?? '') ? (top as Category) : 'other_risk');
      // The classifier judges the comment as a whole, so the reviewer's highlight is all its words.
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      const cue = { start: first?.start ?? 0, end: last?.end ?? 0 };
      return { concern, flag, category, cue };
    },
  };
}

const trained = new WeakMap<Lexicon, TextClassifier>();

/** The classifier trained on the tuning half of the bundled corpus (never the held-out half), built once per lexicon. */
export function defaultClassifier(lexicon: Lexicon): TextClassifier {
  let c = trained.get(lexicon);
  if (c === undefined) {
    c = trainClassifier(loadCorpus('tuning'), lexicon);
    trained.set(lexicon, c);
  }
  return c;
}
