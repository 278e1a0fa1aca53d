/**
 * Fuzzing every route: thousands of generated requests (random methods, paths with random ids,
 * headers, cookies, CSRF tokens, bodies in every encoding, query strings) signed out, as a young
 * person with a draft, and signed in as staff of every role. No answer may be a server error or show
 * a stack trace or an internal path, and nothing the requests carry may be stored anywhere.
 * It runs on both engines: 10,000 requests on SQLite (FUZZ_RUNS) and 5,000 on PostgreSQL
 * (FUZZ_PG_RUNS), from the same generator and seed, which keeps the whole file to a few minutes on
 * two cores. FUZZ_SEED changes the seed (printed when a run fails).
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../db/schema.ts';
import { engines } from '../db/testing.ts';
import { ROLES, isProgrammeRole } from '../programme/roles.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { client } from './testing.ts';
import { createTestApp, type TestApp } from './testing.ts';

/** Requests per engine: the full count on SQLite, half on PostgreSQL (each request costs round trips to the server: 1.5 to 1.7 times as long). */
const RUNS: Record<Dialect, number> = { sqlite: Number(process.env['FUZZ_RUNS'] ?? 10_000), postgres: Number(process.env['FUZZ_PG_RUNS'] ?? 5_000) };
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260302);
/** Put into most generated text, so anything stored from a fuzzed request can be found afterwards. */
const MARK = 'Zqxfuzz';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

/** Tables whose row counts may change under garbage: sessions of the sign-ins above, views audited, drafts begun with a valid age. */
const MAY_GROW = new Set(['audit_log', 'staff_sessions', 'drafts', 'job_runs', 'wave_summaries']);

interface Caller {
  name: string;
  cookies: string;
  csrf: string;
}

interface Sent {
  caller: string;
  route: string;
  method: Method;
  url: string;
  headers: Record<string, string>;
  body: string;
}

// What may never appear in an answer: stack frames, internal paths, error class names, framework codes.
const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\bat [\w.<>]+ \(|\bat \S+:\d+:\d+/],
  ['internal path', /\/work\/|node_modules|file:\/\//],
  ['error class', /\b(Type|Reference|Syntax|Range|Zod|Sqlite|Fastify|Database|Postgres)Error\b/],
  ['framework code', /\bFST_[A-Z_]+|ERR_[A-Z_]{4,}/],
];

/** Percent-encodes text for a path, even text with lone surrogates (which encodeURIComponent refuses). */
const encodeSegment = (s: string) => [...Buffer.from(s)].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
/** What a client can put in a header: its UTF-8 bytes read as Latin-1, less the control characters HTTP forbids. */
const headerSafe = (s: string) => Buffer.from(s).toString('latin1').replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
const marked = (s: string) => `${MARK}${s}`;
const oddText = fc.oneof(
  fc.string({ maxLength: 40 }).map(marked),
  fc.string({ unit: 'binary', maxLength: 40 }).map(marked),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%%', '%E0%A4%A', '%00', '\u0000', '..', '../../etc/passwd', '"><script>x</script>', "' OR 1=1 --", '\uFEFF', '\uD800', 'a'.repeat(70_000), '9'.repeat(400)),
  fc.integer().map(String),
  fc.uuid(),
);
const key = fc.oneof(
  fc.constantFrom('_csrf', 'age', 'school', 'accessCode', 'answer', 'next', 'lang', 'email', 'password', 'code', 'reason', 'note', 'decision', 'name', 'role', 'laId', 'status', 'title', 'version', 'page', 'q', 'format', 'from', 'to', 'survey', 'reference', 'ageBand', 'team'),
  fc.constantFrom('a[b]', 'a[b][c][d]', 'a[]', '[]', '[[', 'x]]', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'answers[q1]', 'a.b.c'),
  fc.string({ maxLength: 12 }).map(marked),
);

