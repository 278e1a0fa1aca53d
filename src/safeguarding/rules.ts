/**
 * The screening rules: versioned data (rules/rules.json) that safeguarding reviewers extend, validated
 * with Zod and compiled once into matchers. The pattern language is described in docs/safeguarding.md.
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from './corpus/corpus.ts';
import { rewriteWord, type Lexicon } from './normalise.ts';
import bundled from './rules/rules.json' with { type: 'json' };

const patternList = z.array(z.string().trim().min(1)).min(1);

export const rulesFileSchema = z
  .object({
    version: z.string().min(1),
    notes: z.string().optional(),
    categories: z.array(z.object({ id: z.enum(CATEGORIES), label: z.string().min(1), severity: z.number().int().min(1).max(3) }).strict()),
    normalise: z
      .object({
        notes: z.string().optional(),
        rewrite: z.record(z.string().min(1), z.string().min(1)),
        alsoRead: z.object({ notes: z.string().optional(), words: z.record(z.string().min(1), z.array(z.string().min(1))) }).strict(),
        spelt: z.object({ notes: z.string().optional(), words: z.array(z.string().regex(/^[a-z]+$/)) }).strict().optional(),
      })
      .strict(),
    sets: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)),
    rules: z.array(
      z.object({ id: z.string().regex(/^[a-z_]+\.[a-z_-]+$/), category: z.enum(CATEGORIES), notes: z.string().min(1), patterns: patternList }).strict(),
    ),
    exemptions: z.array(
      z.object({ id: z.string().regex(/^idiom\.[a-z_-]+$/), notes: z.string().min(1), patterns: patternList, categories: z.array(z.enum(CATEGORIES)).optional() }).strict(),
    ),
    signals: z
      .object({
        notes: z.string().optional(),
        threshold: z.number().int().min(2),
        category: z.enum(CATEGORIES),
        classes: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().regex(/^[a-z0-9]+$/)).min(1)),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = [...file.rules.map((r) => r.id), ...file.exemptions.map((e) => e.id)];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['rules'], message: `rule id ${id} is used twice` });
      seen.add(id);
    }
    const declared = new Set(file.categories.map((c) => c.id));
    for (const c of CATEGORIES) if (!declared.has(c)) ctx.addIssue({ code: 'custom', path: ['categories'], message: `category ${c} is not declared` });
  });
export type RulesFile = z.infer<typeof rulesFileSchema>;

/** One element of a compiled pattern. */
export type Element =
  | { kind: 'word'; word: string; optional: boolean }
  | { kind: 'prefix'; prefix: string; optional: boolean }
  | { kind: 'number'; optional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'choice'; alternatives: Element[][]; optional: boolean };

export interface CompiledPattern {
  source: string;
  elements: Element[];
}

export interface CompiledRule {
  id: string;
  category: Category;
  patterns: CompiledPattern[];
}

export interface CompiledExemption {
  id: string;
  categories: ReadonlySet<Category> | null;
  patterns: CompiledPattern[];
}

/** Weak signals: a comment no rule flags is still flagged when words of `threshold` different classes appear in it. */
export interface CompiledSignals {
  threshold: number;
  category: Category;
  /** Each class and the (normalised) words that belong to it. */
  classes: readonly { id: string; words: ReadonlySet<string> }[];
}

export interface Rules {
  version: string;
  lexicon: Lexicon;
  categoryOrder: readonly Category[];
  rules: CompiledRule[];
  exemptions: CompiledExemption[];
  signals: CompiledSignals | null;
  /** Every literal word of every pattern, for spelling tolerance. */
  vocabulary: ReadonlySet<string>;
}

/** Splits on spaces and on `sep` outside parentheses. */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new Error(`unbalanced ")" in "${s}"`);
    if (ch === sep && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) throw new Error(`unbalanced "(" in "${s}"`);
  parts.push(cur);
  return parts;
}

interface CompileContext {
  sets: Readonly<Record<string, readonly string[]>>;
  lexicon: Lexicon;
  vocabulary: Set<string>;
  setDepth: number;
}

