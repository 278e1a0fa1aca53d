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

  it.each([
    ["he doesnt hit me anymore but i still flinch", 'physical_abuse'],
    ['im not aloud to eat with the family i eat in my room', 'emotional_abuse'],
    ['i dred going to my dads for contact', 'fear_of_home'],
    ['stayed out till 3am again n nobody noticed', 'running_away'],
    ['lowkey wanna kms', 'suicidal_thoughts'],
    ['been thinking about how to unalive myself', 'suicidal_thoughts'],
    ['wish i could sleep n not wake up', 'suicidal_thoughts'],
    ['whats even the point', 'suicidal_thoughts'],
    ['everyone wud be better off wivout me', 'suicidal_thoughts'],
    ['she says im the reason mum left', 'emotional_abuse'],
    ['i hide in my room when he comes in', 'fear_of_home'],
    ['been sofa surfing since i got kicked out', 'running_away'],
    ['nobody takes me to the dentist and my tooth hurts', 'neglect'],
    ['no money for food til my uc comes in', 'neglect'],
  ] as const)('flags the indirect or text-speak "%s" (%s)', (text, category) => {
    const r = screen(text);
    expect(r.flag).toBe(true);
    expect(r.categories).toContain(category);
  });

  it.each([
    'my brother hit me with a pillow lol',
    'football practice kills me every tuesday',
    'i could kill for a pizza rn',
    'im starving after football can we have more snacks',
    'we went in the sea it was freezing',
    'dont tell my carer but i got her a birthday cake',
    'just passed my driving test after 3 attempts!!',
    'been clean from smoking for 6 months',
    'the puppy bites my socks',
    'She said she likes painting and her carer reads her stories.',
  ])('does not flag the near miss "%s"', (text) => {
    expect(screen(text).flag).toBe(false);
  });

  it.each([
    ['i dont think ill make it to 18', 'suicidal_thoughts'],
    ['i want to go away for ever and ever', 'suicidal_thoughts'],
    ['hid a note for wen im gone', 'suicidal_thoughts'],
    ['been saving up my sertraline just in case', 'suicidal_thoughts'],
    ['thinkin about sewerslide again', 'suicidal_thoughts'],
    ['She doesnt want to wake up any more.', 'suicidal_thoughts'],
    ['i do it where nobody can see now', 'self_harm'],
    ["sh'd again last nite", 'self_harm'],
    ['my mate cuts n she showed me how', 'self_harm'],
    ['my mum is always off her head', 'substance_harm'],
    ['got so blazed before school', 'substance_harm'],
    ['first thing i do when i wake up is reach for a can', 'substance_harm'],
    ['cant get through a day without a few tins', 'substance_harm'],
    ['my boyfriend is back on the brown', 'substance_harm'],
    ['my tummy feels poorly before i go back to my mums', 'fear_of_home'],
    ['stay out as late as i can so i dont have to go back', 'fear_of_home'],
    ['id rather sleep at the park than be in that house', 'fear_of_home'],
    ['i pretend to be asleep wen he comes upstairs', 'fear_of_home'],
  ] as const)('flags the family of "%s" (%s, from 2026.3)', (text, category) => {
    const r = screen(text);
    expect(r.flag).toBe(true);
    expect(r.categories).toContain(category);
  });

  it.each([
    'this homework is killing me fr',
    'if i fail my driving test again i will literally die',
    'whats the point of algebra honestly',
    'i just want this week to be over, 3 exams in 2 days',
    'my cat scratches my legs wen i pick her up',
    'i bite my nails when im nervous about exams',
    'coke zero is the best drink',
    'my little brother was off his head on sugar at the party lol',
    'i hide in the wardrobe when we play hide and seek',
    'i dont want to go home from legoland',
  ])('does not flag the 2026.3 near miss "%s"', (text) => {
    expect(screen(text).flag).toBe(false);
  });

  it('keeps the words an idiom leaves out: a drink named beside an ordinary one is still read', () => {
    expect(screen('mum had vodka and we had squash').categories).toContain('substance_harm');
    expect(screen('he burnt my hand on the iron').flag).toBe(true);
    expect(screen('so tired of everything i could die').categories).toContain('suicidal_thoughts');
  });

  it('flags weak signals of different kinds together, naming each, when no rule matches', () => {
    const text = 'there was no one at the door at night';
    const r = screen(text);
    expect(r.flag).toBe(true);
    expect(r.categories).toEqual(['other_risk']);
    expect(r.matches.map((m) => m.ruleId).sort()).toEqual(['signals.lack', 'signals.place']);
    for (const m of r.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not flag a single kind of weak signal, or signals inside an idiom', () => {
    expect(screen('the door at night').flag).toBe(false);
    expect(screen('my phone died at night').flag).toBe(false);
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
