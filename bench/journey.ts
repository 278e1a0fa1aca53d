/**
 * The survey journey over plain HTTP, as a browser without JavaScript walks it: choose an age, pass the
 * introduction, post every page's answers with Continue, reach "ready to send?" and read its one-time
 * submission key. Answers come from the instruments' synthetic generator, so they fit the current bank.
 */
import type { Answer, Instrument } from '../src/instruments/index.ts';
import type { BrowserlessClient, FormFields } from './lib.ts';

/** Starts a survey at an age (none for a survey with one instrument); returns the first page's path. */
export async function startSurvey(client: BrowserlessClient, linkCode: string, age?: number): Promise<string> {
  const base = `/s/${linkCode}`;
  const form: FormFields = age === undefined ? {} : { age: String(age) };
  let r = await client.post(`${base}/start`, form);
  // An age two bands share asks about school first.
  if (r.status === 200 && /name="school"/.test(r.body)) r = await client.post(`${base}/start`, { ...form, school: 'secondary' });
  if (r.status !== 303 || !r.location?.endsWith('/intro')) throw new Error(`start: expected a redirect to the introduction, got ${r.status} ${r.location ?? ''}`);
  const intro = await client.post(`${base}/intro`, { adultHelped: 'no' });
  if (intro.status !== 303 || !intro.location) throw new Error(`intro: expected a redirect, got ${intro.status}`);
  return intro.location;
}

/** The form fields of one page for the given answers and free text. */
export function pageFields(instrument: Instrument, pageId: string, answers: Readonly<Record<string, Answer>>, freeText: Readonly<Record<string, string>>): FormFields {
  const page = instrument.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`no page ${pageId} in ${instrument.id}`);
  const fields: Record<string, string | readonly string[]> = { action: 'continue' };
  for (const id of page.questions) {
    const a = answers[id];
    const text = freeText[id];
    if (text !== undefined) fields[id] = text;
    else if (typeof a === 'string') fields[id] = a;
    else if (typeof a === 'number') fields[id] = String(a);
    else if (a !== undefined) fields[id] = a;
  }
  return fields;
}

/** Answers every page from `from` to the end and returns the submission key shown on "ready to send?". */
export async function answerToReview(
  client: BrowserlessClient,
  instrument: Instrument,
  from: string,
  answers: Readonly<Record<string, Answer>>,
  freeText: Readonly<Record<string, string>>,
): Promise<string> {
  let path = from;
  for (let step = 0; path.includes('/p/'); step++) {
    if (step > instrument.pages.length * 3) throw new Error(`${instrument.id}: the journey did not reach the end`);
    const pageId = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    const r = await client.post(path, pageFields(instrument, pageId, answers, freeText));
    if (r.status !== 303 || !r.location) throw new Error(`${instrument.id} page ${pageId}: expected a redirect, got ${r.status}`);
    path = r.location;
  }
  if (!path.endsWith('/review')) throw new Error(`${instrument.id}: expected "ready to send?", got ${path}`);
  const review = await client.get(path);
  const key = /name="key" value="([^"]+)"/.exec(review.body)?.[1];
  if (review.status !== 200 || !key) throw new Error(`${instrument.id}: "ready to send?" has no submission key`);
  return key;
}