/** Compiles one alternative of a slot ("dont", "stab*", "@hit", "#") to a sequence of elements. */
function compileAtom(atom: string, ctx: CompileContext, source: string): Element[] {
  if (atom === '') throw new Error(`empty alternative in "${source}"`);
  if (atom.startsWith('(')) {
    if (!atom.endsWith(')')) throw new Error(`"${atom}" in "${source}" must end with ")"`);
    return [{ kind: 'choice', alternatives: splitTop(atom.slice(1, -1), '|').map((alt) => compileSequence(alt, ctx, source)), optional: false }];
  }
  if (atom === '#') return [{ kind: 'number', optional: false }];
  if (atom.startsWith('@')) {
    const set = ctx.sets[atom.slice(1)];
    if (set === undefined) throw new Error(`unknown set ${atom} in "${source}"`);
    if (ctx.setDepth > 2) throw new Error(`sets nest too deeply in "${source}"`);
    const inner = { ...ctx, setDepth: ctx.setDepth + 1 };
    return [{ kind: 'choice', alternatives: set.map((entry) => compileSequence(entry, inner, source)), optional: false }];
  }
  if (!/^[a-z0-9&*]+$/.test(atom)) throw new Error(`"${atom}" in "${source}" is not a lower-case word`);
  if (atom.endsWith('*')) {
    const prefix = atom.slice(0, -1);
    if (prefix.length < 3 || prefix.includes('*')) throw new Error(`prefix "${atom}" in "${source}" needs at least 3 letters before "*"`);
    return [{ kind: 'prefix', prefix, optional: false }];
  }
  return rewriteWord(atom, ctx.lexicon).map((word) => {
    ctx.vocabulary.add(word);
    return { kind: 'word', word, optional: false } as const;
  });
}

/** Compiles a space-separated sequence of slots. */
function compileSequence(seq: string, ctx: CompileContext, source: string): Element[] {
  const slots = splitTop(seq.trim(), ' ').filter((s) => s !== '');
  if (slots.length === 0) throw new Error(`empty sequence in "${source}"`);
  const out: Element[] = [];
  for (const raw of slots) {
    const gap = /^~([1-9])$/.exec(raw);
    if (gap) {
      out.push({ kind: 'gap', max: Number(gap[1]) });
      continue;
    }
    const optional = raw.endsWith('?');
    const slot = optional ? raw.slice(0, -1) : raw;
    const alternatives = splitTop(slot, '|').map((a) => compileAtom(a, ctx, source));
    const single = alternatives.length === 1 && alternatives[0]?.length === 1 ? alternatives[0][0] : undefined;
    if (single !== undefined && single.kind !== 'gap') out.push({ ...single, optional });
    else out.push({ kind: 'choice', alternatives, optional });
  }
  return out;
}

/** Compiles one pattern; a gap may not start or end it. */
export function compilePattern(source: string, ctx: CompileContext): CompiledPattern {
  const elements = compileSequence(source, ctx, source);
  if (elements[0]?.kind === 'gap' || elements.at(-1)?.kind === 'gap') throw new Error(`"${source}" may not start or end with a gap`);
  return { source, elements };
}

/** Compiles the weak-signal classes; each word is read as the normaliser reads it ("dont" is "do not", so write "not"). */
function compileSignals(signals: NonNullable<RulesFile['signals']>, ctx: CompileContext): CompiledSignals {
  const classes = Object.entries(signals.classes).map(([id, words]) => {
    const set = new Set<string>();
    for (const w of words) {
      const read = rewriteWord(w, ctx.lexicon);
      if (read.length !== 1) throw new Error(`signal class ${id}: "${w}" is read as several words; write them as one`);
      for (const r of read) {
        set.add(r);
        ctx.vocabulary.add(r);
      }
    }
    return { id, words: set };
  });
  return { threshold: signals.threshold, category: signals.category, classes };
}

/** Validates a rules file and compiles it; throws naming the first problem. */
export function compileRules(raw: unknown): Rules {
  const file = rulesFileSchema.parse(raw);
  const rewrite = new Map(Object.entries(file.normalise.rewrite).map(([k, v]) => [k, v.split(/\s+/)] as const));
  const alsoRead = new Map(Object.entries(file.normalise.alsoRead.words));
  const lexicon: Lexicon = { rewrite, alsoRead, spelt: new Set(file.normalise.spelt?.words ?? []) };
  const ctx: CompileContext = { sets: file.sets, lexicon, vocabulary: new Set(), setDepth: 0 };
  const compileAll = (id: string, patterns: readonly string[]) =>
    patterns.map((p) => {
      try {
        return compilePattern(p, ctx);
      } catch (e) {
        throw new Error(`rule ${id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  return {
    version: file.version,
    lexicon,
    categoryOrder: [...file.categories].sort((a, b) => a.severity - b.severity).map((c) => c.id),
    rules: file.rules.map((r) => ({ id: r.id, category: r.category, patterns: compileAll(r.id, r.patterns) })),
    exemptions: file.exemptions.map((e) => ({ id: e.id, categories: e.categories ? new Set(e.categories) : null, patterns: compileAll(e.id, e.patterns) })),
    signals: file.signals ? compileSignals(file.signals, ctx) : null,
    vocabulary: ctx.vocabulary,
  };
}

let cached: Rules | undefined;

/** The rules shipped with the code (src/safeguarding/rules/rules.json), compiled once. */
export function defaultRules(): Rules {
  cached ??= compileRules(bundled);
  return cached;
}

/** The bundled rules file as data, for tests and tools. */
export function bundledRulesFile(): unknown {
  return bundled;
}
