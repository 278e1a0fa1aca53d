/**
 * The demo's living action plan: Kelderby's earliest reported care leavers' wave (two years ago), run
 * as New Belongings Plus and part-way through its cycle; its KPIs are measured by last year's reported
 * wave of the same survey. The LA's lead starts the plan from the published report, adds three
 * actions on its areas for improvement and two KPIs, agrees it, and records the cycle: the feedback
 * session and the first deep dive held, the second deep dive overdue, the rest ahead; the co-production
 * self-assessment (with the programme's feedback) and the reference group register. All through the
 * services, as the forms would.
 */
import type { Services } from '../services.ts';
import { addDays } from '../programme/planning/index.ts';
import { demoActor, type DemoAccount } from './staff.ts';

export interface SeededNbplus {
  readonly waveId: string;
  readonly actions: number;
  readonly kpis: number;
}

const ACTIONS = [
  { what: 'Every care leaver moving into their own home gets a welcome visit from their personal adviser in the first week', ownerRole: 'Team manager', ownerTeam: 'Leaving care team', partners: 'District housing teams', status: 'on_track', involvementGroup: 'care_leavers_forum', involvementHow: 'The forum chose the topic at the first deep dive and wrote the visit checklist' },
  { what: 'A plain-English letter, written with care leavers, that explains the money and support they can get', ownerRole: 'Head of service', ownerTeam: 'Leaving care team', partners: 'Jobcentre Plus', status: 'done', involvementGroup: 'reference_group', involvementHow: 'The reference group rewrote the letter and tested it with other care leavers' },
  { what: 'Personal advisers have a monthly catch-up with every care leaver aged 18 to 21, in person or by video', ownerRole: 'Service manager', ownerTeam: 'Personal advisers', partners: 'Local colleges', status: 'at_risk', involvementGroup: 'care_leavers_forum', involvementHow: 'The forum said what a good catch-up looks like' },
] as const;

/** A target a little better than the published figure, in the measure's good direction, as a whole percentage. */
const targetOf = (proportion: number, better: 'higher' | 'lower'): string => String(Math.round(better === 'higher' ? Math.min(100, proportion * 100 + 8) : Math.max(0, proportion * 100 - 5)));

