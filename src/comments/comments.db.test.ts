/** The redaction review on both engines: storage, edits, decisions, the quotes reports read, and originals removed by retention. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import type { Actor, Wave } from '../programme/index.ts';
import { seedWave } from '../reports/testing.ts';
import { createServices, type Services } from '../services.ts';
import { approvedQuotes, approvedTexts } from './index.ts';
import { addComment, forgetOriginal } from './testing.ts';

const actor = (email: string, grants: Actor['grants']): Actor => ({ accountId: `acc-${email}`, email, name: email, grants });
const reviewer = actor('reviewer@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
const researcher = actor('researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);

describe.each(engines)('comment review on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let wave: Wave;
  let ids: string[];
  let named: string;
  let plain: string;
  let club: string;
  let gone: string;
  const clock = fixedClock('2026-03-02T10:00:00.000Z');

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), clock);
    const la = await s.programme.addLa({ name: 'Quoteford Council', nation: 'england', onsCode: 'E06000811' });
    ({ wave, ids } = await seedWave(conn.db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-11-17': 24 }, seed: 5 }));
    named = await addComment(conn.db, ids[0]!, 'ring me on 07700 900123, my carer is kind');
    plain = await addComment(conn.db, ids[1]!, 'i like my bedroom and my dog');
    club = await addComment(conn.db, ids[2]!, 'i won the under 12 county chess final last year');
    gone = await addComment(conn.db, ids[3]!, 'this one was never reviewed');
  });
  afterAll(() => conn.close());

  const row = (commentId: string) => conn.db.selectFrom('comment_reviews').selectAll().where('comment_id', '=', commentId).executeTakeFirst();

  it('lists every comment waiting, redacted on demand, and stores nothing until a reviewer acts', async () => {
    const list = await s.comments.list(researcher, wave.id, 'pending');
    expect(list.counts).toMatchObject({ total: 4, pending: 4, approved: 0, quotes: 0 });
    expect(list.items.map((i) => i.text)).toContain('ring me on [phone], my carer is kind');
    expect(list.items.every((i) => i.source === 'automatic')).toBe(true);
    expect(JSON.stringify(list)).not.toContain('07700');
    expect(list.mayRedact).toBe(false);
    expect(await conn.db.selectFrom('comment_reviews').selectAll().execute()).toEqual([]);
  });

  it('keeps a reviewer\'s extra redaction, puts it back to waiting, and audits it', async () => {
    const detail = await s.comments.detail(reviewer, wave.id, club);
    expect(detail.original).toBe('i won the under 12 county chess final last year');
    const ticks = detail.words.filter((w) => ['county', 'chess', 'final'].includes(w.text)).map((w) => w.index);
    expect(await s.comments.hideWords(reviewer, wave.id, club, ticks, 'detail')).toEqual({ ok: true });
    const stored = await row(club);
    expect(stored).toMatchObject({ redacted_text: 'i won the under 12 [detail] last year', status: 'pending', edited: 1, quote: 0, edited_by: reviewer.email });
    expect(JSON.parse(stored!.spans)).toEqual([{ type: 'detail', start: 19, end: 37 }]);
    const audit = await s.audit.list({ action: 'comments.redaction_changed' });
    expect(audit[0]).toMatchObject({ target: club, actorEmail: reviewer.email, detail: { change: 'hide', type: 'detail', words: 3 } });
    expect((await s.audit.list({ action: 'comments.original_viewed' })).some((a) => a.target === club)).toBe(true);
  });

  it('approves for quoting only with the confirmation, and only the text the reviewer saw', async () => {
    const { seen } = await s.comments.detail(reviewer, wave.id, named);
    expect(await s.comments.decide(reviewer, wave.id, named, 'quote', false, seen)).toMatchObject({ ok: false, field: 'confirm' });
    expect(await s.comments.decide(reviewer, wave.id, named, 'quote', true, 'stale')).toMatchObject({ ok: false, field: 'decision' });
    expect(await row(named)).toBeUndefined();
    expect(await s.comments.decide(reviewer, wave.id, named, 'quote', true, seen)).toEqual({ ok: true });
    expect(await row(named)).toMatchObject({ status: 'approved', quote: 1, confirmed: 1, edited: 0, redacted_text: 'ring me on [phone], my carer is kind', decided_by: reviewer.email });
    expect((await s.audit.list({ action: 'comments.quote_approved' }))[0]).toMatchObject({ target: named, detail: { confirmation: true } });
    const again = await s.comments.detail(reviewer, wave.id, plain);
    expect(await s.comments.decide(reviewer, wave.id, plain, 'approve', false, again.seen)).toEqual({ ok: true });
  });

  it('gives reports only approved quotes, redacted, of the responses they analyse', async () => {
    const all = new Set(ids);
    expect(await approvedQuotes(conn.db, wave.id, all)).toEqual(['ring me on [phone], my carer is kind']);
    expect(await approvedQuotes(conn.db, wave.id, new Set(ids.slice(1)))).toEqual([]);
    clock.advance(60_000);
    const { seen } = await s.comments.detail(reviewer, wave.id, club);
    expect(await s.comments.decide(reviewer, wave.id, club, 'quote', true, seen)).toEqual({ ok: true });
    expect(await approvedQuotes(conn.db, wave.id, all)).toEqual(['ring me on [phone], my carer is kind', 'i won the under 12 [detail] last year']);
  });

  it('gives a data release every approved comment, quoted or not, redacted, and nothing waiting or withheld', async () => {
    const texts = await approvedTexts(conn.db, wave.id);
    expect([...texts.keys()].sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    expect(texts.get(ids[1]!)?.map((c) => c.text)).toEqual(['i like my bedroom and my dog']);
    expect(texts.get(ids[0]!)?.map((c) => c.text)).toEqual(['ring me on [phone], my carer is kind']);
    expect(JSON.stringify([...texts])).not.toContain('07700');
  });

  it('restores a false positive, which takes the comment back out of the quotes until decided again', async () => {
    const detail = await s.comments.detail(reviewer, wave.id, named);
    expect(detail.spans).toEqual([{ type: 'phone', start: 11, end: 23 }]);
    expect(await s.comments.restore(reviewer, wave.id, named, 11)).toEqual({ ok: true });
    expect(await row(named)).toMatchObject({ status: 'pending', quote: 0, confirmed: 0, redacted_text: 'ring me on 07700 900123, my carer is kind' });
    expect(await approvedQuotes(conn.db, wave.id, new Set(ids))).toEqual(['i won the under 12 [detail] last year']);
    expect(await s.comments.restore(reviewer, wave.id, named, 11)).toMatchObject({ ok: false });
    expect(await s.comments.hidePhrase(reviewer, wave.id, named, '07700 900123', 'phone')).toEqual({ ok: true });
    expect(await s.comments.hidePhrase(reviewer, wave.id, named, 'my social worker', 'detail')).toMatchObject({ ok: false, field: 'phrase' });
    expect((await row(named))?.redacted_text).toBe('ring me on [phone], my carer is kind');
  });

  it('keeps reviewed comments when the original is deleted, showing only the stored text, and forgets unreviewed ones', async () => {
    await forgetOriginal(conn.db, club);
    await forgetOriginal(conn.db, gone);
    const list = await s.comments.list(researcher, wave.id, 'all');
    expect(list.counts.total).toBe(3);
    expect(list.items.find((i) => i.id === club)).toMatchObject({ text: 'i won the under 12 [detail] last year', source: 'kept', status: 'approved', quote: true });
    expect(list.items.some((i) => i.id === gone)).toBe(false);
    const detail = await s.comments.detail(reviewer, wave.id, club);
    expect(detail).toMatchObject({ original: null, redacted: 'i won the under 12 [detail] last year', words: [], segments: [] });
    expect(await s.comments.hideWords(reviewer, wave.id, club, [0], 'name')).toMatchObject({ ok: false });
    expect(await approvedQuotes(conn.db, wave.id, new Set(ids))).toEqual(['i won the under 12 [detail] last year']);
    await expect(s.comments.detail(reviewer, wave.id, gone)).rejects.toMatchObject({ code: 'not_found' });
    expect(await s.comments.decide(reviewer, wave.id, club, 'withhold', false, detail.seen)).toEqual({ ok: true });
    expect(await approvedQuotes(conn.db, wave.id, new Set(ids))).toEqual([]);
  });

  it('can keep today\'s automatic redaction before originals are deleted', async () => {
    const late = await addComment(conn.db, ids[4]!, 'call me 07700 900456');
    expect(await s.comments.preserveRedactions(wave.id)).toBe(1);
    expect(await row(late)).toMatchObject({ redacted_text: 'call me [phone]', status: 'pending', edited: 0 });
    await forgetOriginal(conn.db, late);
    expect((await s.comments.list(researcher, wave.id, 'pending')).items.find((i) => i.id === late)).toMatchObject({ text: 'call me [phone]', source: 'kept' });
  });

  it('treats an original that retention replaced with its approved redaction as gone', async () => {
    const { seen } = await s.comments.detail(reviewer, wave.id, named);
    expect(await s.comments.decide(reviewer, wave.id, named, 'approve', false, seen)).toEqual({ ok: true });
    await conn.db.updateTable('response_comments').set({ text: 'ring me on [phone], my carer is kind' }).where('id', '=', named).execute();
    const detail = await s.comments.detail(reviewer, wave.id, named);
    expect(detail).toMatchObject({ original: null, source: 'kept', redacted: 'ring me on [phone], my carer is kind', words: [] });
    expect(await s.comments.restore(reviewer, wave.id, named, 11)).toMatchObject({ ok: false });
  });

  it('answers local authority staff, and researchers asking for originals, as if nothing were there', async () => {
    const lead = actor('lead@quoteford.example', [{ role: 'la_lead', laId: wave.laId }]);
    const safeguarding = actor('sg@quoteford.example', [{ role: 'la_safeguarding', laId: wave.laId }]);
    for (const a of [lead, safeguarding]) await expect(s.comments.list(a, wave.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.comments.detail(researcher, wave.id, plain)).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.comments.hideWords(researcher, wave.id, plain, [0], 'name')).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.comments.decide(researcher, wave.id, plain, 'approve', false, '')).rejects.toMatchObject({ code: 'not_found' });
    expect(await s.comments.wavePanel(lead, wave)).toBeNull();
    expect(await s.comments.wavePanel(researcher, wave)).toMatchObject({ mayRedact: false, counts: { total: 4 } });
  });
});
