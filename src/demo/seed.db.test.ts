/** The demo programme seeds the same valid data on both engines, and the same data for the same seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeWords } from '../actions/kpi.ts';
import { planPageView } from '../actions/plan-view.ts';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { getInstrument, isValidAnswer } from '../instruments/index.ts';
import { fixedClock } from '../lib/clock.ts';
import { createServices, type Services } from '../services.ts';
import { ROLES, type Actor } from '../programme/index.ts';
import { demoComparator, demoProgramme, type ComparatorLa, type DemoLa } from './programme.ts';
import { addDays, seedDemo, type DemoSeedResult } from './seed.ts';
import { DEMO_PASSWORD, demoActor, demoCodes } from './staff.ts';

const TODAY = '2026-03-02';

async function openServices(dialect: (typeof engines)[number]): Promise<{ conn: Connection; services: Services }> {
  const conn = await openTestDb(dialect);
  const services = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock(`${TODAY}T10:00:00.000Z`));
  return { conn, services };
}

/** Stored responses in an order that does not depend on their random ids. */
async function storedResponses(services: Services) {
  const rows = await services.db
    .selectFrom('responses')
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .innerJoin('local_authorities', 'local_authorities.id', 'waves.la_id')
    .select(['local_authorities.name', 'waves.opens_on', 'responses.instrument_id', 'responses.answers', 'responses.completed_at', 'responses.channel', 'responses.adult_helped'])
    .execute();
  return rows.map((r) => JSON.stringify(r)).sort();
}

const tenth = (responses: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(responses).map(([k, n]) => [k, Math.ceil((n ?? 0) / 10)]));

/** The demo programme (and its comparator) with a tenth of the responses, to compare two seedings quickly. */
const small: DemoLa[] = demoProgramme.map((la) => ({
  ...la,
  waves: la.waves.map((w) => ({ ...w, responses: tenth(w.responses) })),
  history: (la.history ?? []).map((w) => ({ ...w, responses: tenth(w.responses) })),
}));
const smallComparator: ComparatorLa[] = demoComparator.map((la) => ({ ...la, history: la.history.map((w) => ({ ...w, responses: tenth(w.responses) })) }));

