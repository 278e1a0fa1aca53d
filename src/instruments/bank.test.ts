import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getInstrument, instruments, OLDER_YLYC_KEYS, SHARED_YLYC_KEYS } from './bank/index.ts';
import en from './messages/en.json' with { type: 'json' };
import { answerValues, isValidAnswer, parseAnswer } from './registry.ts';
import { evaluate, pruneHidden, visiblePages, visibleQuestions } from './skip.ts';
import { countedItems } from './structure.ts';
import { DECLINED, messageKeys, type Answer, type Instrument, type Question, type Scale } from './types.ts';

const get = (id: string): Instrument => {
  const i = getInstrument(id);
  if (i === undefined) throw new Error(id);
  return i;
};
const question = (inst: Instrument, id: string): Question | undefined => inst.questions.find((q) => q.id === id);
const keysOf = (inst: Instrument): string[] => inst.questions.map((q) => q.key);
const text = (inst: Instrument, id: string): unknown => (en as Record<string, unknown>)[messageKeys(inst.id, id).text];

const [y4, y8, y11, ylbc] = (['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25'] as const).map(get) as [Instrument, Instrument, Instrument, Instrument];

describe('lengths (the counting rule)', () => {
  it.each([
    ['ylyc-4-7', 13, 18, 5],
    ['ylyc-8-11', 34, 36, 0],
    ['ylyc-11-17', 49, 51, 0],
    ['ylbc-16-25', 47, 47, 0],
  ])('%s counts %i items (%i questions, %i answered by the adult)', (id, items, questions, adult) => {
    const inst = get(id);
    expect(inst.publishedLength).toBe(items);
    expect(countedItems(inst)).toHaveLength(items);
    expect(inst.questions).toHaveLength(questions);
    expect(inst.questions.filter((q) => q.askedOf === 'adult')).toHaveLength(adult);
  });

  it('counts the family contact grid as one item', () => {
    for (const inst of [y8, y11]) {
      expect(['contact_mum', 'contact_dad', 'contact_siblings'].map((id) => question(inst, id)?.item)).toEqual(Array(3).fill('contact_family'));
    }
  });

  it('versions, languages, bands and unknown ids', () => {
    expect(instruments.map((i) => [i.version, i.band])).toEqual([
      ['1.0.0', { min: 4, max: 7 }],
      ['1.0.0', { min: 8, max: 11 }],
      ['1.0.0', { min: 11, max: 17 }],
      ['1.0.0', { min: 16, max: 25 }],
      ['1.0.0', { min: 8, max: 11 }],
    ]);
    // Every version is in English first, then at least Welsh, Pashto and Dari (other languages may follow).
    for (const i of instruments) {
      expect(i.languages[0], i.id).toBe('en');
      expect(i.languages, i.id).toEqual(expect.arrayContaining(['cy', 'ps', 'prs']));
    }
    expect(getInstrument('ylyc-18-25')).toBeUndefined();
  });
});

