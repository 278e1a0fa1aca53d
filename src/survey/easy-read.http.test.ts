// Choosing easy read on the start page and answering it, over HTTP as a browser without JavaScript would, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { DECLINED } from '../instruments/index.ts';
import type { Wave } from '../programme/index.ts';
import { answerPages, browser, formFor, formsOf, openWave } from './testing.ts';

describe.each(engines)('easy read on %s', (dialect) => {
  let t: TestApp;
  let ylyc: Wave;
  let ylbc: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ylyc = await openWave(t.services, 'ylyc');
    ylbc = await openWave(t.services, 'ylbc');
  });
  afterAll(() => t.close());

  /** The instrument of the one draft started in a fresh wave. */
  const instrumentOfDraft = async (b: ReturnType<typeof browser>, wave: Wave): Promise<string | null> => {
    const page = await b.open(`/s/${wave.linkCode}/intro`);
    expect(page.status).toBe(200);
    const rows = await t.conn.db.selectFrom('drafts').select('instrument_id').where('wave_id', '=', wave.id).execute();
    expect(rows).toHaveLength(1);
    return rows[0]!.instrument_id;
  };

  it('offers an "Easy read" checkbox beside the ages of a YLYC wave, and not for care leavers', async () => {
    const page = await browser(t.app).open(`/s/${ylyc.linkCode}`);
    const form = formsOf(page.body).find((f) => f.action.endsWith('/start') && f.choices.has('easyRead'));
    expect(form?.choices.get('easyRead')).toEqual({ type: 'checkbox', values: ['yes'] });
    expect(page.body).toContain('Easy read: short sentences and pictures');
    const leavers = await browser(t.app).open(`/s/${ylbc.linkCode}`);
    expect(leavers.body).not.toContain('name="easyRead"');
  });

  it('leads an 8 to 11 year old who ticks it to the easy-read questions, with pictures, and stores the easy-read instrument', async () => {
    const b = browser(t.app);
    await b.open(`/s/${ylyc.linkCode}`);
    const res = await b.post(`/s/${ylyc.linkCode}/start`, { easyRead: 'yes', age: '9' });
    expect(res.status).toBe(303);
    const intro = await b.follow(res);
    expect(intro.url).toBe(`/s/${ylyc.linkCode}/intro`);
    const first = await b.submit(intro.url, { adultHelped: 'yes' });
    expect(first.body).toContain('class="bs-picto bs-picto--person"');
    // Answers as picture buttons: the first real option of each question, plain words in the text box.
    const pick = (_: string, values: string[], type: string): string | string[] | undefined =>
      type === 'text' ? 'Words' : type === 'checkbox' ? values.slice(0, 1) : values.find((v) => v !== DECLINED);
    const seen: string[] = [];
    const { review, sent } = await answerPages(b, first, (name, values, type) => {
      seen.push(name);
      return pick(name, values, type);
    });
    // The double question is asked as two, in easy words.
    expect(seen).toEqual(expect.arrayContaining(['trusted_adult_trust', 'trusted_adult_helps']));
    expect(seen).not.toContain('trusted_adult');
    expect(sent['trusted_adult_trust']).toBe('yes');
    const key = formFor(review.body, '/submit').hidden['key']!;
    const done = await b.post(`/s/${ylyc.linkCode}/submit`, { key });
    expect(done.status).toBe(303);
    const rows = await t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', ylyc.id).where('instrument_id', '=', 'ylyc-8-11-er').execute();
    expect(rows).toHaveLength(1);
    const answers = (typeof rows[0]!.answers === 'string' ? JSON.parse(rows[0]!.answers) : rows[0]!.answers) as Record<string, unknown>;
    expect(answers['trusts_carers']).toBe('all_of_the_time');
    expect(answers['trusted_adult_helps']).toBe('yes');
  });

  it('shows an easy-read page with a pictogram for the question and a picture on every answer', async () => {
    const b = browser(t.app);
    await b.open(`/s/${ylyc.linkCode}`);
    await b.follow(await b.post(`/s/${ylyc.linkCode}/start`, { easyRead: 'yes', age: '8' }));
    await b.submit(`/s/${ylyc.linkCode}/intro`, { adultHelped: 'no' });
    const page = await b.open(`/s/${ylyc.linkCode}/p/adults_you_live_with`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Do the adults you live with see how you feel?');
    expect(page.body).toContain('bs-picto--heart');
    // Four dots for "all of the time", none filled for "never": every answer a big picture button.
    expect(page.body.match(/bs-icon--often/g)?.length).toBe(3 * 5);
    expect(page.body.match(/bs-option--button/g)?.length).toBeGreaterThanOrEqual(3 * 6);
    expect(page.body).not.toContain('bs-options--list');
  });

  it('keeps the choice through the school question at 11, and gives 11 to 17s the usual questions', async () => {
    const ylyc = await openWave(t.services, 'ylyc');
    const other = await openWave(t.services, 'ylyc');
    const primary = browser(t.app);
    await primary.open(`/s/${ylyc.linkCode}`);
    const school = await primary.post(`/s/${ylyc.linkCode}/start`, { easyRead: 'yes', age: '11' });
    expect(school.status).toBe(200);
    expect(formFor(school.body, '/start').hidden['easyRead']).toBe('yes');
    await primary.post(`/s/${ylyc.linkCode}/start`, { easyRead: 'yes', age: '11', school: 'primary' });
    expect(await instrumentOfDraft(primary, ylyc)).toBe('ylyc-8-11-er');

    const secondary = browser(t.app);
    await secondary.open(`/s/${other.linkCode}`);
    await secondary.post(`/s/${other.linkCode}/start`, { easyRead: 'yes', age: '11', school: 'secondary' });
    expect(await instrumentOfDraft(secondary, other)).toBe('ylyc-11-17');
  });

  it('without the tick, an 8 to 11 year old gets the usual questions', async () => {
    const ylyc = await openWave(t.services, 'ylyc');
    const b = browser(t.app);
    await b.open(`/s/${ylyc.linkCode}`);
    await b.post(`/s/${ylyc.linkCode}/start`, { age: '9' });
    expect(await instrumentOfDraft(b, ylyc)).toBe('ylyc-8-11');
  });
});
