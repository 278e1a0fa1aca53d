import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Wave } from '../wave.ts';
import { parseEligibleCsv } from './eligible-csv.ts';
import { isPhone, parseContactForm, parseSettingsForm } from './la-settings.ts';
import { closedAtFor, newWaveValues, parseWaveForm, readDate, STATUS_CHOICES, valuesOfWave, type FormValues } from './wave-form.ts';

const YLYC = ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'] as const;

const form = (over: FormValues = {}): FormValues => ({
  ...newWaveValues('ylyc'),
  'opens-day': '4',
  'opens-month': '5',
  'opens-year': '2026',
  'closes-day': '30',
  'closes-month': '6',
  'closes-year': '2026',
  'eligible-ylyc-8-11': '45',
  ...over,
});

const fields = (r: ReturnType<typeof parseWaveForm>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('the wave form', () => {
  it('turns a filled-in form into the wave settings', () => {
    const r = parseWaveForm(form({ instruments: ['ylyc-8-11', 'ylyc-11-17'], 'eligible-ylyc-11-17': '1,200', targetRate: '35%', prizeDraw: 'yes' }), { survey: 'ylyc', languages: ['en'] });
    expect(r).toEqual({
      ok: true,
      settings: {
        title: '',
        instruments: ['ylyc-8-11', 'ylyc-11-17'],
        eligible: { 'ylyc-8-11': 45, 'ylyc-11-17': 1200 },
        languages: ['en'],
        draftLanguages: [],
        targetRate: 0.35,
        opensOn: '2026-05-04',
        closesOn: '2026-06-30',
        status: 'planned',
        prizeDraw: true,
      },
    });
  });

  it('records a ticked draft language as switched on for the wave, and only a ticked one', () => {
    const on = parseWaveForm(form({ languages: ['en', 'cy'] }), { survey: 'ylyc', languages: ['en', 'cy'], draft: ['cy'] });
    expect(on.ok && [on.settings.languages, on.settings.draftLanguages]).toEqual([['en', 'cy'], ['cy']]);
    const off = parseWaveForm(form({ languages: ['en'] }), { survey: 'ylyc', languages: ['en', 'cy'], draft: ['cy'] });
    expect(off.ok && off.settings.draftLanguages).toEqual([]);
    const reviewed = parseWaveForm(form({ languages: ['cy', 'en'] }), { survey: 'ylyc', languages: ['en', 'cy'] });
    expect(reviewed.ok && reviewed.settings.draftLanguages).toEqual([]);
  });

  it('reports every problem against its field, in the order the form asks', () => {
    const r = parseWaveForm(
      form({ instruments: ['ylbc-16-25'], 'closes-day': '31', 'closes-month': '2', targetRate: '0', languages: ['xx'], status: 'reported', prizeDraw: '' }),
      { survey: 'ylyc', languages: ['en'] },
    );
    expect(fields(r)).toEqual(['instruments', 'closes', 'targetRate', 'languages', 'status', 'prizeDraw']);
  });

  it('checks counts, and that fieldwork does not close before it opens', () => {
    expect(fields(parseWaveForm(form({ 'eligible-ylyc-8-11': '-3' }), { survey: 'ylyc', languages: ['en'] }))).toEqual(['eligible-ylyc-8-11']);
    expect(fields(parseWaveForm(form({ 'closes-month': '4' }), { survey: 'ylyc', languages: ['en'] }))).toEqual(['closes']);
  });

  it('lets pasted counts replace the boxes, and reports bad lines by number', () => {
    const ok = parseWaveForm(form({ eligibleCsv: 'Age group,Eligible\n4-7,20\nAges 8 to 11,61\nylyc-11-17,90' }), { survey: 'ylyc', languages: ['en'] });
    expect(ok.ok && ok.settings.eligible).toEqual({ 'ylyc-4-7': 20, 'ylyc-8-11': 61, 'ylyc-11-17': 90 });
    const bad = parseWaveForm(form({ eligibleCsv: '4-7,20\n12-15,8\n8-11,lots' }), { survey: 'ylyc', languages: ['en'] });
    expect(bad.ok ? [] : bad.errors.map((e) => e.text)).toEqual([expect.stringMatching(/^Line 2: "12-15" is not an age group/), expect.stringMatching(/^Line 3: the count for ages 8 to 11/)]);
  });

  it('needs a title when editing, and offers only the statuses a wave can move to', () => {
    expect(fields(parseWaveForm(form({ title: '', status: 'open' }), { survey: 'ylyc', current: 'open', languages: ['en'] }))).toEqual(['title']);
    expect(fields(parseWaveForm(form({ title: 'Spring', status: 'planned' }), { survey: 'ylyc', current: 'open', languages: ['en'] }))).toEqual(['status']);
    expect(STATUS_CHOICES.new).toEqual(['planned', 'open']);
    expect(STATUS_CHOICES.closed).toContain('reported');
  });

  it('reads back exactly what an existing wave holds', () => {
    const statuses = fc.constantFrom<Wave['status']>('planned', 'open', 'closed', 'reported');
    const when = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.subarray([...YLYC], { minLength: 1 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 3, maxLength: 3 }), when, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 10, max: 1000 }), statuses, fc.boolean(), (instruments, counts, opensOn, length, rate, status, prizeDraw) => {
          const w: Wave = {
            id: 'w', laId: 'la', survey: 'ylyc', linkCode: 'ABCDEFGH', title: 'A wave', instruments, languages: ['en'], targetRate: rate / 1000, status, prizeDraw,
            eligible: Object.fromEntries(instruments.map((id, i) => [id, counts[i] ?? 0])), opensOn, closesOn: new Date(Date.parse(opensOn) + length * 86_400_000).toISOString().slice(0, 10), createdAt: '', closedAt: null,
          };
          const r = parseWaveForm(valuesOfWave(w), { survey: 'ylyc', current: status, languages: ['en'] });
          expect(r).toEqual({ ok: true, settings: { title: w.title, instruments: w.instruments, eligible: w.eligible, languages: w.languages, draftLanguages: [], targetRate: w.targetRate, opensOn: w.opensOn, closesOn: w.closesOn, status, prizeDraw } });
        },
      ),
    );
  });

  it('knows a real day from three boxes', () => {
    expect(readDate({ 'd-day': '29', 'd-month': '2', 'd-year': '2028' }, 'd', 'x')).toEqual({ day: '2028-02-29' });
    expect(readDate({ 'd-day': '29', 'd-month': '2', 'd-year': '2027' }, 'd', 'x')).toHaveProperty('error');
    expect(readDate({ 'd-day': '1', 'd-month': '', 'd-year': '2027' }, 'd', 'x')).toEqual({ error: 'The date x must include a day, month and year' });
    expect(readDate({ 'd-day': '1', 'd-month': '1', 'd-year': '27' }, 'd', 'x')).toHaveProperty('error');
  });

  it('sets the closing time on closing, keeps it afterwards and clears it on reopening', () => {
    const now = '2026-05-01T09:00:00.000Z';
    expect(closedAtFor({ status: 'open', closedAt: null }, 'closed', now)).toBe(now);
    expect(closedAtFor({ status: 'closed', closedAt: '2026-04-01T00:00:00.000Z' }, 'reported', now)).toBe('2026-04-01T00:00:00.000Z');
    expect(closedAtFor({ status: 'closed', closedAt: '2026-04-01T00:00:00.000Z' }, 'open', now)).toBeNull();
  });
});

