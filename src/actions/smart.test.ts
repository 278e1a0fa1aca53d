import { describe, expect, it } from 'vitest';
import type { IndicatorOption } from './plan.ts';
import { checkAction, checkKpi, checkUpdate, parsePercent, type ActionForm } from './smart.ts';

const shown = (p: number): IndicatorOption['figure'] => ({ shown: true, count: Math.round(p * 50), base: 50, proportion: p, lower: p - 0.1, upper: p + 0.1 });
const indicators: IndicatorOption[] = [
  { id: 'ylbc-16-25.safe_at_home.positive', ref: { instrumentId: 'ylbc-16-25', questionId: 'safe_at_home', measure: 'positive' }, label: 'Feels safe at home', figure: shown(0.6), better: 'higher' },
  { id: 'ylbc-16-25.life_satisfaction.low', ref: { instrumentId: 'ylbc-16-25', questionId: 'life_satisfaction', measure: 'low' }, label: 'Life satisfaction: low scores', figure: shown(0.3), better: 'lower' },
  { id: 'ylbc-16-25.has_pet.positive', ref: { instrumentId: 'ylbc-16-25', questionId: 'has_pet', measure: 'positive' }, label: 'Has a pet', figure: { shown: false, reason: 'small_base' }, better: 'higher' },
];
const ctx = { findingIds: new Set(['ylbc-16-25.safe_at_home.positive.national']), indicators };
const form = (over: Partial<ActionForm> = {}): ActionForm => ({
  what: 'Every care leaver moving home gets a safety visit in the first month',
  findings: ['ylbc-16-25.safe_at_home.positive.national'],
  indicator: 'ylbc-16-25.safe_at_home.positive',
  target: '70',
  byWave: '1',
  ownerRole: 'Team manager',
  ownerTeam: 'Leaving care team',
  partners: 'Housing',
  dueOn: '2026-12-31',
  status: 'not_started',
  involvementGroup: 'care_leavers_forum',
  involvementHow: 'The forum chose the topic',
  ...over,
});
const texts = (f: ActionForm): string[] => {
  const r = checkAction(f, ctx);
  return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.text}`);
};

describe('SMART checks on an action', () => {
  it('accepts a complete action, its target as a proportion', () => {
    const r = checkAction(form(), ctx);
    expect(r.ok && r.value.target).toBeCloseTo(0.7);
    expect(r.ok && r.value.indicator.id).toBe('ylbc-16-25.safe_at_home.positive');
  });

  it('explains each missing part in plain words, once per field', () => {
    const p = texts(form({ what: 'Do better', target: '', ownerRole: '', dueOn: '31/12/2026', findings: ['made-up'], involvementGroup: '', involvementHow: '', byWave: '' }));
    expect(p).toEqual([
      'what: Be specific: say what will change, for whom, in a sentence of at least five words.',
      'findings: Link the action to at least one finding of the report: the bright spot it protects or the area for improvement it answers.',
      'target: A measure needs a baseline and a target: give the target as a percentage from 0 to 100.',
      'byWave: Say by when the target should be met: by the next wave or the wave after.',
      expect.stringMatching(/^ownerRole: Name who owns it/),
      expect.stringMatching(/^dueOn: Say by when: give the date/),
      expect.stringMatching(/^involvementGroup: Say which group/),
      expect.stringMatching(/^involvementHow: Say how young people were involved/),
    ]);
  });

  it('needs a shown baseline, and a target that holds or improves it in the measure\'s good direction', () => {
    expect(texts(form({ indicator: 'ylbc-16-25.has_pet.positive' }))[0]).toMatch(/^indicator: A measure needs a baseline and a target: this indicator’s figure is hidden/);
    expect(texts(form({ target: '50' }))[0]).toMatch(/^target: The target \(50%\) is below the baseline \(60%\)/);
    expect(texts(form({ indicator: 'ylbc-16-25.life_satisfaction.low', target: '40' }))[0]).toMatch(/lower is better/);
    expect(texts(form({ indicator: 'ylbc-16-25.life_satisfaction.low', target: '20' }))).toEqual([]);
    expect(texts(form({ target: '60' }))).toEqual([]);
    expect(texts(form({ indicator: '' }))[0]).toMatch(/^indicator: A measure needs an indicator/);
  });

  it('refuses names and contact details of young people, but not organisations as partners', () => {
    expect(texts(form({ involvementHow: 'Jamie Smith chaired the forum' }))[0]).toMatch(/^involvementHow: .*must not name young people.*Jamie Smith/);
    expect(texts(form({ what: 'Ring Kayleigh on 07700 900123 about her flat every month' })).join()).toMatch(/must not name young people/);
    expect(texts(form({ partners: 'Barnardo’s, Housing, Jobcentre Plus' }))).toEqual([]);
    expect(texts(form({ partners: 'call 07700 900123' }))[0]).toMatch(/^partners:/);
  });

  it('reads percentages as typed', () => {
    expect(parsePercent('65')).toBe(0.65);
    expect(parsePercent('65.5%')).toBeCloseTo(0.655);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('sixty')).toBeNull();
  });
});

describe('SMART checks on KPIs and progress updates', () => {
  it('needs an outcome, an indicator with a baseline, and a target', () => {
    const r = checkKpi({ title: 'More', indicator: 'nope', target: 'x' }, indicators);
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['title', 'indicator', 'target']);
    expect(checkKpi({ title: 'More care leavers feel safe', indicator: 'ylbc-16-25.safe_at_home.positive', target: '75' }, indicators).ok).toBe(true);
  });

  it('needs a real date, a status and a note without names', () => {
    expect(checkUpdate({ onDate: '2026-02-30', status: 'on_track', note: 'Fine' }).ok).toBe(false);
    expect(checkUpdate({ onDate: '2026-02-28', status: 'sideways', note: 'Fine' }).ok).toBe(false);
    expect(checkUpdate({ onDate: '2026-02-28', status: 'done', note: 'Letters sent to every care leaver' }).ok).toBe(true);
  });
});

describe('the LA\'s own name', () => {
  it('is not taken for a young person\'s name', () => {
    const what = 'Fernley Council writes to every care leaver about the help they can get';
    expect(checkAction(form({ what }), { ...ctx, allowed: ['Fernley Council'] }).ok).toBe(true);
  });
});