/** Seeds the living plan, or returns null when the report has no finding to act on (a very small demo). */
export async function seedNbplus(services: Services, staff: readonly DemoAccount[], waveId: string, today: string): Promise<SeededNbplus | null> {
  const wave = await services.programme.findWave(waveId);
  const leadAccount = staff.find((a) => a.grant.role === 'la_lead' && a.grant.laId === wave?.laId);
  const researcherAccount = staff.find((a) => a.grant.role === 'programme_researcher');
  if (!wave || !leadAccount || !researcherAccount) throw new Error('no wave or staff for the demo action plan');
  const lead = demoActor(leadAccount);
  const fail = (what: string, o: { ok: boolean; problems?: readonly { text: string }[] }): void => {
    if (!o.ok) throw new Error(`demo ${what} refused: ${(o.problems ?? []).map((p) => p.text).join('; ')}`);
  };

  const before = await services.actions.load(lead, waveId);
  if (before.findings.length === 0 || before.indicators.filter((o) => o.figure.shown).length < 2) return null;
  await services.actions.start(lead, waveId);
  const view = await services.actions.load(lead, waveId);
  const areas = view.findings.filter((f) => f.kind !== 'bright_spot' && f.indicatorId !== null);
  const usable = (id: string | null) => view.indicators.find((o) => o.id === id && o.figure.shown);
  const chosen = areas.filter((f) => usable(f.indicatorId) !== undefined);
  const actionIds: string[] = [];
  for (const [i, a] of ACTIONS.entries()) {
    const f = chosen[i % Math.max(1, chosen.length)];
    const ind = usable(f?.indicatorId ?? null) ?? view.indicators.find((o) => o.figure.shown);
    if (!ind || !ind.figure.shown) throw new Error('no indicator for the demo action plan');
    const out = await services.actions.saveAction(lead, waveId, null, {
      ...a,
      findings: f ? [f.id] : view.findings.slice(0, 1).map((x) => x.id),
      indicator: ind.id,
      target: targetOf(ind.figure.proportion, ind.better),
      byWave: '1',
      dueOn: addDays(today, i === 1 ? -20 : 60 + 30 * i),
    });
    fail('action', out);
    if (out.ok && out.id) actionIds.push(out.id);
  }
  const kpiIndicators = [...new Set(chosen.map((f) => f.indicatorId))].map((id) => usable(id)).filter((o) => o !== undefined).slice(0, 2);
  for (const o of view.indicators.filter((x) => x.figure.shown)) if (kpiIndicators.length < 2 && !kpiIndicators.includes(o)) kpiIndicators.push(o);
  for (const [i, o] of kpiIndicators.entries()) {
    if (!o.figure.shown) continue;
    fail('KPI', await services.actions.addKpi(lead, waveId, { title: i === 0 ? 'More care leavers feel settled and safe where they live' : 'More care leavers know what help they can get', indicator: o.id, target: targetOf(o.figure.proportion, o.better) }));
  }
  fail('agreement', await services.actions.agree(lead, waveId));

  // The cycle started ten weeks ago: feedback and first deep dive held, the second deep dive overdue.
  fail('cycle', await services.cycle.start(lead, waveId, addDays(today, -70)));
  const page = await services.cycle.page(lead, waveId);
  const planned = (kind: string) => page.sessions.find((s) => s.kind === kind)?.plannedOn ?? today;
  const none = { topic: '', roles: [], organisations: [], counts: [], youngPeople: '', notes: '', decisions: '', actionIds: [] };
  fail('feedback session', await services.cycle.saveSession(lead, waveId, 'feedback', {
    ...none,
    plannedOn: planned('feedback'),
    heldOn: planned('feedback'),
    roles: ['Director of children’s services', 'Head of service', 'Personal adviser', 'Researcher'],
    organisations: ['Kelderby County Council', 'Kelderby County Council', 'Leaving care team', 'Bright Spots programme'],
    counts: ['1', '1', '4', '1'],
    notes: 'The programme presented the report. Feeling settled at home and knowing what help is available stood out as areas for improvement.',
    decisions: 'Deep dives on moving into your own home and on the support care leavers can get.',
  }));
  fail('deep dive', await services.cycle.saveSession(lead, waveId, 'deep_dive_1', {
    ...none,
    topic: 'Moving into your own home',
    plannedOn: planned('deep_dive_1'),
    heldOn: addDays(planned('deep_dive_1'), 2),
    roles: ['Personal adviser', 'Housing officer', 'Participation worker'],
    organisations: ['Leaving care team', 'District housing', 'Kelderby County Council'],
    counts: ['3', '2', '1'],
    youngPeople: '7',
    notes: 'Care leavers said the first weeks in a new home are the loneliest, and that nobody checks the flat is ready.',
    decisions: 'A welcome visit in the first week of every move, with a checklist the forum writes.',
    actionIds: actionIds.slice(0, 1),
  }));
  fail('self-assessment', await services.cycle.saveReview(lead, waveId, {
    council: { score: '2', evidence: 'The children in care council meets every month; younger children rarely come.' },
    forum: { score: '3', evidence: 'The care leavers’ forum meets fortnightly and chairs its own meetings.' },
    young_children: { score: '1', evidence: '' },
    advocacy: { score: '2', evidence: 'Advocacy leaflet in every welcome pack.' },
    panel: { score: '2', evidence: 'Forum members attend the corporate parenting panel twice a year.' },
    recruitment: { score: '1', evidence: '' },
    plans: { score: '2', evidence: 'The reference group reviewed the care leavers’ offer.' },
    feedback_loop: { score: '1', evidence: '' },
    paid: { score: '2', evidence: 'Vouchers for every meeting.' },
    skills: { score: '0', evidence: '' },
  }));
  const researcher = demoActor(researcherAccount);
  fail('programme feedback', await services.cycle.saveFeedback(researcher, waveId, 'A strong forum and a good start. Tell young people what changed after each session, and find ways for younger children and those living out of area to take part.', actionIds.slice(1, 2)));
  fail('reference group', await services.cycle.saveGroup(lead, waveId, { youngPeople: '9', roles: ['Chair', 'Peer researcher', 'Member'], counts: ['1', '2', '6'], involvement: 'Chooses the deep-dive topics, reviews the action plan and tests letters and leaflets.', reward: 'Paid £12 an hour in vouchers, with travel paid and an accredited training course.', meets: 'Monthly, and before each New Belongings Plus session.' }));
  return { waveId, actions: actionIds.length, kpis: kpiIndicators.length };
}
