// Importing the tracker over HTTP on both engines: multipart uploads (CSV, XLSX) and pasted text, the
// CSRF token inside the multipart body, the limits, and properties: whatever is sent, the reply is a
// full import or a clear refusal (never a 5xx), and a refusal leaves the tracker exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { writeXlsx } from './spreadsheet.ts';
import { waveFor } from './testing.ts';

type Part = { name: string; value: string } | { name: string; filename: string; content: Buffer; type?: string };

/** A multipart/form-data body as a browser sends it, parts in order. */
function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----bs${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head = 'filename' in p ? `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n` : `Content-Disposition: form-data; name="${p.name}"\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), 'filename' in p ? p.content : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(engines)('importing the tracker over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let lead: Awaited<ReturnType<typeof signedIn>>;
  let path: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '100000' });
    wave = await waveFor(t.services, 'ylyc');
    path = `/staff/waves/${wave.id}/tracker/import`;
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@import.example', [{ role: 'la_lead', laId: wave.laId }]));
  });
  afterAll(() => t.close());

  const cookie = () => [...lead.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const token = async () => /name="_csrf" value="([^"]+)"/.exec((await lead.get(path)).body)?.[1] ?? '';
  const send = async (parts: Part[]) => {
    const { payload, contentType } = multipart(parts);
    const res = await t.app.inject({ method: 'POST', url: path, payload, headers: { cookie: cookie(), 'content-type': contentType } });
    return { status: res.statusCode, body: res.body };
  };
  const upload = async (content: Buffer, filename = 'tracker.csv', extra: Part[] = []) => send([{ name: '_csrf', value: await token() }, { name: 'file', filename, content }, ...extra]);
  const rows = async () => (await t.conn.db.selectFrom('tracker_entries').select(['reference', 'status', 'team']).where('wave_id', '=', wave.id).orderBy('reference').execute());

  it('documents the column layout on the import page', async () => {
    const page = await lead.get(path);
    expect(page.status).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    for (const h of ['reference', 'age_band', 'planned_date', 'social_worker_or_pa', 'placed_out_of_area']) expect(page.body).toContain(`<code>${h}</code>`);
    expect(page.body).not.toContain('<code>needs_support</code>');
  });

  it('imports a CSV file (by content, whatever its name) and upserts by reference', async () => {
    const first = await upload(Buffer.from('\uFEFFreference,age_band,team\r\nCS-1,8-11,North\r\nCS-2,4-7,South\r\n'), 'export.xlsx');
    expect(first.status).toBe(200);
    expect(first.body).toContain('2 added, 0 updated');
    const second = await upload(Buffer.from('reference,status\nCS-2,planned\nCS-3,\n'), 'x.txt');
    expect(second.status).toBe(422);
    expect(second.body).toContain('Row 3, column age_band: choose the age band');
    const third = await upload(Buffer.from('reference,age_band,status\nCS-2,4-7,planned\nCS-3,11-17,\n'));
    expect(third.body).toContain('1 added, 1 updated');
    expect(await rows()).toEqual([
      { reference: 'CS-1', status: 'not_planned', team: 'North' },
      { reference: 'CS-2', status: 'planned', team: 'South' },
      { reference: 'CS-3', status: 'not_planned', team: null },
    ]);
    const audit = (await t.services.audit.list({ action: 'tracker.imported' })).map((a) => a.detail);
    expect(audit).toEqual(expect.arrayContaining([{ format: 'csv', added: 2, updated: 0 }]));
  });

  it('imports an XLSX file and pasted text', async () => {
    const xlsx = await writeXlsx([['Reference', 'Age band', 'Planned date'], ['CS-10', '8-11', '2026-03-20']], 'Sheet1');
    const res = await upload(xlsx, 'list.csv');
    expect(res.body).toContain('1 added, 0 updated');
    const pasted = await send([{ name: '_csrf', value: await token() }, { name: 'file', filename: '', content: Buffer.alloc(0) }, { name: 'pasted', value: 'reference\tage_band\nCS-11\t8-11\n' }]);
    expect(pasted.body).toContain('1 added, 0 updated');
    expect((await rows()).map((r) => r.reference)).toEqual(expect.arrayContaining(['CS-10', 'CS-11']));
  });

  it('takes a large file in one go (past the app-wide body limit), and multipart only on the import route', async () => {
    const note = 'Paper copy through the virtual school and then a second visit with the same trusted adult';
    const big = ['reference,age_band,backup_plan,backup_description', ...Array.from({ length: 10_000 }, (_, i) => `BIG-${i},11-17,paper_copy,${note}`)].join('\n');
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await upload(Buffer.from(big));
    expect(res.status).toBe(200);
    expect(res.body).toContain('10000 added, 0 updated');
    const { payload, contentType } = multipart([{ name: '_csrf', value: await token() }, { name: 'reference', value: 'CS-99' }]);
    const elsewhere = await t.app.inject({ method: 'POST', url: `/staff/waves/${wave.id}/tracker`, payload, headers: { cookie: cookie(), 'content-type': contentType } });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('lists every problem by row and column, and imports nothing', async () => {
    const before = await rows();
    const res = await upload(Buffer.from('reference,age_band,planned_date,backup_description\nCS-20,8-11,2026-03-09,\nJamie Smith,8-11,,\nCS-22,8-11,not a date,\nCS-23,8-11,,Meet at 12 High Street\n'));
    expect(res.status).toBe(422);
    expect(res.body).toContain('Nothing was imported');
    expect(res.body).toContain('Row 3, column reference: looks like a name');
    expect(res.body).toContain('Row 4, column planned_date: not a date');
    expect(res.body).toContain('Row 5, column backup_description: looks like an address');
    expect(await rows()).toEqual(before);
    const named = await upload(Buffer.from('reference,age_band,Surname\nCS-30,8-11,Smith\n'));
    expect(named.body).toContain('Column &quot;Surname&quot; looks like it holds a person&#39;s name');
  });

  it('refuses a multipart post without a valid CSRF token before reading the file', async () => {
    const before = await rows();
    const file = { name: 'file', filename: 't.csv', content: Buffer.from('reference,age_band\nCS-40,8-11\n') };
    expect((await send([file])).status).toBe(403);
    expect((await send([{ name: '_csrf', value: 'forged' }, file])).status).toBe(403);
    expect((await send([file, { name: '_csrf', value: await token() }])).status).toBe(403);
    expect((await send([])).status).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('refuses files over the limits, binary files, wrong encodings and two files with a clear 422', async () => {
    const before = await rows();
    const big = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    expect(big.status).toBe(422);
    expect(big.body).toContain('larger than 5 MB');
    const many = await upload(Buffer.from('reference,age_band\n' + Array.from({ length: 20_001 }, (_, i) => `R${i},8-11`).join('\n')));
    expect(many.body).toContain('the most one import takes is 20,000');
    expect((await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).body).toContain('binary data');
    expect((await upload(Buffer.from('reference,age_band\nCS-41,8-11,Caf\xe9\n', 'latin1'))).body).toContain('not UTF-8');
    expect((await upload(Buffer.from('PK\x03\x04garbage'))).body).toContain('could not be read');
    const two = await upload(Buffer.from('reference,age_band\nCS-42,8-11\n'), 'a.csv', [{ name: 'file', filename: 'b.csv', content: Buffer.from('x') }]);
    expect(two.status).toBe(422);
    expect(two.body).toContain('Choose one file at a time.');
    expect(await rows()).toEqual(before);
  });

  describe('properties', () => {
    const cell = fc.oneof(fc.constantFrom('', 'CS-77', '8-11', '4-7', 'planned', 'completed', 'Jamie Smith', '01/02/2013', '2026-03-20', 'school', 'yes', '"', ',', 'x'), fc.string({ maxLength: 8 }));
    const header = fc.shuffledSubarray(['reference', 'age_band', 'team', 'status', 'planned_date', 'place', 'Name'], { minLength: 1 });

    it('random CSV rows: a full import or a clear refusal, never a partial save or a 5xx', async () => {
      const tok = await token();
      await fc.assert(
        fc.asyncProperty(header, fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 8 }), async (hs, body) => {
          const text = [hs, ...body].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
          const before = await rows();
          const res = await send([{ name: '_csrf', value: tok }, { name: 'file', filename: 'r.csv', content: Buffer.from(text) }]);
          expect([200, 422]).toContain(res.status);
          const after = await rows();
          if (res.status === 422) expect(after).toEqual(before);
          else {
            const m = /(\d+) added, (\d+) updated/.exec(res.body)!;
            expect(after.length).toBe(before.length + Number(m[1]));
          }
        }),
        { numRuns: 40 },
      );
    });

    it('random bytes, as a file or as the whole body: never a 5xx, never a change', async () => {
      const tok = await token();
      const before = await rows();
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), async (bytes, whole) => {
          const res = whole
            ? await t.app.inject({ method: 'POST', url: path, payload: Buffer.from(bytes), headers: { cookie: cookie(), 'content-type': 'multipart/form-data; boundary=xyz' } })
            : await t.app.inject({ method: 'POST', url: path, ...((m) => ({ payload: m.payload, headers: { cookie: cookie(), 'content-type': m.contentType } }))(multipart([{ name: '_csrf', value: tok }, { name: 'file', filename: 'f', content: Buffer.from(bytes) }])) });
          expect(res.statusCode).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
      expect(await rows()).toEqual(before);
    });
  });
});
