import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus/corpus.ts';
import { screen } from './screen.ts';

describe('screening on the tuning half (the rules were written from it)', () => {
  const items = loadCorpus('tuning');
  const results = items.map((item) => ({ item, result: screen(item.text) }));
  const flagged = results.filter((r) => r.result.flag);
  const caught = flagged.filter((r) => r.item.concern).length;
  const concerns = items.filter((i) => i.concern).length;

  it('meets the goals: recall >= 0.98 with precision >= 0.5', () => {
    expect(caught / concerns).toBeGreaterThanOrEqual(0.98);
    expect(caught / flagged.length).toBeGreaterThanOrEqual(0.5);
  });

  it('names a category of the concern for most flagged concerns', () => {
    const withRightCategory = results.filter((r) => r.item.concern && r.item.categories.some((c) => r.result.categories.includes(c))).length;
    expect(withRightCategory / concerns).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the reviewer each match as a span of the original text', () => {
    for (const { item, result } of flagged) {
      expect(result.matches.length).toBeGreaterThan(0);
      for (const m of result.matches) expect(item.text.slice(m.start, m.end)).toBe(m.text);
    }
  });
});

describe('the issue\'s examples and how young people write', () => {
  it.each([
    ['he hits me when hes drunk', 'physical_abuse'],
    ['i dont want to be here anymore', 'suicidal_thoughts'],
    ['nobody would care if i was gone', 'suicidal_thoughts'],
    ['my carer locks me in', 'emotional_abuse'],
    ['someone touched me', 'sexual_abuse'],
    ['i cut myself', 'self_harm'],
    ["my old carer used to hit me but now i'm safe", 'physical_abuse'],
    ['i keep running away from my placement', 'running_away'],
    ['some older lads make me carry bags for them', 'exploitation'],
    ['im always starving at my placement', 'neglect'],
    ['im scared to go home', 'fear_of_home'],
    ['i dnt wanna b here no more', 'suicidal_thoughts'],
    ['evry1 wud b beter of wivout me', 'suicidal_thoughts'],
    ['im sooooo scaaared of him', 'fear_of_home'],
    ['he hurted me rly bad', 'physical_abuse'],
  ] as const)('flags "%s" (%s)', (text, category) => {
    const r = screen(text);
    expect(r.flag).toBe(true);
    expect(r.categories).toContain(category);
  });

  it.each([
    'my carer hits the gym every morning',
    'i killed it at football',
    "i'd die for a dog",
    'we cut out shapes at school',
    'i am dying my hair purple',
    'my brother touched my ipad',
    'id kill for a takeaway rn',
    'council tax is killing me',
    'i ran away with the prize at sports day',
    'i fell off my bike and hurt my knee',
    'i beat my carer at uno',
    'the film was sick',
    'i feel safe here',
  ])('does not flag the false friend "%s"', (text) => {
    expect(screen(text)).toMatchObject({ flag: false, categories: [], matches: [] });
  });

  it('says which version of the rules decided', () => {
    expect(screen('hello').rulesVersion).toMatch(/\d/);
  });
});

describe('screening properties', () => {
  it('never throws on arbitrary strings and returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        const r = screen(text);
        expect(r.flag).toBe(r.matches.length > 0);
        for (const m of r.matches) {
          expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('he', 'hits', 'me', 'im', 'scared', 'dont', 'want', 'to', 'be', 'here', 'the', 'gym', 'cut', 'myself', '2', 'sooo'), { maxLength: 12 }), (ws) => {
        const text = ws.join(' ');
        expect(screen(text)).toEqual(screen(text));
      }),
    );
  });
});