/** A multipart body, sometimes broken on purpose. */
const multipart = fc.record({ fields: fc.array(fc.tuple(key, oddText), { maxLength: 4 }), file: fc.uint8Array({ maxLength: 600 }), broken: fc.boolean() }).map(({ fields, file, broken }) => {
  const b = 'fuzzBoundary';
  const parts = fields.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const filePart = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${MARK}.csv"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(file), Buffer.from('\r\n')]);
  const end = broken ? `--${b}` : `--${b}--\r\n`;
  return { type: `multipart/form-data; boundary=${b}`, payload: Buffer.concat([Buffer.from(parts), filePart, Buffer.from(end)]) };
});

const body = fc.oneof(
  fc.constant(null),
  fc.array(fc.tuple(key, oddText), { maxLength: 8 }).map((pairs) => ({ type: 'application/x-www-form-urlencoded', payload: Buffer.from(new URLSearchParams(pairs).toString()) })),
  fc.array(fc.tuple(key, oddText), { maxLength: 6 }).map((pairs) => ({ type: 'application/x-www-form-urlencoded', payload: Buffer.from(pairs.map(([k, v]) => `${k}=${v}`).join('&')) })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ type: 'application/json', payload: Buffer.from(JSON.stringify(v) ?? 'null') })),
  fc.string({ maxLength: 60 }).map((s) => ({ type: 'application/json', payload: Buffer.from(`{"a":${s}`) })),
  multipart,
  fc.uint8Array({ maxLength: 2000 }).map((u) => ({ type: 'application/octet-stream', payload: Buffer.from(u) })),
  fc.uint8Array({ maxLength: 200 }).map((u) => ({ type: 'application/x-www-form-urlencoded', payload: Buffer.concat([Buffer.from('answer='), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(u)]) })),
  fc.constant({ type: 'application/x-www-form-urlencoded', payload: Buffer.from(`reason=${'x'.repeat(300_000)}`) }),
  fc.constant({ type: 'application/x-www-form-urlencoded', payload: Buffer.from('a' + '[b]'.repeat(5000) + '=1') }),
);