describe('pasted eligible counts', () => {
  it('refuses an empty paste, a number with commas inside, repeats and long pastes', () => {
    expect(parseEligibleCsv('age,count', ['ylbc-16-25'])).toEqual({ ok: false, errors: ['The pasted counts have no lines with an age group and a count'] });
    expect(parseEligibleCsv('16-25,1,200', ['ylbc-16-25']).ok).toBe(false);
    expect(parseEligibleCsv('16-25,10\n16 to 25,12', ['ylbc-16-25'])).toEqual({ ok: false, errors: ['Line 2: ages 16 to 25 appear twice'] });
    expect(parseEligibleCsv(Array.from({ length: 21 }, () => '16-25,1').join('\n'), ['ylbc-16-25']).ok).toBe(false);
    expect(parseEligibleCsv('16-25;30', ['ylbc-16-25'])).toEqual({ ok: true, counts: { 'ylbc-16-25': 30 } });
  });
});

describe('LA settings', () => {
  it('accepts UK phone numbers only', () => {
    for (const ok of ['01632 960 001', '07700 900982', '+44 7700 900 982', '(01632) 960-001']) expect(isPhone(ok), ok).toBe(true);
    for (const bad of ['123', 'call me', '01632 960 001 ext 4', '+4412']) expect(isPhone(bad), bad).toBe(false);
  });

  it('needs a past signing date, a naming choice, and a phone number for the emergency duty team', () => {
    const r = parseSettingsForm({ 'dsa-day': '1', 'dsa-month': '4', 'dsa-year': '2026', naming: 'maybe', edtName: 'EDT' }, '2026-03-02');
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['dsa', 'naming', 'edtPhone']);
    const ok = parseSettingsForm({ 'dsa-day': '2', 'dsa-month': '3', 'dsa-year': '2026', naming: 'anonymised' }, '2026-03-02');
    expect(ok).toEqual({ ok: true, settings: { dsaSignedOn: '2026-03-02', namedInComparisons: false, emergencyDutyTeam: null } });
  });

  it('needs every detail of a safeguarding contact', () => {
    const r = parseContactForm({ contactName: 'Priya Shah', contactEmail: 'priya@' });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['contactRole', 'contactEmail', 'contactPhone']);
    const ok = parseContactForm({ contactName: ' Priya Shah ', contactRole: 'Safeguarding manager', contactEmail: 'Priya@Council.gov.uk', contactPhone: '01632 960 001' });
    expect(ok).toEqual({ ok: true, contact: { name: 'Priya Shah', role: 'Safeguarding manager', email: 'priya@council.gov.uk', phone: '01632 960 001' } });
  });
});
