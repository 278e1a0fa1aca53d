/** Test helpers for the participation tracker: an LA actor without signing in, a seeded tracker, a survey sent with a code. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Actor, LaRole, Wave } from '../programme/index.ts';
import type { Services } from '../services.ts';
import { browser } from '../survey/testing.ts';

/** A member of an LA's staff, as the services see them (no account or session needed). */
export function laActor(laId: string, role: LaRole = 'la_lead'): Actor {
  return { accountId: `test-${role}-${laId}`, email: `${role}@la.example`, name: role, grants: [{ role, laId }] };
}

/** A wave (open from 2026-03-01 to 2026-04-30) in a new local authority. */
export async function waveFor(services: Services, survey: 'ylyc' | 'ylbc', laName = `Testshire ${Math.random().toString(36).slice(2, 8)}`): Promise<Wave> {
  const la = await services.programme.addLa({ name: laName, nation: 'england', onsCode: 'E10000001' });
  const eligible = survey === 'ylyc' ? { 'ylyc-4-7': 10, 'ylyc-8-11': 10, 'ylyc-11-17': 10 } : { 'ylbc-16-25': 10 };
  return services.programme.openWave({ laId: la.id, survey, eligible, opensOn: '2026-03-01', closesOn: '2026-04-30' });
}

/** Puts n young people on the wave's tracker (references CS-1001...) through the import. */
export async function seedTracker(services: Services, wave: Wave, n: number): Promise<void> {
  const band = wave.survey === 'ylyc' ? '8-11' : '16-25';
  const text = ['reference,age_band,team', ...Array.from({ length: n }, (_, i) => `CS-${1001 + i},${band},${i % 2 ? 'North' : 'South'}`)].join('\n');
  const r = await services.participation.importTable(laActor(wave.laId), wave.id, { kind: 'text', text });
  if (!r.ok) throw new Error(r.errors.join('; '));
}

/** A young person's journey on a single-instrument wave: the code typed on the start page, straight to "ready to send?", sent. */
export async function sendWithCode(app: FastifyInstance, wave: Wave, code: string): Promise<void> {
  const b = browser(app);
  const base = `/s/${wave.linkCode}`;
  const start = await b.post(`${base}/start`, { accessCode: code });
  expect(start.status, 'start with a code').toBe(303);
  const review = await b.get(`${base}/review`);
  const key = /name="key" value="([^"]+)"/.exec(review.body)?.[1];
  expect(key).toBeTruthy();
  const sent = await b.post(`${base}/submit`, { key: key ?? '' });
  expect(sent.headers['location']).toBe(`${base}/thanks`);
}
