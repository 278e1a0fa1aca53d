/**
 * Scale-out (issue 9, docs/OPERATIONS.md "Several instances"): two real app processes on one PostgreSQL
 * database behind Debian's nginx, started unprivileged with its own configuration in a temporary folder,
 * round-robin over both. Through nginx: a young person's survey whose pages alternate between the
 * instances (a draft saved on one continues on the other) to its thank-you page; a staff sign-in whose
 * CSRF tokens are issued by one instance and accepted by the other and whose session works on both,
 * and a sign-out on one that ends it on both; and the scheduled jobs each run once although both
 * instances tick at the same moment (`job_runs` leases).
 *
 * Needs nginx (Debian's `nginx` package: /usr/sbin/nginx) and a PostgreSQL server (TEST_DATABASE_URL):
 * without either the test fails and says so. It creates its own database and drops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFields, startSurvey } from '../../bench/journey.ts';
import { browserlessClient, type Reply } from '../../bench/lib.ts';
import { connect, migrate, type Connection } from '../db/index.ts';
import { getInstrument, mulberry32, syntheticAnswers } from '../instruments/index.ts';
import { systemClock } from '../lib/clock.ts';
import { newToken } from '../lib/ids.ts';
import { programmeRepository, programmeService, type Wave } from '../programme/index.ts';
import { makeStaff, TEST_PASSWORD } from '../programme/staff/testing.ts';
import { freePort, spawnServer, type ServerChild } from './testing.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((p) => existsSync(p));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Two servers starting at once on two shared, busy cores can take a while to load. */
const STARTUP_MS = 120_000;

let adminUrl: string;
let dbName: string;
let databaseUrl: string;
let conn: Connection;
let wave: Wave;
let staff: { email: string; secret: string };
let dataDir: string;
let nginxDir: string;
let nginx: ChildProcess | undefined;
let nginxLog = '';
const instances: ServerChild[] = [];
let proxy: string;
/** The instances' addresses as nginx names them in X-Upstream ("127.0.0.1:port"). */
let upstreams: string[];
/** When the instances were started: their first scheduler ticks follow at once. */
let startedAt: Date;