describe('shared keys (INSTRUMENTS.md)', () => {
  it('ylyc-4-7 asks exactly the 13 shared items of the child, and each recurs in 8-11 and 11-17 under the same key and domain', () => {
    expect(y4.questions.filter((q) => q.askedOf === 'child').map((q) => q.key)).toEqual([...SHARED_YLYC_KEYS]);
    for (const key of SHARED_YLYC_KEYS) {
      const base = question(y4, key);
      for (const inst of [y8, y11]) {
        const other = inst.questions.find((q) => q.key === key);
        expect(other, `${inst.id} ${key}`).toBeDefined();
        expect(other?.domain).toBe(base?.domain);
        expect(other?.positive === undefined).toBe(base?.positive === undefined);
      }
    }
  });

  it('8-11 and 11-17 both carry every addition, and 11-17 its own topics', () => {
    for (const key of OLDER_YLYC_KEYS) for (const inst of [y8, y11]) expect(keysOf(inst), `${inst.id} ${key}`).toContain(key);
    const teen = ['trusted_to_do_things', 'life_skills', 'hobbies', 'worries_feelings', 'gets_help_with_worries', 'happy_appearance', 'placement_moves', 'feels_different', 'worthwhile', 'talk_about_care', 'adults_listen'];
    for (const key of teen) {
      expect(keysOf(y11)).toContain(key);
      expect(keysOf(y8)).not.toContain(key);
    }
  });

  it('asks ethnicity where the blueprint does (adult for 4-7, not at 8-11)', () => {
    expect(question(y4, 'ethnicity')?.askedOf).toBe('adult');
    expect(question(y8, 'ethnicity')).toBeUndefined();
    for (const inst of [y11, ylbc]) expect(question(inst, 'ethnicity')?.demographicOf).toBe('ethnicity');
    for (const inst of [y8, y11]) {
      expect(inst.questions.filter((q) => q.demographic).map((q) => q.demographicOf)).toEqual(
        expect.arrayContaining(['age', 'gender', 'placement', 'time_in_care']),
      );
    }
  });

  it('YLBC mirrors YLYC keys and has its own topics', () => {
    const mirrors = ['safe_at_home', 'settled_at_home', 'good_friend', 'trusted_adult', 'care_explained', 'has_fun', 'internet_at_home', 'happy_appearance', 'positive_future', 'life_satisfaction', 'happy_yesterday', 'worthwhile'];
    for (const key of mirrors) {
      expect(keysOf(ylbc)).toContain(key);
      expect(keysOf(y11)).toContain(key);
    }
    const own = ['anxious_yesterday', 'knows_pa', 'trusts_pa', 'contact_pa', 'pathway_plan', 'believes_in_you', 'emotional_support', 'emotional_support_who', 'lonely', 'stressed', 'cope_financially', 'home_right', 'safe_neighbourhood', 'eet', 'treated_worse', 'disability', 'goals_future', 'feels_relaxed', 'feels_down', 'anything_else'];
    for (const key of own) expect(keysOf(ylbc)).toContain(key);
    expect(question(ylbc, 'emotional_support_who')?.scale.kind).toBe('multi');
    const demographics = ylbc.questions.filter((q) => q.demographic).map((q) => q.demographicOf);
    expect(demographics).toEqual(expect.arrayContaining(['age', 'gender', 'ethnicity', 'living', 'time_in_care', 'eet', 'disability']));
  });
});

describe('DOMAIN.md indicator topics', () => {
  // Each topic listed in DOMAIN.md, with the key that asks it.
  const childTopics: Record<string, Record<string, string>> = {
    relationships: { 'trust adults you live with': 'trusts_carers', 'carers notice feelings': 'carers_notice_feelings', 'talk to carers': 'talk_to_carers', 'know social worker': 'knows_social_worker', 'trust social worker': 'trusts_social_worker', 'contact social worker': 'contact_social_worker', 'social worker changes': 'social_worker_changes', 'speak to social worker alone': 'speak_sw_alone', 'contact with mum': 'contact_mum', 'contact with dad': 'contact_dad', 'contact with siblings': 'contact_siblings', 'good friend': 'good_friend', pet: 'has_pet', 'trusted adult': 'trusted_adult' },
    rights: { 'reasons for care explained': 'care_explained', 'included in decisions': 'included_in_decisions', bullying: 'bullying_afraid', embarrassed: 'embarrassed_by_adults', 'feel different': 'feels_different' },
    resilience: { 'fun at weekends': 'has_fun', hobbies: 'hobbies', outdoors: 'outdoors', 'like school': 'likes_school', 'carers interested in education': 'carers_interest_education', 'same as friends': 'same_as_friends', 'chances to be trusted': 'trusted_to_do_things', 'life skills': 'life_skills', internet: 'internet_at_home' },
    recovery: { safe: 'safe_at_home', settled: 'settled_at_home', bedroom: 'likes_bedroom', 'placement moves': 'placement_moves', worries: 'worries_feelings', 'help with worries': 'gets_help_with_worries', appearance: 'happy_appearance' },
    wellbeing: { 'life satisfaction': 'life_satisfaction', 'happiness yesterday': 'happy_yesterday', worthwhile: 'worthwhile', 'positive future': 'positive_future', 'life getting better': 'life_getting_better' },
  };
  const leaverTopics: Record<string, string> = { 'safe where you live': 'safe_at_home', settled: 'settled_at_home', 'home right': 'home_right', neighbourhood: 'safe_neighbourhood', 'trust PA': 'trusts_pa', 'contact PA': 'contact_pa', 'pathway plan': 'pathway_plan', 'believes in you': 'believes_in_you', 'emotional support': 'emotional_support_who', loneliness: 'lonely', money: 'cope_financially', internet: 'internet_at_home', eet: 'eet', 'treated worse': 'treated_worse', disability: 'disability', anxiety: 'anxious_yesterday', stress: 'stressed', 'positive feelings': 'feels_relaxed', 'negative feelings': 'feels_down', goals: 'goals_future' };

  it.each(Object.entries(childTopics))('ylyc-11-17 covers every %s topic, in that domain', (domain, topics) => {
    for (const [topic, key] of Object.entries(topics)) {
      expect(question(y11, key)?.domain, `${topic} -> ${key}`).toBe(domain);
    }
  });

  it('ylbc-16-25 covers every care leaver topic', () => {
    for (const [topic, key] of Object.entries(leaverTopics)) expect(keysOf(ylbc), topic).toContain(key);
  });
});

