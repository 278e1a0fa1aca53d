/**
 * Journey: a viewer of one local authority (LA B) signs in and tries the addresses of another's (LA A):
 * its LA page, wave pages, tracker and an entry on it, gaps, access codes, dashboard, settings, checklist,
 * prize draw and exports. Each shows the ordinary not-found page and nothing that names LA A. The pages
 * the viewer may see, about their own LA, pass axe-core.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import type { Actor, Wave } from '../src/programme/index.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, serverServices, signIn, visit } from './staff-steps.ts';

let h: Harness;
let viewer: { email: string; secret: string };
let waveB: Wave;
/** Strings that name LA A or its things: none may appear on any page the viewer gets. */
let secrets: string[];
let refused: string[];

const leadOf = (laId: string): Actor => ({ accountId: `seed-${laId}`, email: 'seed@la.example', name: 'Seed', grants: [{ role: 'la_lead', laId }] });

beforeAll(async () => {
  h = await startHarness();
  const services = serverServices(h);
  const laA = h.waves.ylyc.laId;
  const a = await h.programme.findLa(laA);
  const b = await h.programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000902' });
  waveB = await h.programme.openWave({ laId: b.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 30, 'ylyc-11-17': 40 }, opensOn: h.waves.ylyc.opensOn, closesOn: h.waves.ylyc.closesOn });
  // LA A's own things, named so that a leak would show.
  const prizeWave = await h.programme.openWave({ laId: laA, survey: 'ylbc', title: 'Testshire prize wave', eligible: { 'ylbc-16-25': 20 }, opensOn: h.waves.ylbc.opensOn, closesOn: h.waves.ylbc.closesOn, prizeDraw: true });
  const contact = await services.planning.addContact(leadOf(laA), laA, { contactName: 'Quillon Testshire-Contact', contactRole: 'Safeguarding manager', contactEmail: 'quillon@testshire.example', contactPhone: '01632 960 001' });
  const entry = await services.participation.save(leadOf(laA), h.waves.ylyc.id, { reference: 'TST-4711', ageBand: '8-11', team: 'Testshire Secret Team' });
  if (!contact.ok || !entry.ok) throw new Error('LA A not seeded');
  await services.participation.generateCodes(leadOf(laA), h.waves.ylyc.id, 'missing');
  const own = await services.participation.importTable(leadOf(b.id), waveB.id, { kind: 'text', text: 'reference,age_band,team\nBR-101,8-11,Brackenfield north\nBR-102,11-17,Brackenfield south' });
  if (!own.ok) throw new Error('LA B not seeded');
  viewer = await makeStaff(h.db, systemClock, 'viewer@brackenfield.example', [{ role: 'la_viewer', laId: b.id }]);

  secrets = [a?.name ?? 'Testshire', 'Testshire', 'TST-4711', 'Quillon', h.waves.ylyc.linkCode, h.waves.ylbc.linkCode, prizeWave.linkCode];
  const w = (wave: Wave) => `/staff/waves/${wave.id}`;
  refused = [
    `/staff/las/${laA}`,
    `/staff/las/${laA}/settings`,
    w(h.waves.ylyc),
    w(h.waves.ylbc),
    w(h.waves.closed),
    `${w(h.waves.ylyc)}/rates`,
    `${w(h.waves.ylyc)}/plan`,
    `${w(h.waves.ylyc)}/tracker`,
    `${w(h.waves.ylyc)}/tracker/entries/${entry.entry.id}`,
    `${w(h.waves.ylyc)}/tracker/gaps`,
    `${w(h.waves.ylyc)}/tracker/import`,
    `${w(h.waves.ylyc)}/tracker/codes`,
    `${w(h.waves.ylyc)}/tracker/export.csv`,
    `${w(h.waves.ylyc)}/tracker/export.xlsx`,
    `${w(prizeWave)}/prize`,
  ];
});
afterAll(() => h?.close());

test("an LA viewer is refused every page of another LA, as if it did not exist, and can use their own", async () => {
  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, viewer);
  expect(await heading(page)).toMatch(/^Hello, /);
  await checkA11y(page, 'home (LA viewer)');
  const home = (await page.locator('main').textContent()) ?? '';
  expect(home).toContain('Brackenfield Council');
  for (const s of secrets) expect(home).not.toContain(s);

  for (const url of refused) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    expect(await heading(page), url).toBe('Page not found');
    const body = await page.content();
    for (const s of secrets) expect(body, `${url} shows ${s}`).not.toContain(s);
  }
  await checkA11y(page, 'not-found page (LA viewer)');

  // Their own LA: everything a viewer may see, and no editing.
  await visit(page, `/staff/las/${waveB.laId}`, 'Brackenfield Council', 'LA page (LA viewer)');
  await visit(page, `/staff/waves/${waveB.id}`, waveB.title, 'wave page (LA viewer)');
  await visit(page, `/staff/waves/${waveB.id}/rates`, `Response rates: ${waveB.title}`, 'dashboard (LA viewer)');
  await visit(page, `/staff/waves/${waveB.id}/plan`, 'Planning checklist', 'planning checklist (LA viewer)');
  await visit(page, `/staff/waves/${waveB.id}/tracker`, 'Participation tracker', 'tracker (LA viewer)');
  expect(await page.getByRole('button', { name: 'Import from a spreadsheet' }).count()).toBe(0);
  expect(await page.locator('main').textContent()).toContain('BR-102');
  await visit(page, `/staff/waves/${waveB.id}/tracker/gaps`, 'Gaps to chase', 'gaps (LA viewer)');
  await visit(page, '/staff/guide/ylyc', /trusted adults/i, "trusted adults' guide");
  // Editing their own tracker is not theirs to do either.
  expect((await page.goto(`/staff/waves/${waveB.id}/tracker/import`))?.status()).toBe(404);
});