const contentType = fc.oneof(
  fc.constant<string | undefined>(undefined),
  fc.constantFrom('text/plain', 'text/csv', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded; charset=utf-16', '*/*', ';;;', 'application/x-www-form-urlencoded\u0000', 'a'.repeat(3000)),
);

const headerValue = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', 'x'.repeat(8000), '\t', 'gzip;q=abc, br;q=-1', 'en-GB,cy;q=0.5', 'zz-ZZ,*;q=2', '../../', '%ff'));

const badCookie = fc.oneof(
  fc.constantFrom('bs_staff=s%3Anot-a-session.sig', 'bs_csrf=garbage', 'bs_draft=%ff%fe', '=;=;=', 'bs_staff=' + 'a'.repeat(5000), 'bs_lang=zz', 'bs_lang=../../etc', '; ; ;', 'bs_staff="unterminated'),
  fc.string({ maxLength: 40 }),
);

describe.each(engines)('fuzzing every route on %s', (engine) => {
  const runs = RUNS[engine];
  let t: TestApp;
  let callers: Caller[];
  let params: Record<string, string>;
  let before: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp(engine, { RATE_LIMIT_PER_MINUTE: '10000000' });
    const { programme } = t.services;
    const la = await programme.addLa({ name: 'Fuzzborough Council', nation: 'england', onsCode: 'E06000977' });
    const wave = await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 30, 'ylyc-11-17': 40 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Fuzz wave', prizeDraw: true });
    params = { laId: la.id, waveId: wave.id, code: wave.linkCode, survey: 'ylyc', token: 'not-a-token' };
    const response = await t.services.survey.recordResponse({ waveId: wave.id, instrumentId: 'ylyc-8-11', answers: {}, freeText: { anything_else: 'he hits me when hes drunk' }, completedAt: '2026-03-02T09:00:00.000Z', channel: 'online' });
    await t.services.safeguarding.screenComments(response.id);
    const comment = await t.conn.db.selectFrom('response_comments').select('id').where('response_id', '=', response.id).executeTakeFirstOrThrow();
    params['commentId'] = comment.id;

    callers = [{ name: 'signed out', cookies: '', csrf: '' }];
    // A young person with a draft of the wave: the survey's pages get past the draft check.
    const young = client(t.app);
    await young.get(`/s/${wave.linkCode}`);
    await young.post(`/s/${wave.linkCode}/start`, { age: '9' });
    callers.push({ name: 'young person', cookies: [...young.cookies].map(([k, v]) => `${k}=${v}`).join('; '), csrf: '' });
    for (const role of ROLES) {
      const account = await makeStaff(t.conn.db, t.clock, `${role}@fuzz.example`, [isProgrammeRole(role) ? { role, laId: null } : { role, laId: la.id }]);
      params['id'] ??= account.id;
      const c = await signedIn(t.app, t.clock, account);
      const home = await c.get('/staff');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
      callers.push({ name: role, cookies: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), csrf });
    }
    before = await counts();
  });
  afterAll(() => t.close());

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of await tables()) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.conn.db);
      out[table] = Number(r.rows[0]?.n ?? 0);
    }
    return out;
  }
  async function tables(): Promise<string[]> {
    const r =
      engine === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(t.conn.db)
        : // The test database's own schema (first on its search path), less the migrator's tables.
          await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(t.conn.db);
    expect(r.rows.length).toBeGreaterThan(20);
    return r.rows.map((row) => row.name);
  }

  // Found by the fuzzing on PostgreSQL, which refuses a NUL character in text: a 500 before the fix.
  it('answers a NUL in a path parameter with the error page, signed in or not', async () => {
    const staff = callers.find((c) => c.name === 'programme_admin');
    for (const [url, cookies] of [[`/s/%00/p/x`, ''], [`/staff/waves/%00/cleaning`, staff?.cookies ?? ''], [`/staff/releases/%00/anonymised-data.zip`, staff?.cookies ?? ''], [`/s/${params['code']}%00`, '']] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: cookies ? { cookie: cookies } : {} });
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toMatch(/<html/);
    }
  });

  it(`answers ${runs} generated requests without a server error, a leak or stored garbage`, async () => {
    // Sign-out would end the callers' sessions; every other route is fair game.
    const routes = t.app.routeList.filter((r) => !/sign-out/.test(r.url) && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(100);
    const segment = (name: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(params[name] ?? 'x') }, { weight: 2, arbitrary: oddText.map((s) => encodeSegment(s.slice(0, 300))) }, fc.constantFrom('%ff', '%2e%2e', '..%2f', '%00', 'x.pdf', '0', 'a'.repeat(2000)));
    const request = fc
      .record({
        route: fc.constantFrom(...routes),
        caller: fc.nat({ max: callers.length - 1 }),
        otherMethod: fc.option(fc.constantFrom(...METHODS), { freq: 5 }),
        query: fc.array(fc.tuple(key, oddText), { maxLength: 4 }),
        suffix: fc.option(fc.constantFrom('/', '/x', '.json', '//', '/..', '?', '#x', ';x'), { freq: 6 }),
        body,
        contentType,
        csrf: fc.oneof(fc.constant('valid'), fc.constant('none'), oddText),
        cookie: fc.option(badCookie, { freq: 4 }),
        accept: fc.option(headerValue, { freq: 3 }),
        acceptEncoding: fc.option(headerValue, { freq: 3 }),
        acceptLanguage: fc.option(headerValue, { freq: 3 }),
        forwarded: fc.option(headerValue, { freq: 5 }),
      })
      .chain((r) => fc.tuple(fc.constant(r), fc.tuple(...[...r.route.url.matchAll(/:(\w+)|\*/g)].map((m) => segment(m[1] ?? 'wild')))));
    const samples = fc.sample(request, { numRuns: runs, seed: SEED });
    const statuses = new Map<number, number>();
    const failures = new Map<string, { sent: Sent; status: number; problem: string; excerpt: string }>();
    for (const [r, segs] of samples) {
      let i = 0;
      const path = r.route.url.replace(/:(\w+)|\*/g, () => segs[i++] ?? 'x') + (r.suffix ?? '');
      const query = r.query.length > 0 ? '?' + new URLSearchParams(r.query.map(([k, v]) => [k, v.slice(0, 500)])).toString() : '';
      const caller = callers[r.caller]!;
      const method = (r.otherMethod ?? r.route.method) as Method;
      const headers: Record<string, string> = {};
      const cookies = [caller.cookies, r.cookie ?? ''].filter((c) => c !== '').join('; ');
      if (cookies) headers['cookie'] = cookies;
      const csrf = r.csrf === 'valid' ? caller.csrf : r.csrf === 'none' ? '' : r.csrf.slice(0, 200);
      if (csrf) headers['x-csrf-token'] = csrf;
      if (r.accept !== null) headers['accept'] = r.accept;
      if (r.acceptEncoding !== null) headers['accept-encoding'] = r.acceptEncoding;
      if (r.acceptLanguage !== null) headers['accept-language'] = r.acceptLanguage;
      if (r.forwarded !== null) headers['x-forwarded-for'] = r.forwarded;
      let payload: Buffer | undefined;
      if (r.body && method !== 'GET' && method !== 'HEAD') {
        payload = r.body.type === 'application/x-www-form-urlencoded' && csrf ? Buffer.concat([Buffer.from(`_csrf=${encodeSegment(csrf)}&`), r.body.payload]) : r.body.payload;
        headers['content-type'] = r.contentType ?? r.body.type;
      } else if (r.contentType !== undefined && method !== 'GET' && method !== 'HEAD') {
        headers['content-type'] = r.contentType;
      }
      for (const [k, v] of Object.entries(headers)) headers[k] = headerSafe(v);
      const url = path + query;
      const sent: Sent = { caller: caller.name, route: `${r.route.method} ${r.route.url}`, method, url: url.slice(0, 300), headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.slice(0, 120)])), body: payload?.subarray(0, 300).toString('latin1') ?? '' };
      const options: InjectOptions = { method, url, headers, ...(payload ? { payload } : {}) };
      const res = await t.app.inject(options);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const type = String(res.headers['content-type'] ?? '');
      const text = /^(text|application\/json)/.test(type) ? res.body : '';
      const problems: string[] = [];
      if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
      for (const [what, re] of LEAKS) if (re.test(text)) problems.push(`shows a ${what}: ${re.exec(text)?.[0]}`);
      for (const problem of problems) {
        const k = `${sent.route} ${problem.replace(/:.*/, '')}`;
        if (!failures.has(k)) failures.set(k, { sent, status: res.statusCode, problem, excerpt: text.slice(0, 400) });
      }
    }
    // Nothing a fuzzed request carried may be stored.
    const stored: string[] = [];
    for (const table of await tables()) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.conn.db);
      for (const row of rows.rows) if (JSON.stringify(row).includes(MARK)) stored.push(`${table}: ${JSON.stringify(row).slice(0, 300)}`);
    }
    const after = await counts();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k] && !MAY_GROW.has(k)).map((k) => `${k}: ${before[k]} -> ${after[k]}`);
    const actions = await t.conn.db.selectFrom('audit_log').select('action').distinct().execute();
    const oddActions = actions.map((a) => a.action).filter((a) => !/^[a-z_]+(\.[a-z_]+)+$/.test(a));
    const report = [...failures.values()].map((f) => `${f.problem.slice(0, 80)} | ${f.sent.caller} ${f.sent.method} ${f.sent.url.slice(0, 160)} (${f.sent.route}) ${JSON.stringify(f.sent.headers).slice(0, 300)} body ${JSON.stringify(f.sent.body.slice(0, 120))} -> ${f.status} ${JSON.stringify(f.excerpt.slice(0, 200))}`);
    expect(report, `seed ${SEED}:\n${report.join('\n')}`).toEqual([]);
    expect(stored, 'fuzzed text stored').toEqual([]);
    expect(changed, 'rows created or removed by garbage').toEqual([]);
    expect(oddActions, 'audit actions').toEqual([]);
    expect(samples.length).toBe(runs);
    // The requests reached the handlers, not only the router: pages, redirects and refused forms among the answers.
    console.info(`fuzz answers by status on ${engine}`, Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
    for (const status of [200, 303, 403, 404]) expect(statuses.get(status) ?? 0, `answers with status ${status}`).toBeGreaterThan(runs / 100);
  }, 240_000);
});
