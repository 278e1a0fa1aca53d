import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './corpus/corpus.ts';
import { bundledRulesFile, compileRules, rulesFileSchema } from './rules.ts';
import { screen } from './screen.ts';

const bundled = bundledRulesFile() as { version: string; rules: { id: string; category: string; notes: string; patterns: string[] }[] };
const clone = () => structuredClone(bundled) as typeof bundled & Record<string, unknown>;

describe('the rules file', () => {
  it('validates and compiles, with every category declared and used', () => {
    const rules = compileRules(bundled);
    expect(rules.version).toBe(bundled.version);
    for (const c of CATEGORIES) expect(rules.rules.some((r) => r.category === c)).toBe(true);
  });

  it('refuses an unknown category, a repeated id and extra fields', () => {
    const unknown = clone();
    unknown.rules[0] = { ...unknown.rules[0]!, category: 'made_up' };
    expect(rulesFileSchema.safeParse(unknown).success).toBe(false);
    const twice = clone();
    twice.rules.push({ ...twice.rules[0]! });
    expect(rulesFileSchema.safeParse(twice).success).toBe(false);
    expect(rulesFileSchema.safeParse({ ...clone(), extra: 1 }).success).toBe(false);
  });

  it.each([
    ['an unknown set', '@nosuchset me'],
    ['unbalanced parentheses', '(hit me'],
    ['a gap at the start', '~2 hit'],
    ['a short prefix', 'ab*'],
    ['capital letters', 'Hit me'],
  ])('names the rule when a pattern has %s', (_what, pattern) => {
    const file = clone();
    file.rules[0]!.patterns = [pattern];
    expect(() => compileRules(file)).toThrow(new RegExp(file.rules[0]!.id.replace('.', '\\.')));
  });

  it('refuses weak signals with a threshold under 2 or a word read as two words', () => {
    const low = clone() as typeof bundled & { signals: { threshold: number; classes: Record<string, string[]> } };
    low.signals.threshold = 1;
    expect(rulesFileSchema.safeParse(low).success).toBe(false);
    const split = clone() as typeof bundled & { signals: { threshold: number; classes: Record<string, string[]> } };
    split.signals.classes['lack'] = ['dont'];
    expect(() => compileRules(split)).toThrow(/signal class lack/);
  });

  it('reads an unknown word as a misspelling of a pattern word, unless the spelt list says it is a word', () => {
    const file = clone() as typeof bundled & { normalise: { spelt: { words: string[] } } };
    file.rules.push({ id: 'other.test-spelling', category: 'other_risk', notes: 'a reviewer-added word', patterns: ['zorblet'] });
    expect(screen('the zorblets came', compileRules(file)).flag).toBe(true);
    file.normalise.spelt.words.push('zorblets');
    expect(screen('the zorblets came', compileRules(file)).flag).toBe(false);
  });

  it('lets a reviewer extend the rules as data: a new phrase flags what it describes', () => {
    const text = 'the zorbles came back';
    expect(screen(text).flag).toBe(false);
    const file = clone();
    file.rules.push({ id: 'other.test-phrase', category: 'other_risk', notes: 'a reviewer-added phrase', patterns: ['zorbles ~2 back'] });
    const r = screen(text, compileRules(file));
    expect(r).toMatchObject({ flag: true, categories: ['other_risk'] });
    expect(r.matches[0]).toMatchObject({ ruleId: 'other.test-phrase', text: 'zorbles came back' });
  });
});