describe('reporting rules', () => {
  it('every reported question has a positive rule; comments and demographics have none', () => {
    for (const inst of instruments) {
      for (const q of inst.questions) {
        const reported = !q.demographic && q.scale.kind !== 'text' && q.scale.kind !== 'multi';
        expect(q.positive !== undefined, `${inst.id}/${q.id}`).toBe(reported);
        if (q.demographic) expect(q.demographicOf, `${inst.id}/${q.id}`).toBeDefined();
      }
      expect(question(inst, 'anything_else')).toMatchObject({ domain: 'comments', scale: { kind: 'text' } });
    }
  });

  it('uses the ONS wording, scale and thresholds', () => {
    const ons: Record<string, string> = {
      life_satisfaction: 'Overall, how satisfied are you with your life nowadays?',
      worthwhile: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      happy_yesterday: 'Overall, how happy did you feel yesterday?',
      anxious_yesterday: 'Overall, how anxious did you feel yesterday?',
    };
    for (const [id, wording] of Object.entries(ons)) expect(text(ylbc, id)).toBe(wording);
    for (const id of ['life_satisfaction', 'worthwhile', 'happy_yesterday']) {
      expect(text(y11, id)).toBe(ons[id]);
      expect(question(ylbc, id)?.positive).toEqual({ type: 'range', positive: { from: 7, to: 10 }, low: { from: 0, to: 4 } });
    }
    expect(question(ylbc, 'anxious_yesterday')?.positive).toEqual({ type: 'range', positive: { from: 0, to: 3 }, low: { from: 6, to: 10 } });
    expect(question(y11, 'anxious_yesterday')).toBeUndefined();
    expect(en['scale.ons_0_10.min']).toBe('Not at all');
    expect(en['scale.ons_0_10.max']).toBe('Completely');
  });

  it('marks reversed items with the negative answers as positive', () => {
    expect(question(y8, 'bullying_afraid')).toMatchObject({ reversed: true, positive: { positive: ['hardly_ever', 'never'] } });
    expect(question(ylbc, 'lonely')).toMatchObject({ reversed: true, positive: { positive: ['hardly_ever', 'never'] } });
    expect(question(y11, 'embarrassed_by_adults')).toMatchObject({ reversed: true, positive: { positive: ['no'] } });
    expect(question(y8, 'contact_dad')?.positive).toEqual({ type: 'codes', positive: ['about_right'], excluded: ['no_contact'] });
  });

  it('names the general-population benchmarks of DOMAIN.md section 7', () => {
    const benchmarks = instruments.flatMap((i) => i.questions.filter((q) => q.benchmark).map((q) => `${i.id}/${q.id}=${q.benchmark}`));
    expect(benchmarks).toEqual(
      expect.arrayContaining([
        'ylyc-11-17/life_satisfaction=low_life_satisfaction',
        'ylbc-16-25/life_satisfaction=low_life_satisfaction',
        'ylyc-8-11/bullying_afraid=bullying_afraid',
        'ylyc-8-11/good_friend=good_friend',
        'ylbc-16-25/lonely=lonely',
        'ylbc-16-25/cope_financially=cope_financially',
        'ylbc-16-25/disability=disability',
        'ylbc-16-25/internet_at_home=internet_at_home',
        'ylbc-16-25/worthwhile=worthwhile',
      ]),
    );
  });
});

describe('pages and skip conditions', () => {
  it('gives 4-7s one question per page, the adult section last, and older groups short pages', () => {
    expect(y4.pages.every((p) => p.questions.length === 1)).toBe(true);
    expect(y4.pages.filter((p) => p.forAdult).flatMap((p) => p.questions)).toEqual(['age', 'gender', 'ethnicity', 'placement_type', 'time_in_care']);
    for (const inst of [y8, y11, ylbc]) {
      expect(inst.pages.every((p) => p.questions.length <= 5)).toBe(true);
      // Single-question pages only where skip logic or the closing comment needs them.
      expect(inst.pages.filter((p) => p.questions.length === 1).length).toBeLessThanOrEqual(2);
    }
  });

  it('gates follow-up questions on their gate answers', () => {
    for (const inst of [y4, y8, y11]) {
      for (const id of ['trusts_social_worker', 'contact_social_worker', 'speak_sw_alone', 'social_worker_changes']) {
        const q = question(inst, id);
        if (q) expect(q.showIf).toEqual({ question: 'knows_social_worker', in: ['yes'] });
      }
    }
    for (const id of ['trusts_pa', 'contact_pa', 'pa_changes']) expect(question(ylbc, id)?.showIf).toEqual({ question: 'knows_pa', in: ['yes'] });
    expect(question(y11, 'gets_help_with_worries')?.showIf).toEqual({ not: { question: 'worries_feelings', in: ['never'] } });
  });
});