/** nginx in the foreground as this user, its files all in `dir`, round-robin over the upstreams. */
function nginxConf(dir: string, port: number, servers: readonly string[]): string {
  return `worker_processes 1;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream brightspots {
${servers.map((s) => `    server ${s};`).join('\n')}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://brightspots;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Which instance answered: the test's own header, not the production configuration's.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

const upstreamOf = (r: Reply): string => r.headers.get('x-upstream') ?? '';

beforeAll(async () => {
  if (!NGINX) throw new Error("nginx was not found (/usr/sbin/nginx): install Debian's package (apt-get install nginx); the scale-out test needs it and never skips");
  const base = process.env['TEST_DATABASE_URL'];
  if (!base) throw new Error('TEST_DATABASE_URL is not set: the scale-out test needs a PostgreSQL server to create its own database on');

  // A database of its own on the test server, dropped afterwards.
  adminUrl = base;
  dbName = `bs_scaleout_${newToken().slice(0, 10).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();

  conn = connect({ databaseUrl, dataDir: tmpdir() });
  await migrate(conn.db);
  const programme = programmeService(programmeRepository(conn.db), systemClock);
  const la = await programme.addLa({ name: 'Scaleshire Council', nation: 'england', onsCode: 'E10000097' });
  const year = Number(programme.today().slice(0, 4));
  wave = await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-4-7': 100, 'ylyc-8-11': 100, 'ylyc-11-17': 100 }, opensOn: `${year - 1}-01-01`, closesOn: `${year + 1}-12-31` });
  staff = await makeStaff(conn.db, systemClock, 'admin@scaleshire.example.org', [{ role: 'programme_admin', laId: null }]);

  // Two instances started at the same moment, so their schedulers race for the same runs.
  dataDir = mkdtempSync(join(tmpdir(), 'bs-scale-'));
  for (const d of ['a', 'b']) mkdirSync(join(dataDir, d));
  const env = { DATABASE_URL: databaseUrl, TRUST_PROXY: 'true', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '100000' };
  startedAt = new Date();
  const started = await Promise.allSettled([spawnServer(join(dataDir, 'a'), env, STARTUP_MS), spawnServer(join(dataDir, 'b'), env, STARTUP_MS)]);
  // One that started is stopped in afterAll even when the other did not.
  for (const s of started) if (s.status === 'fulfilled') instances.push(s.value);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  upstreams = instances.map((i) => new URL(i.url).host);

  nginxDir = mkdtempSync(join(tmpdir(), 'bs-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(nginxDir, d));
  const port = await freePort();
  writeFileSync(join(nginxDir, 'nginx.conf'), nginxConf(nginxDir, port, upstreams));
  nginx = spawn(NGINX, ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf'), '-g', `daemon off; pid ${nginxDir}/nginx.pid; error_log ${nginxDir}/e.log;`], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout?.on('data', (b: Buffer) => (nginxLog += b.toString()));
  nginx.stderr?.on('data', (b: Buffer) => (nginxLog += b.toString()));
  proxy = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}: ${nginxLog}`);
    try {
      if ((await fetch(`${proxy}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 15 s: ${nginxLog}`);
    await sleep(50);
  }
}, 180_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx?.once('exit', r));
    nginx.kill('SIGQUIT');
    await exited;
  }
  await Promise.all(
    instances.map(async (i) => {
      if (i.child.exitCode === null) i.child.kill('SIGTERM');
      await i.exited;
    }),
  );
  await conn?.close();
  if (dbName) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('two instances behind nginx on one PostgreSQL database', () => {
  it('serves one survey from both instances, a draft saved on one continuing on the other, to one stored response', async () => {
    const instrument = getInstrument('ylyc-11-17');
    if (!instrument) throw new Error('no instrument');
    const client = browserlessClient(proxy);
    const { answers, freeText } = syntheticAnswers(instrument, mulberry32(9));
    let path = await startSurvey(client, wave.linkCode, 14);
    // Each page's answers saved by one instance, the next page served from the draft by the other.
    const handovers: Array<{ savedBy: string; continuedBy: string }> = [];
    let savedBy = '';
    for (let step = 0; path.includes('/p/'); step++) {
      if (step > instrument.pages.length * 3) throw new Error('the journey did not reach the end');
      const page = await client.get(path);
      expect(page.status).toBe(200);
      if (savedBy) handovers.push({ savedBy, continuedBy: upstreamOf(page) });
      const pageId = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
      const r = await client.post(path, pageFields(instrument, pageId, answers, freeText));
      expect(r.status).toBe(303);
      savedBy = upstreamOf(r);
      path = r.location ?? '';
    }
    expect(path).toMatch(/\/review$/);
    const review = await client.get(path);
    const key = /name="key" value="([^"]+)"/.exec(review.body)?.[1];
    expect(key).toBeTruthy();
    expect(upstreamOf(review)).not.toBe(savedBy);

    expect(new Set(handovers.flatMap((h) => [h.savedBy, h.continuedBy]))).toEqual(new Set(upstreams));
    expect(handovers.filter((h) => h.savedBy !== h.continuedBy).length).toBeGreaterThan(0);

    const sent = await client.post(`/s/${wave.linkCode}/submit`, { key: key ?? '' });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/\/thanks$/);
    // The same submission sent again, now to the other instance: the same thank-you page, stored once.
    const again = await fetch(new URL(`/s/${wave.linkCode}/submit`, proxy), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `key=${encodeURIComponent(key ?? '')}` });
    expect(again.headers.get('x-upstream')).not.toBe(upstreamOf(sent));
    expect(again.headers.get('location')).toMatch(/\/thanks$/);
    const stored = await conn.db.selectFrom('responses').select((eb) => eb.fn.countAll<string>().as('n')).where('wave_id', '=', wave.id).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(1);
  }, 60_000);

  it('signs staff in with CSRF tokens and a session that work on both instances, and signs out on both', async () => {
    const c = browserlessClient(proxy);
    const csrfOf = (r: Reply) => /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1] ?? '';
    const form = await c.get('/staff/sign-in');
    expect(form.status).toBe(200);
    const first = await c.post('/staff/sign-in', { _csrf: csrfOf(form), email: staff.email, password: TEST_PASSWORD, next: '/staff' });
    // The token one instance issued, accepted by the other.
    expect(upstreamOf(first)).not.toBe(upstreamOf(form));
    expect(first.status).toBe(303);
    const codePage = await c.get('/staff/sign-in/code?next=%2Fstaff');
    expect(codePage.status).toBe(200);
    const code = await generate({ secret: staff.secret, epoch: Math.floor(Date.now() / 1000) });
    const second = await c.post('/staff/sign-in/code', { _csrf: csrfOf(codePage), code, next: '/staff' });
    expect(upstreamOf(second)).not.toBe(upstreamOf(codePage));
    expect(second.status).toBe(303);
    expect(second.location).toBe('/staff');

    // The signed-in session on both instances.
    const homes = [await c.get('/staff'), await c.get('/staff')];
    expect(homes.map((h) => h.status)).toEqual([200, 200]);
    expect(new Set(homes.map(upstreamOf))).toEqual(new Set(upstreams));
    const session = c.cookie('bs_staff');
    expect(session).toBeTruthy();

    // Signing out on one instance ends the session on both (it lives in the database, not in a process).
    const home = await c.get('/staff');
    const out = await c.post('/staff/sign-out', { _csrf: csrfOf(home) });
    expect(upstreamOf(out)).not.toBe(upstreamOf(home));
    expect(out.status).toBe(303);
    expect(out.location).toBe('/staff/sign-in');
    const after = await Promise.all(instances.map((i) => fetch(new URL('/staff', i.url), { redirect: 'manual', headers: { cookie: `bs_staff=${session ?? ''}` } })));
    for (const r of after) {
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toMatch(/^\/staff\/sign-in/);
    }
  }, 60_000);

  it('runs each scheduled job once although both instances tick at the same moment', async () => {
    // Both schedulers tick as they start: the runs of that first tick (a later minute's tick may add more).
    const cutoff = new Date(startedAt.getTime() + 30_000).toISOString();
    const firstTick = () => conn.db.selectFrom('job_runs').select(['run_key', 'job_name', 'status', 'attempts']).where('started_at', '<=', cutoff).execute();
    const deadline = Date.now() + 30_000;
    let runs = await firstTick();
    while (runs.length === 0 || runs.some((r) => r.status === 'running') || !runs.some((r) => r.job_name === 'housekeeping')) {
      if (Date.now() > deadline) throw new Error(`the scheduled jobs did not finish within 30 s: ${JSON.stringify(runs)}`);
      await sleep(200);
      runs = await firstTick();
    }
    const housekeeping = runs.filter((r) => r.job_name === 'housekeeping');
    expect(housekeeping.length).toBeGreaterThanOrEqual(1);
    for (const r of runs) {
      expect(r.status).toBe('done');
      expect(r.attempts).toBe(1);
    }

    // From the instances' own logs (written just after the run is marked done): every run done by exactly one of them.
    const doneBy = () =>
      instances.map(
        (i) =>
          new Set(
            i
              .output()
              .split('\n')
              .filter((l) => l.startsWith('{'))
              .map((l) => JSON.parse(l) as { msg?: string; runKey?: string })
              .filter((l) => l.msg === 'job done' && l.runKey)
              .map((l) => l.runKey ?? ''),
          ),
      );
    const logged = async () => {
      for (let tries = 0; tries < 25; tries++) {
        const d = doneBy();
        if (runs.every((r) => d.some((x) => x.has(r.run_key)))) return d;
        await sleep(200);
      }
      return doneBy();
    };
    const done = await logged();
    const all = done.flatMap((d) => [...d]);
    expect(new Set(all).size).toBe(all.length);
    for (const r of runs) expect(done.filter((d) => d.has(r.run_key)).length, r.run_key).toBe(1);
  }, 60_000);
});
