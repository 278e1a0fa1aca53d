/**
 * Selected comments in reports, on both engines: only comments approved for quoting, redacted, of the
 * responses analysed, and none from a wave of fewer than 20; in every format; frozen in a published version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '../comments/testing.ts';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import type { Actor, Wave } from '../programme/index.ts';
import { createServices, type Services } from '../services.ts';
import { readPdf } from './pdf/testing.ts';
import { reportHtmlFile, reportJsonFile, reportPdfFile, youthHtmlFile, youthReport } from './index.ts';
import { seedWave } from './testing.ts';

const actor = (email: string, grants: Actor['grants']): Actor => ({ accountId: `acc-${email}`, email, name: email, grants });
const reviewer = actor('reviewer@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
const researcher = actor('researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);

describe.each(engines)('selected comments in reports on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let big: Wave;
  let small: Wave;
  let quoted: string;
  const label = (key: string): string => s.i18n.t('en', key);
  const original = 'my PA Mrs Okafor always texts me back and helped me get my flat, she believes in me';
  const redacted = 'my PA Mrs [name] always texts me back and helped me get my flat, she believes in me';

  /** Decides as a reviewer would, having read the comment. */
  async function decide(wave: Wave, commentId: string, decision: 'quote' | 'approve' | 'withhold'): Promise<void> {
    const { seen } = await s.comments.detail(reviewer, wave.id, commentId);
    const outcome = await s.comments.decide(reviewer, wave.id, commentId, decision, decision === 'quote', seen);
    if (!outcome.ok) throw new Error(outcome.problem);
  }

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock('2026-03-02T10:00:00.000Z'));
    const la = await s.programme.addLa({ name: 'Quotesby Council', nation: 'england', onsCode: 'E06000813' });
    const seeded = await seedWave(conn.db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 21 }, seed: 31 });
    big = seeded.wave;
    quoted = await addComment(conn.db, seeded.ids[0]!, original);
    await decide(big, quoted, 'quote');
    // Approved, but not for quoting; waiting; and quoted but from a response excluded when cleaning.
    await decide(big, await addComment(conn.db, seeded.ids[1]!, 'the food is rubbish at my placement'), 'approve');
    await addComment(conn.db, seeded.ids[2]!, 'waiting for a reviewer');
    const excludedId = seeded.ids[3]!;
    await decide(big, await addComment(conn.db, excludedId, 'testing the survey, please ignore'), 'quote');
    await conn.db.insertInto('response_reviews').values({ response_id: excludedId, wave_id: big.id, reason: 'test', decision: 'exclude', note: 'a test entry', decided_by: researcher.email, decided_at: '2026-03-01T00:00:00.000Z' }).execute();
    const few = await seedWave(conn.db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-11-17': 15 }, seed: 32 });
    small = few.wave;
    await decide(small, await addComment(conn.db, few.ids[0]!, 'my carer is the best in the world'), 'quote');
  });
  afterAll(() => conn.close());

  it('quotes only comments approved for quoting, redacted, of the responses analysed', async () => {
    const report = await s.reports.buildReport(researcher, big.id);
    expect(report.quotes).toEqual({ minResponses: 20, analysed: 20, status: 'shown', items: [redacted] });
    expect(report.findings.options.minQuoteResponses).toBe(20);
  });

  it('prints them in the web page file, the JSON and the PDF, never the original', async () => {
    const report = await s.reports.buildReport(researcher, big.id);
    const html = reportHtmlFile(report, label);
    expect(html).toContain(`<blockquote class="govuk-inset-text bs-report-quote"><p class="govuk-body">“${redacted}”</p></blockquote>`);
    expect(html).toContain('A safeguarding reviewer approved each comment for quoting');
    const json = reportJsonFile(report);
    expect(JSON.parse(json)).toMatchObject({ quotes: { status: 'shown', items: [redacted] } });
    const pdf = await reportPdfFile(report, label);
    const read = readPdf(pdf);
    const section = read.text.slice(read.text.lastIndexOf('Selected comments'));
    expect(section.replace(/\s+/g, ' ')).toContain(redacted.slice(0, 40));
    expect(read.struct).toContain('BlockQuote');
    for (const text of [html, json, read.text, read.raw]) {
      expect(text).not.toContain('Okafor');
      expect(text).not.toContain('the food is rubbish');
      expect(text).not.toContain('waiting for a reviewer');
      expect(text).not.toContain('please ignore');
    }
  }, 120_000);

  it('puts a few of them in the young people\'s version', async () => {
    const report = await s.reports.buildReport(researcher, big.id);
    expect(youthReport(report, label).quotes).toMatchObject({ heading: 'In your own words', items: [redacted] });
    const html = youthHtmlFile(report, label);
    expect(html).toContain(`<blockquote class="yp-quote"><p>“${redacted}”</p></blockquote>`);
    expect(html).not.toContain('Okafor');
  });

  it('quotes nothing from a wave of fewer than 20 analysed responses, and says why', async () => {
    const report = await s.reports.buildReport(researcher, small.id);
    expect(report.quotes).toEqual({ minResponses: 20, analysed: 15, status: 'too_few_responses', items: [] });
    const html = reportHtmlFile(report, label);
    expect(html).toContain('No comments are quoted: 15 responses were analysed, and comments are quoted only from 20 or more');
    expect(html).not.toContain('the best in the world');
    expect(youthReport(report, label).quotes).toBeNull();
  });

  it('keeps a published version\'s quotes when a comment is later withheld, and says when none are approved', async () => {
    const published = await s.reports.publish(researcher, big.id, 'first publication');
    expect(published.ok).toBe(true);
    await decide(big, quoted, 'withhold');
    const draft = await s.reports.buildReport(researcher, big.id, 'draft');
    expect(draft.quotes).toMatchObject({ status: 'none_approved', items: [] });
    expect(reportHtmlFile(draft, label)).toContain('No comments have been approved for quoting in this report yet');
    const v1 = await s.reports.buildReport(researcher, big.id, 1);
    expect(v1.quotes?.items).toEqual([redacted]);
    expect(reportHtmlFile(v1, label)).toContain(redacted);
  });

  it('says so for versions published before reports had quotes', async () => {
    const report = await s.reports.buildReport(researcher, big.id, 1);
    const { quotes: _quotes, ...before } = report;
    const html = reportHtmlFile(before, label);
    expect(html).toContain('comments were not part of reports when this version was published.');
    expect(JSON.parse(reportJsonFile(before))).toMatchObject({ quotes: null });
  });
});