describe.each(engines)('seedDemo on %s', (dialect) => {
  let conn: Connection;
  let services: Services;
  let seeded: DemoSeedResult;

  beforeAll(async () => {
    ({ conn, services } = await openServices(dialect));
    seeded = await seedDemo(services, { seed: 42, today: TODAY });
  });
  afterAll(async () => {
    await conn.close();
  });

  it('creates three LAs, each with two open waves, one closed from the previous year and one imported from the year before, and the comparator\'s LAs', async () => {
    expect((await services.programme.listLas()).map((l) => l.name).sort()).toEqual([...demoProgramme, ...demoComparator].map((l) => l.name).sort());
    const waves = await services.programme.listWaves();
    expect(waves.filter((w) => w.status === 'open')).toHaveLength(6);
    // The demo LAs' own finished waves are published (reported); the comparator's stay closed.
    const closed = waves.filter((w) => w.status === 'closed' || w.status === 'reported');
    expect(closed).toHaveLength(3 + 3 + 2 * demoComparator.length);
    expect(waves.filter((w) => w.status === 'reported')).toHaveLength(3 + 3);
    for (const w of closed) expect(w.closesOn < addDays(TODAY, -300)).toBe(true);
    for (const la of seeded.las) expect(la.waves.map((w) => w.wave.survey).filter((s) => s === 'ylyc').length).toBeGreaterThan(0);
  });

  it('stores a few hundred responses per wave, as reported, with a spread over the instruments', async () => {
    const waves = await services.programme.listWaves();
    const reported = new Map([...seeded.las, ...seeded.comparator].flatMap((l) => l.waves).map((w) => [w.wave.id, w]));
    for (const w of waves) {
      expect(w.responses).toBeGreaterThanOrEqual(150);
      expect(w.responses).toBeLessThanOrEqual(400);
      expect(w.responses).toBe(reported.get(w.id)?.responses);
      for (const id of w.instruments) expect(w.responsesByInstrument[id]).toBeGreaterThan(0);
      expect(w.responses).toBeLessThanOrEqual(w.eligibleTotal);
    }
    expect(seeded.responses + seeded.comparatorResponses).toBe(waves.reduce((a, w) => a + w.responses, 0));
    // The LAs differ: not every wave has the same response rate.
    expect(new Set(waves.map((w) => Math.round((100 * w.responses) / w.eligibleTotal))).size).toBeGreaterThan(3);
  });

  it('stores only answers valid for their instrument, completed within the fieldwork window', async () => {
    const rows = await services.db
      .selectFrom('responses')
      .innerJoin('waves', 'waves.id', 'responses.wave_id')
      .select(['responses.instrument_id', 'responses.answers', 'responses.completed_at', 'waves.opens_on', 'waves.closes_on', 'waves.status'])
      .execute();
    for (const r of rows) {
      const instrument = getInstrument(r.instrument_id);
      if (!instrument) throw new Error(`unknown instrument ${r.instrument_id}`);
      const answers = JSON.parse(r.answers) as Record<string, unknown>;
      expect(Object.keys(answers).length).toBeGreaterThan(0);
      for (const [questionId, answer] of Object.entries(answers)) {
        const question = instrument.questions.find((q) => q.id === questionId);
        expect(question, `${r.instrument_id}.${questionId}`).toBeDefined();
        if (question) expect(isValidAnswer(question.scale, answer), `${r.instrument_id}.${questionId}=${JSON.stringify(answer)}`).toBe(true);
      }
      const day = r.completed_at.slice(0, 10);
      expect(day >= r.opens_on && day <= r.closes_on).toBe(true);
      if (r.status === 'open') expect(day < TODAY).toBe(true);
    }
  });

  it('imports the past waves: closed at their close, dated without timing, in the comparator\'s 24 months, some LAs named', async () => {
    const imported = [...seeded.las.flatMap((l) => l.waves.slice(3)), ...seeded.comparator.flatMap((l) => l.waves)];
    expect(imported).toHaveLength(3 + 2 * demoComparator.length);
    for (const { wave } of imported) {
      // Published (reported) for the demo LAs, closed for the comparator's; the close date stays either way.
      expect(wave).toMatchObject({ closedAt: `${wave.closesOn}T12:00:00.000Z` });
      expect(['closed', 'reported']).toContain(wave.status);
      expect(wave.closesOn > addDays(TODAY, -730) && wave.closesOn < addDays(TODAY, -344)).toBe(true);
      const times = await services.db.selectFrom('responses').select('completed_at').distinct().where('wave_id', '=', wave.id).execute();
      expect(times.map((t) => t.completed_at)).toEqual([`${wave.closesOn}T12:00:00.000Z`]);
    }
    expect(await services.audit.list({ action: 'responses.imported' })).toHaveLength(imported.length);
    const naming = await Promise.all(seeded.comparator.map(async (c) => (await services.planning.settingsOf(c.la.id)).settings.namedInComparisons));
    expect(naming).toEqual(demoComparator.map((c) => c.named));
    expect(new Set(naming)).toEqual(new Set([true, false]));
    // The comparator's LAs have no staff: only the demo LAs' people sign in.
    const accounts = await services.accounts.listAccounts();
    for (const c of seeded.comparator) expect(accounts.some((a) => a.grants.some((g) => g.laId === c.la.id))).toBe(false);
  });

  it('makes an active account for every role, and one of each LA role per LA, all with the printed password', async () => {
    const accounts = await services.accounts.listAccounts();
    expect(accounts).toHaveLength(4 + 3 * demoProgramme.length);
    expect(new Set(accounts.flatMap((a) => a.grants.map((g) => g.role)))).toEqual(new Set(ROLES));
    for (const la of seeded.las) {
      for (const role of ['la_lead', 'la_viewer', 'la_safeguarding']) expect(accounts.filter((a) => a.grants.some((g) => g.role === role && g.laId === la.la.id))).toHaveLength(1);
    }
    for (const a of accounts) {
      expect(a.status).toBe('active');
      expect(a.email).toMatch(/@[a-z-]+\.example$/);
    }
    // The shared password is hashed once, for speed; it still signs every account in.
    expect(new Set(accounts.map((a) => a.passwordHash)).size).toBe(1);
    const lead = seeded.staff.find((a) => a.email === 'lead@northmere.example');
    expect((await services.accounts.signIn('lead@northmere.example', DEMO_PASSWORD)).ok).toBe(true);
    expect((await services.accounts.signIn('lead@northmere.example', 'not the demo password')).ok).toBe(false);
    expect(lead?.laName).toBe('Northmere Borough Council');
  });

  it("gives the sign-in banner each account's current code, which the second factor accepts", async () => {
    const codes = demoCodes(seeded.staff, services.clock)();
    expect(codes.map((c) => c.email)).toEqual(seeded.staff.map((a) => a.email));
    for (const c of codes) {
      expect(c.code).toMatch(/^\d{6}$/);
      expect(c.password).toBe(DEMO_PASSWORD);
    }
    const viewer = codes.find((c) => c.email === 'viewer@kelderby.example');
    expect(viewer?.role).toBe('LA viewer, Kelderby County Council');
    const signed = await services.accounts.signIn('viewer@kelderby.example', DEMO_PASSWORD);
    if (!signed.ok) throw new Error('password refused');
    const session = await services.accounts.resolve(signed.token);
    if (!session) throw new Error('no session');
    expect((await services.accounts.secondFactor(session, viewer?.code ?? '')).ok).toBe(true);
  });

  it('fills a tracker for every open wave: pseudonymous references, every status, gaps, and a few access codes', async () => {
    const open = seeded.las.flatMap((l) => l.waves.map((w) => ({ ...w, la: l.la }))).filter((w) => w.wave.status === 'open');
    expect(open).toHaveLength(6);
    for (const w of open) {
      const lead = seeded.staff.find((a) => a.grant.role === 'la_lead' && a.grant.laId === w.la.id);
      if (!lead) throw new Error('no lead');
      const { byStatus, total } = await services.participation.trackerCounts(w.wave.id);
      expect(total).toBe(w.tracker?.entries);
      expect(total - byStatus.not_eligible).toBe(Object.values(w.wave.eligible).reduce((a, b) => a + (b ?? 0), 0));
      for (const [status, n] of Object.entries(byStatus)) expect(n, `${w.wave.title}: ${status}`).toBeGreaterThan(0);
      // The tracker lags the anonymous responses: never more completed than responses.
      expect(byStatus.completed).toBeLessThanOrEqual(w.responses);
      expect(byStatus.completed).toBeGreaterThan(w.responses * 0.6);
      const listed = await services.participation.list(demoActor(lead), w.wave.id);
      const prefix = w.la.name.split(' ').slice(0, 2).map((x) => x[0]).join('');
      for (const e of listed.entries) expect(e.reference).toMatch(new RegExp(`^${prefix}-\\d{5}$`));
      expect(listed.teams.length).toBeGreaterThan(1);
      expect(listed.entries.some((e) => e.trustedAdultName !== null && e.plannedOn !== null)).toBe(true);
      const { gaps } = await services.participation.gaps(demoActor(lead), w.wave.id);
      expect(gaps.noPlan.length).toBeGreaterThan(0);
      expect(gaps.overdue.length).toBeGreaterThan(0);
      const codes = await services.participation.codesOverview(demoActor(lead), w.wave.id);
      expect(codes.withCode).toBe(12);
      expect(codes.used).toBe(2);
      expect(w.tracker?.sampleCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect((await services.participation.checkAccessCode(w.wave.id, w.tracker?.sampleCode ?? '')).kind).toBe('ok');
    }
    expect(seeded.codeCompletions).toBe(12);
  });

  it("records each LA's agreement, emergency duty team and fictional safeguarding contacts", async () => {
    for (const { la } of seeded.las) {
      const { settings, contacts } = await services.planning.settingsOf(la.id);
      expect(settings.dsaSignedOn !== null && settings.dsaSignedOn < TODAY).toBe(true);
      expect(settings.emergencyDutyTeam?.phone).toMatch(/^01632 960 \d{3}$/);
      expect(contacts.length).toBeGreaterThanOrEqual(2);
      for (const c of contacts) expect(c.email).toMatch(/\.example$/);
    }
    const northmere = seeded.las.find((l) => l.la.name === 'Northmere Borough Council');
    expect((await services.planning.settingsOf(northmere?.la.id ?? '')).contacts.map((c) => c.email)).toContain('safeguarding@northmere.example');
  });

  it('ticks the planning checklists but one item, overdue on one wave', async () => {
    const overdue = await services.planning.overdue(await services.programme.listWaves());
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.wave.laName).toBe('Kelderby County Council');
    expect(overdue[0]?.items.map((i) => i.key)).toEqual(['briefing']);
    const open = (await services.programme.listWaves()).find((w) => w.laName === 'Northmere Borough Council' && w.status === 'open');
    if (!open) throw new Error('no open wave');
    expect((await services.planning.checklistOf(open)).every((i) => i.state === 'done')).toBe(true);
  });

  it('switches the prize draw on for one open wave, with a few entries kept until it closes', async () => {
    const waves = await services.programme.listWaves();
    const withDraw = waves.filter((w) => w.prizeDraw);
    expect(withDraw).toHaveLength(1);
    expect(withDraw[0]?.status).toBe('open');
    const entries = await services.db.selectFrom('prize_entries').select('wave_id').execute();
    expect(entries.length).toBeGreaterThan(3);
    expect(new Set(entries.map((e) => e.wave_id))).toEqual(new Set([withDraw[0]?.id]));
    const lead: Actor | undefined = seeded.staff.filter((a) => a.grant.laId === withDraw[0]?.laId && a.grant.role === 'la_lead').map(demoActor)[0];
    if (!lead || !withDraw[0]) throw new Error('no lead');
    // Entries stay hidden from the lead while the wave is open.
    expect((await services.prizeDraw.forLead(lead, withDraw[0])).visible).toBe(false);
  });

  it('screens every comment; concerns of finished waves disclosed and acknowledged, one per LA of the open waves waiting, the rest for the reviewer', async () => {
    const comments = await services.db.selectFrom('response_comments').select('id').execute();
    const screenings = await services.db.selectFrom('safeguarding_screenings').select(['comment_id', 'flag']).execute();
    expect(new Set(screenings.map((r) => r.comment_id))).toEqual(new Set(comments.map((c) => c.id)));
    const disclosures = await services.db
      .selectFrom('safeguarding_disclosures as d')
      .innerJoin('waves as w', 'w.id', 'd.wave_id')
      .select(['d.la_id', 'w.status', 'd.acknowledged_at'])
      .execute();
    expect(disclosures).toHaveLength(seeded.disclosures);
    const waiting = disclosures.filter((d) => d.acknowledged_at === null);
    expect(waiting.every((d) => d.status === 'open')).toBe(true);
    // At most one per LA (an LA whose open waves hold no flagged comment has none).
    const demoLas = new Set(seeded.las.map((l) => l.la.id));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((d) => demoLas.has(d.la_id))).toBe(true);
    expect(new Set(waiting.map((d) => d.la_id)).size).toBe(waiting.length);
    expect(disclosures.filter((d) => d.status !== 'open').every((d) => d.acknowledged_at !== null)).toBe(true);
    const reviewer = seeded.staff.filter((a) => a.grant.role === 'programme_safeguarding').map(demoActor)[0];
    if (!reviewer) throw new Error('no reviewer');
    const queue = await services.safeguarding.queue(reviewer, 1, {});
    expect(queue.waiting).toBeGreaterThan(0);
    const openWaves = new Set((await services.programme.listWaves()).filter((w) => w.status === 'open').map((w) => w.id));
    expect(queue.items.every((i) => openWaves.has(i.waveId))).toBe(true);
  });

  it("publishes each finished wave's report with a few approved quotes, redacted and unflagged", async () => {
    const finished = seeded.las.flatMap((l) => l.waves).filter((w) => w.wave.status === 'reported' && w.tracker === null && w.responses >= 20);
    const seededOnline = finished.filter((w) => w.wave.opensOn > addDays(TODAY, -500));
    expect(seededOnline.length).toBeGreaterThan(0);
    expect(seeded.quotes).toBeGreaterThan(0);
    for (const w of seededOnline) {
      const report = await services.reports.operatorReport(w.wave.id, 'html');
      expect(report.quotes?.status).toBe('shown');
      expect(report.quotes?.items.length).toBeGreaterThan(0);
      expect(report.quotes?.items.length).toBeLessThanOrEqual(4);
    }
  });

  it("runs Kelderby's earliest reported care leavers' wave as New Belongings Plus, part-way through its cycle, its KPIs measured by last year's wave", async () => {
    expect(seeded.nbplus).not.toBeNull();
    const wave = await services.programme.findWave(seeded.nbplus?.waveId ?? '');
    expect(wave?.survey).toBe('ylbc');
    expect((await services.programme.findLa(wave?.laId ?? ''))?.name).toBe('Kelderby County Council');
    const lead = seeded.staff.find((a) => a.grant.role === 'la_lead' && a.grant.laId === wave?.laId);
    const page = await services.cycle.page(demoActor(lead!), wave!.id);
    expect(page.view.plan?.status).toBe('agreed');
    expect(page.view.actions.length).toBe(3);
    expect(page.view.kpis.length).toBe(2);
    expect(page.view.actions.map((a) => a.status).sort()).toEqual(['at_risk', 'done', 'on_track']);
    expect(page.timeline).toMatchObject({ held: 2, overdue: 1, current: 'deep_dive_2' });
    expect(page.sessions.find((s) => s.kind === 'deep_dive_1')).toMatchObject({ topic: 'Moving into your own home', youngPeople: 7 });
    expect(page.scored?.total).toBe(16);
    expect(page.review?.feedback).toContain('younger children');
    expect(page.group?.youngPeople).toBe(9);
    // The plan answers Kelderby's earliest reported care leavers' wave (two years ago); last year's wave
    // of the same survey is reported, so every KPI shows its new value, change and test.
    const later = (await services.programme.listWaves(wave!.laId)).filter((w) => w.survey === 'ylbc' && w.opensOn > wave!.opensOn).sort((a, b) => a.opensOn.localeCompare(b.opensOn));
    expect(later.map((w) => w.status)).toEqual(['reported', 'open']);
    expect(page.view.next?.id).toBe(later[0]?.id);
    for (const k of page.view.kpis) {
      expect(k.measured.state).toBe('measured');
      expect(changeWords(k.measured)).toMatch(/^[+−±]\d+ points? \(95% interval -?\d+ to -?\d+ points\): (statistically significant|not statistically significant, could be chance)$/);
    }
    expect(page.view.actions.every((a) => a.measured.state === 'measured')).toBe(true);
    // The progress dashboard lists the cycle's sessions.
    const dashboard = planPageView(page.view, await services.cycle.dashboardCycle(page.view));
    expect(dashboard.sessions).toMatchObject({ held: 2, overdue: 1, total: 7, stage: 'Second deep dive (3 of 7)' });
    const admin = seeded.staff.find((a) => a.grant.role === 'programme_admin');
    const rows = await services.cycle.overview(demoActor(admin!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ laName: 'Kelderby County Council', held: 2, overdue: 1, actions: 3, kpis: 2 });
  });

  it('seeds the same answers for the same seed, and others for another seed', async () => {
    const runs: string[][] = [];
    for (const seed of [7, 7, 8]) {
      const other = await openServices(dialect);
      try {
        await seedDemo(other.services, { seed, today: TODAY, programme: small, comparator: smallComparator });
        runs.push(await storedResponses(other.services));
      } finally {
        await other.conn.close();
      }
    }
    expect(runs[0]?.length).toBeGreaterThan(100);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
  });
});