/** Every distinct scale in the bank. */
const scales: Scale[] = [...new Map(instruments.flatMap((i) => i.questions.map((q) => [q.scale.id, q.scale] as const))).values()];
const scaleArb = fc.constantFrom(...scales);
const rawArb = fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined), fc.constantFrom('yes', 'face_5', '7', DECLINED));

describe('parseAnswer (properties)', () => {
  it('never throws, and whatever it accepts is a valid stored answer', () => {
    fc.assert(
      fc.property(scaleArb, rawArb, (scale, raw) => {
        const r = parseAnswer(scale, raw);
        if (r.ok && r.value !== undefined) expect(isValidAnswer(scale, r.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts exactly the valid codes (or nothing) for a single answer', () => {
    const codeArb = fc.oneof(fc.string(), ...scales.flatMap((s) => answerValues(s).map((v) => fc.constant(String(v)))), fc.constant(DECLINED));
    fc.assert(
      fc.property(scaleArb, codeArb, (scale, raw) => {
        const r = parseAnswer(scale, raw);
        const valid = answerValues(scale).map(String);
        if (scale.kind === 'text') expect(r.ok).toBe([...raw.trim()].length <= 2000);
        else expect(r.ok).toBe(raw === '' || raw === DECLINED || valid.includes(raw));
        if (!r.ok || scale.kind === 'text' || raw === '') return;
        // The stored value is the code itself: a list of one for tick-all, a number for scores.
        const stored = raw === DECLINED ? raw : scale.kind === 'multi' ? [raw] : scale.kind === 'score' ? Number(raw) : raw;
        expect(r.value).toEqual(stored);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a list for tick-all questions exactly when every entry is an option (or it is DECLINED alone)', () => {
    const multis = scales.filter((s) => s.kind === 'multi');
    fc.assert(
      fc.property(fc.constantFrom(...multis), fc.array(fc.oneof(fc.constantFrom(...multis.flatMap((s) => answerValues(s).map(String)), DECLINED, ''), fc.string())), (scale, raw) => {
        const given = raw.filter((c) => c !== '');
        const codes = answerValues(scale).map(String);
        const expected = given.length === 0 || given.every((c) => codes.includes(c)) || given.every((c) => c === DECLINED);
        expect(parseAnswer(scale, raw).ok).toBe(expected);
      }),
    );
  });
});

/** Arbitrary (valid) answers to any subset of an instrument's questions. */
function answersArb(inst: Instrument): fc.Arbitrary<Record<string, Answer>> {
  const entries = inst.questions
    .filter((q) => q.scale.kind !== 'text')
    .map((q) => {
      const values = answerValues(q.scale);
      const arb: fc.Arbitrary<Answer> =
        q.scale.kind === 'multi'
          ? fc.oneof(fc.subarray(values.map(String), { minLength: 1 }), fc.constant(DECLINED))
          : fc.constantFrom<Answer>(...values, DECLINED);
      return [q.id, arb] as const;
    });
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Record<string, Answer>>;
}

describe('skip logic (properties)', () => {
  it.each(instruments.map((i) => [i.id, i] as const))('%s: visibility is consistent and pruning is idempotent', (_id, inst) => {
    fc.assert(
      fc.property(answersArb(inst), (answers) => {
        const visible = visibleQuestions(inst, answers);
        const ids = new Set(visible.map((q) => q.id));
        const pruned = pruneHidden(inst, answers);
        expect(pruneHidden(inst, pruned)).toEqual(pruned);
        expect(Object.keys(pruned).every((id) => ids.has(id))).toBe(true);
        expect(visibleQuestions(inst, pruned).map((q) => q.id)).toEqual([...ids]);
        for (const q of inst.questions) {
          if (q.showIf !== undefined) expect(evaluate(q.showIf, pruned)).toBe(ids.has(q.id));
          else expect(ids.has(q.id)).toBe(true);
        }
        expect(visiblePages(inst, answers).map((p) => p.id)).toEqual(inst.pages.filter((p) => p.questions.some((id) => ids.has(id))).map((p) => p.id));
        if (answers['knows_social_worker'] !== 'yes') expect(ids.has('trusts_social_worker')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
