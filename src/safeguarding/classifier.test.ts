import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION, TRAINED_ON, defaultClassifier, features, trainClassifier } from './classifier.ts';
import { loadCorpus, type CorpusItem } from './corpus/corpus.ts';
import { defaultRules } from './rules.ts';
import { screen } from './screen.ts';

const lexicon = defaultRules().lexicon;
/** The bundled rules as another object: screened by rules alone. */
const rulesAlone = { ...defaultRules() };

describe('the second screen: naive Bayes on the tuning half', () => {
  it('is versioned with its training data: change the tuning half, raise CLASSIFIER_VERSION and TRAINED_ON', () => {
    const sha = createHash('sha256').update(readFileSync(new URL('./corpus/tuning.jsonl', import.meta.url))).digest('hex');
    expect(sha.slice(0, 16)).toBe(TRAINED_ON);
  });

  it('reads words as the rules do, plus adjacent pairs', () => {
    expect(features('Im sooo scared', lexicon)).toEqual(['i', 'am', 'so', 'scared', 'i_am', 'am_so', 'so_scared']);
    expect(features('  ', lexicon)).toEqual([]);
  });

  it('marks the words of a clause after a negation', () => {
    expect(features('i dont feel safe. ok now', lexicon).slice(0, 7)).toEqual(['i', 'do', 'not', '!feel', '!safe', 'ok', 'now']);
    expect(features('never safe but happy', lexicon).slice(0, 4)).toEqual(['never', '!safe', 'but', 'happy']);
    expect(screen('i feel safe here with my carer').flag).toBe(false);
  });

  it('flags a concern no rule matches, as a whole comment, and says so in the version', () => {
    const text = 'nobody at my placement talks to me for days';
    expect(screen(text, rulesAlone).flag).toBe(false);
    const r = screen(text);
    expect(r.flag).toBe(true);
    expect(r.matches).toEqual([expect.objectContaining({ ruleId: `classifier.${CLASSIFIER_VERSION}`, start: 0, end: text.length, text })]);
    expect(r.rulesVersion).toBe(`${defaultRules().version}+${CLASSIFIER_VERSION}`);
  });

  it('leaves ordinary comments alone and is only asked when no rule matched', () => {
    for (const text of ['i love my foster family and my dog', 'my nan makes the best roast dinners', 'football on saturdays is the best']) {
      expect(screen(text).flag).toBe(false);
    }
    const ruled = screen('my carer calls me thick and useless every day');
    expect(ruled.matches.some((m) => m.ruleId.startsWith('classifier.'))).toBe(false);
  });

  it('is used with the bundled rules only, unless given', () => {
    const c = defaultClassifier(lexicon);
    expect(screen('nobody at my placement talks to me for days', rulesAlone, c).flag).toBe(true);
    expect(screen('anything', rulesAlone).rulesVersion).toBe(defaultRules().version);
  });

  it('learns from what it is given: a concern in the words it was taught, and its category', () => {
    const item = (id: number, text: string, concern: boolean): CorpusItem => ({
      id: `t-${String(id).padStart(3, '0')}`,
      ageGroup: '11-17',
      question: 'anything-else',
      text,
      concern,
      categories: concern ? ['fear_of_home'] : [],
      spans: [],
    });
    const a = trainClassifier([item(1, 'the shouting at home scares me', true), item(2, 'the park near home is fun', false)], lexicon);
    expect(a.classify('all that shouting really scares me')?.flag).toBe(true);
    expect(a.classify('all that shouting really scares me')?.category).toBe('fear_of_home');
    expect(a.classify('the park by the river is fun')?.flag).toBe(false);
    // Too short to judge: left to the rules.
    expect(a.classify('shouting scares me')).toBeNull();
    expect(a.classify('   ')).toBeNull();
  });

  it('finds most concerns of the tuning half when trained on the rest of it (five folds)', () => {
    const items = loadCorpus('tuning');
    let concerns = 0;
    let found = 0;
    let benign = 0;
    let flagged = 0;
    for (let fold = 0; fold < 5; fold++) {
      const c = trainClassifier(
        items.filter((_, i) => i % 5 !== fold),
        lexicon,
      );
      for (const item of items.filter((_, i) => i % 5 === fold)) {
        const hit = c.classify(item.text)?.flag === true;
        if (item.concern) {
          concerns++;
          if (hit) found++;
        } else {
          benign++;
          if (hit) flagged++;
        }
      }
    }
    expect(found / concerns).toBeGreaterThan(0.85);
    expect(flagged / benign).toBeLessThan(0.2);
  });
});
