/**
 * Screening of free text for safeguarding concerns (pure). Tuned for recall: a human reviews every flag,
 * so a comment is flagged when any rule matches outside a known idiom ("i killed it at football").
 */
import { defaultClassifier, type TextClassifier } from './classifier.ts';
import type { Category } from './corpus/corpus.ts';
import { isKnownWord } from './dictionary.ts';
import { allowedEdits, editDistance, tokenise, type Token } from './normalise.ts';
import { defaultRules, type CompiledPattern, type CompiledSignals, type Element, type Rules } from './rules.ts';

/** What matched, for the reviewer: the rule, its category and the span of the original text. */
export interface ScreenMatch {
  ruleId: string;
  category: Category;
  start: number;
  end: number;
  text: string;
}

export interface ScreenResult {
  flag: boolean;
  /** Categories that matched, most severe first. */
  categories: Category[];
  matches: ScreenMatch[];
  rulesVersion: string;
}

/** A token with the pattern words it may stand for (exact readings plus tolerated misspellings). */
interface Word {
  token: Token;
  reads: ReadonlySet<string>;
}

const spellingCache = new WeakMap<Rules, Map<string, readonly string[]>>();

/** Pattern words within the allowed edit distance of a reading (same first letter: misspellings rarely change it). */
function misspelt(form: string, rules: Rules): readonly string[] {
  let cache = spellingCache.get(rules);
  if (cache === undefined) {
    cache = new Map();
    spellingCache.set(rules, cache);
  }
  const hit = cache.get(form);
  if (hit !== undefined) return hit;
  const out: string[] = [];
  if (form.length >= 5 && !/^\d+$/.test(form) && !isKnownWord(form) && !rules.lexicon.spelt.has(form)) {
    for (const word of rules.vocabulary) {
      const max = allowedEdits(Math.min(word.length, form.length));
      if (max === 0 || word[0] !== form[0] || word === form) continue;
      if (editDistance(form, word, max) <= max) out.push(word);
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(form, out);
  return out;
}

function words(text: string, rules: Rules): Word[] {
  return tokenise(text, rules.lexicon).map((token) => {
    const reads = new Set(token.forms);
    for (const f of token.forms) for (const w of misspelt(f, rules)) reads.add(w);
    return { token, reads };
  });
}

/** Every token index at which `elements` can end when matched from token index `i`. */
function ends(elements: readonly Element[], e: number, ws: readonly Word[], i: number, out: Set<number>): void {
  if (e === elements.length) {
    out.add(i);
    return;
  }
  const el = elements[e];
  if (el === undefined) return;
  if (el.kind === 'gap') {
    for (let k = 0; k <= el.max && i + k <= ws.length; k++) ends(elements, e + 1, ws, i + k, out);
    return;
  }
  if (el.optional) ends(elements, e + 1, ws, i, out);
  if (el.kind === 'choice') {
    for (const alt of el.alternatives) {
      const mid = new Set<number>();
      ends(alt, 0, ws, i, mid);
      for (const j of mid) ends(elements, e + 1, ws, j, out);
    }
    return;
  }
  const w = ws[i];
  if (w === undefined) return;
  const ok =
    el.kind === 'word' ? w.reads.has(el.word) : el.kind === 'prefix' ? [...w.reads].some((r) => r.startsWith(el.prefix)) : w.token.forms.some((f) => /^\d+$/.test(f));
  if (ok) ends(elements, e + 1, ws, i + 1, out);
}

/** Token ranges [start, end) where a pattern matches, the shortest at each start. */
function find(pattern: CompiledPattern, ws: readonly Word[]): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < ws.length; i++) {
    const out = new Set<number>();
    ends(pattern.elements, 0, ws, i, out);
    const real = [...out].filter((j) => j > i);
    if (real.length > 0) found.push([i, Math.min(...real)]);
  }
  return found;
}

/**
 * Weak signals: when words of enough different classes appear (someone else, something missing, night or a
 * room, what someone says...), the comment goes to a reviewer although no single rule matched. One match per
 * class, on its first word outside an idiom.
 */
function signalMatches(text: string, ws: readonly Word[], signals: CompiledSignals, idioms: readonly [number, number][]): ScreenMatch[] {
  const found: ScreenMatch[] = [];
  for (const cls of signals.classes) {
    const i = ws.findIndex((w, k) => !idioms.some(([s, e]) => s <= k && k < e) && [...w.reads].some((r) => cls.words.has(r)));
    const w = ws[i];
    if (w === undefined) continue;
    found.push({ ruleId: `signals.${cls.id}`, category: signals.category, start: w.token.start, end: w.token.end, text: text.slice(w.token.start, w.token.end) });
  }
  return found.length >= signals.threshold ? found : [];
}

/**
 * Screens one comment with the given rules (the bundled ones by default) and, when no rule matches, the
 * classifier (by default the bundled one with the bundled rules, none with other rules). Never throws on
 * any string.
 */
export function screen(text: string, rules: Rules = defaultRules(), classifier: TextClassifier | null = rules === defaultRules() ? defaultClassifier(rules.lexicon) : null): ScreenResult {
  const ws = words(text, rules);
  const exempt: { range: [number, number]; categories: ReadonlySet<Category> | null }[] = [];
  for (const ex of rules.exemptions) for (const p of ex.patterns) for (const range of find(p, ws)) exempt.push({ range, categories: ex.categories });
  const matches: ScreenMatch[] = [];
  const seen = new Set<string>();
  for (const rule of rules.rules) {
    for (const p of rule.patterns) {
      for (const [s, e] of find(p, ws)) {
        // A match touching an idiom is dropped: "my carer hits the gym" (the idiom) also ends "carer hits".
        const inIdiom = exempt.some((x) => x.range[0] < e && s < x.range[1] && (x.categories === null || x.categories.has(rule.category)));
        if (inIdiom) continue;
        const start = ws[s]?.token.start ?? 0;
        const end = ws[e - 1]?.token.end ?? start;
        const key = `${rule.id}:${start}:${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        matches.push({ ruleId: rule.id, category: rule.category, start, end, text: text.slice(start, end) });
      }
    }
  }
  if (matches.length === 0 && rules.signals !== null) matches.push(...signalMatches(text, ws, rules.signals, exempt.map((x) => x.range)));
  // The classifier is asked only about comments that neither a rule nor an idiom speaks to: an idiom is the
  // rule writers' judgement that its words are benign ("i dont want to go home from legoland").
  if (matches.length === 0 && exempt.length === 0 && classifier !== null) {
    const c = classifier.classify(text);
    if (c?.flag === true) matches.push({ ruleId: `classifier.${classifier.version}`, category: c.category, start: c.cue.start, end: c.cue.end, text: text.slice(c.cue.start, c.cue.end) });
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end || a.ruleId.localeCompare(b.ruleId));
  const hit = new Set(matches.map((m) => m.category));
  const categories = rules.categoryOrder.filter((c) => hit.has(c));
  const rulesVersion = classifier === null ? rules.version : `${rules.version}+${classifier.version}`;
  return { flag: matches.length > 0, categories, matches, rulesVersion };
}
