import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/index.ts';
import { engines, openTestDb } from '../../db/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import { auditLog } from '../audit.ts';
import { programmeRepository } from '../programme.repository.ts';
import { programmeService } from '../programme.service.ts';
import type { Actor } from '../roles.ts';
import { planningService } from './planning.service.ts';
import { valuesOfWave, type FormValues } from './wave-form.ts';

const admin: Actor = { accountId: 'admin-1', email: 'admin@programme.example', name: 'Admin', grants: [{ role: 'programme_admin', laId: null }] };

const waveForm = (over: FormValues = {}): FormValues => ({
  instruments: ['ylyc-8-11', 'ylyc-11-17'],
  languages: ['en'],
  'eligible-ylyc-8-11': '40',
  'eligible-ylyc-11-17': '65',
  targetRate: '30',
  'opens-day': '1',
  'opens-month': '5',
  'opens-year': '2026',
  'closes-day': '30',
  'closes-month': '6',
  'closes-year': '2026',
  status: 'planned',
  prizeDraw: 'yes',
  ...over,
});

describe.each(engines)('wave planning on %s', (dialect) => {
  let conn: Connection;
  const clock = fixedClock('2026-03-02T10:00:00.000Z');
  let programme: ReturnType<typeof programmeService>;
  let planning: ReturnType<typeof planningService>;
  let audit: ReturnType<typeof auditLog>;
  let laId: string;
  let otherLaId: string;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    programme = programmeService(programmeRepository(conn.db), clock);
    audit = auditLog(conn.db, clock);
    planning = planningService({ db: conn.db, clock, programme, audit });
    laId = (await programme.addLa({ name: 'Planford Council', nation: 'england', onsCode: 'E06000960' })).id;
    otherLaId = (await programme.addLa({ name: 'Otherby Council', nation: 'wales', onsCode: 'W06000961' })).id;
  });
  afterAll(() => conn.close());

  const summary = async (id: string) => (await programme.listWaves(laId)).find((w) => w.id === id)!;

  it('creates a wave from the form with the age groups, counts and prize draw chosen', async () => {
    const made = await planning.createWave(admin, laId, 'ylyc', waveForm());
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const stored = await programme.findWave(made.wave.id);
    expect(stored).toMatchObject({ instruments: ['ylyc-8-11', 'ylyc-11-17'], eligible: { 'ylyc-8-11': 40, 'ylyc-11-17': 65 }, status: 'planned', prizeDraw: true, opensOn: '2026-05-01', title: 'Planford Council Your Life, Your Care 2026' });
    expect((await audit.list({ action: 'wave.created' }))[0]).toMatchObject({ laId, target: made.wave.id });
    const bad = await planning.createWave(admin, laId, 'ylyc', waveForm({ 'opens-day': '' }));
    expect(bad.ok).toBe(false);
  });

  it('edits a wave, records when it closed, and keeps age groups that already have answers', async () => {
    const made = await planning.createWave(admin, laId, 'ylyc', waveForm({ status: 'open' }));
    if (!made.ok) throw new Error('not made');
    await conn.db
      .insertInto('responses')
      .values({ id: newId(), wave_id: made.wave.id, instrument_id: 'ylyc-11-17', instrument_version: '1', channel: 'online', language: 'en', answers: '{}', completed_at: '2026-05-02T10:00:00.000Z', adult_helped: 0 })
      .execute();
    const wave = await summary(made.wave.id);
    const drop = await planning.updateWave(admin, wave, { ...valuesOfWave(wave), instruments: ['ylyc-8-11'] });
    expect(drop).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'instruments' })] });

    const edited = await planning.updateWave(admin, wave, { ...valuesOfWave(wave), title: 'Planford spring survey', 'eligible-ylyc-8-11': '44', status: 'closed', prizeDraw: 'no' });
    expect(edited.ok).toBe(true);
    const stored = await programme.findWave(wave.id);
    expect(stored).toMatchObject({ title: 'Planford spring survey', eligible: { 'ylyc-8-11': 44, 'ylyc-11-17': 65 }, status: 'closed', closedAt: clock.now().toISOString(), prizeDraw: false, linkCode: wave.linkCode, survey: 'ylyc' });
    const changed = (await audit.list({ action: 'wave.updated' }))[0]?.detail['changed'];
    expect(changed).toEqual(['title', 'eligible', 'status', 'prizeDraw']);
    const reopened = await planning.updateWave(admin, await summary(wave.id), { ...valuesOfWave(stored!), status: 'open' });
    expect(reopened.ok && reopened.wave.closedAt).toBeNull();
  });

  it('keeps the day a wave closed when it is reported, and clears it only when reopened', async () => {
    const wave = await programme.openWave({ laId, survey: 'ylbc', eligible: { 'ylbc-16-25': 20 }, opensOn: '2026-01-05', closesOn: '2026-02-27' });
    const closed = await programme.closeWave(wave.id);
    clock.advance(86_400_000);
    await programme.setStatus(wave.id, 'reported');
    expect((await programme.findWave(wave.id))?.closedAt).toBe(closed.closedAt);
    await programme.setStatus(wave.id, 'closed');
    expect((await programme.findWave(wave.id))?.closedAt).toBe(closed.closedAt);
    await programme.setStatus(wave.id, 'open');
    expect((await programme.findWave(wave.id))?.closedAt).toBeNull();
    clock.set('2026-03-02T10:00:00.000Z');
  });

  it('saves the checklist, dates what was done, and shows what is overdue', async () => {
    const made = await planning.createWave(admin, laId, 'ylyc', waveForm({ 'opens-day': '20', 'opens-month': '3' }));
    if (!made.ok) throw new Error('not made');
    // Opens 20 March; on 2 March sponsor and dates (due 6 Feb), counts (13 Feb), paper (20 Feb) and teams
    // (27 Feb) are past due; the briefing (6 March) is not yet.
    const before = await planning.overdue([await summary(made.wave.id)]);
    expect(before[0]?.items.map((i) => i.key)).toEqual(['sponsor', 'dates', 'counts', 'paper', 'teams']);
    const refused = await planning.saveChecklist(admin, made.wave, { 'done-sponsor': 'yes' });
    expect(refused.ok).toBe(false);
    const saved = await planning.saveChecklist(admin, made.wave, { 'done-sponsor': 'yes', 'who-sponsor': 'Jo Bloggs, Director', 'done-paper': 'yes', 'who-paper': 'Sam' });
    expect(saved).toEqual({ ok: true, changed: ['sponsor', 'paper'] });
    const items = await planning.checklistOf(made.wave);
    expect(items.find((i) => i.key === 'sponsor')).toMatchObject({ done: true, who: 'Jo Bloggs, Director', doneOn: '2026-03-02', state: 'done' });
    expect((await planning.overdue([await summary(made.wave.id)]))[0]?.items.map((i) => i.key)).toEqual(['dates', 'counts', 'teams']);
    expect((await audit.list({ action: 'wave.plan_updated' }))[0]).toMatchObject({ target: made.wave.id, detail: { items: ['sponsor', 'paper'] } });
    // Saving the same again changes nothing and records nothing.
    await planning.saveChecklist(admin, made.wave, { 'done-sponsor': 'yes', 'who-sponsor': 'Jo Bloggs, Director', 'done-paper': 'yes', 'who-paper': 'Sam' });
    expect(await audit.list({ action: 'wave.plan_updated', laId })).toHaveLength(1);
  });

  it('keeps LA settings and contacts, one LA apart from another', async () => {
    expect((await planning.settingsOf(laId)).settings).toEqual({ laId, dsaSignedOn: null, namedInComparisons: false, emergencyDutyTeam: null, updatedAt: null });
    const saved = await planning.saveSettings(admin, laId, { 'dsa-day': '14', 'dsa-month': '1', 'dsa-year': '2026', naming: 'named', edtName: 'Planford EDT', edtPhone: '0300 555 0100' });
    expect(saved.ok).toBe(true);
    await planning.saveSettings(admin, laId, { 'dsa-day': '14', 'dsa-month': '1', 'dsa-year': '2026', naming: 'anonymised', edtName: 'Planford EDT', edtPhone: '0300 555 0100', edtEmail: 'edt@planford.gov.uk' });
    expect((await planning.settingsOf(laId)).settings).toMatchObject({ dsaSignedOn: '2026-01-14', namedInComparisons: false, emergencyDutyTeam: { name: 'Planford EDT', phone: '0300 555 0100', email: 'edt@planford.gov.uk' } });

    const added = await planning.addContact(admin, laId, { contactName: 'Priya Shah', contactRole: 'Safeguarding manager', contactEmail: 'priya@planford.gov.uk', contactPhone: '01632 960 001' });
    if (!added.ok) throw new Error('not added');
    expect((await planning.settingsOf(laId)).contacts.map((c) => c.name)).toEqual(['Priya Shah']);
    expect((await planning.settingsOf(otherLaId)).contacts).toEqual([]);
    // Another LA's id in the URL cannot remove this LA's contact.
    await expect(planning.removeContact(admin, otherLaId, added.contact.id)).rejects.toMatchObject({ code: 'not_found' });
    await planning.removeContact(admin, laId, added.contact.id);
    expect((await planning.settingsOf(laId)).contacts).toEqual([]);
    expect((await audit.list({ laId })).map((e) => e.action)).toEqual(expect.arrayContaining(['la.settings_updated', 'la.contact_added', 'la.contact_removed']));
  });

  it('allows at most ten safeguarding contacts', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await planning.addContact(admin, otherLaId, { contactName: `Contact ${i}`, contactRole: 'Manager', contactEmail: `c${i}@otherby.gov.uk`, contactPhone: '01632 960 002' });
      expect(r.ok).toBe(true);
    }
    const eleventh = await planning.addContact(admin, otherLaId, { contactName: 'One more', contactRole: 'Manager', contactEmail: 'more@otherby.gov.uk', contactPhone: '01632 960 002' });
    expect(eleventh.ok).toBe(false);
  });
});
