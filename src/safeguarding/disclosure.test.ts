import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DECLINED, getInstrument, INSTRUMENT_IDS, type Answer, type Instrument } from '../instruments/index.ts';
import { createTranslator, loadCatalogues } from '../lib/i18n.ts';
import { disclosureContent, disclosureRows } from './disclosure.ts';
import { contactMessage, edtMessage, reviewerMessage } from './notify.ts';

const i18n = createTranslator(loadCatalogues([join(dirname(fileURLToPath(import.meta.url)), '..', 'instruments')]));
const t = (key: string) => i18n.t('en', key);
const DISCLOSABLE = new Set(['age', 'gender', 'ethnicity', 'placement', 'time_in_care']);

/** Every question answered: the five disclosable ones with their first option, every other one with a marker. */
function answersFor(instrument: Instrument): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const q of instrument.questions) {
    if (q.demographicOf && DISCLOSABLE.has(q.demographicOf) && q.scale.kind === 'choice') answers[q.id] = q.scale.options[0]!.code;
    else answers[q.id] = `SECRET-${q.id}`;
  }
  return answers;
}

const source = (instrument: Instrument, answers: Record<string, Answer>) => ({ instrument, answers, completedAt: '2026-03-02T10:07:00.000Z', waveTitle: 'Northmoor YLYC 2026', text: 'my carer locks me in my room' });

describe('the disclosure content', () => {
  it.each(INSTRUMENT_IDS)('holds exactly the promised fields and no other answer (%s)', (id) => {
    const instrument = getInstrument(id)!;
    const content = disclosureContent(source(instrument, answersFor(instrument)), t);
    expect(Object.keys(content).sort()).toEqual(['age', 'completedAt', 'ethnicity', 'placementType', 'sex', 'text', 'timeInCare', 'wave']);
    const all = JSON.stringify(content);
    expect(all).not.toContain('SECRET-');
    expect(content.completedAt).toBe('Monday 2 March 2026 at 10:07 (UK time)');
    expect(content.wave).toBe('Northmoor YLYC 2026');
    expect(content.text).toBe('my carer locks me in my room');
    expect(disclosureRows(content).map((r) => r.label)).toEqual(['Age', 'Sex or gender', 'Ethnicity', 'Placement type', content.timeInCare.label, 'Completed', 'Survey wave']);
  });

  it('shows the answers as the young person (or their adult) gave them', () => {
    const instrument = getInstrument('ylyc-11-17')!;
    const content = disclosureContent(source(instrument, { age: '14', gender: 'female', ethnicity: 'black_african', placement_type: 'residential', time_in_care: 'dont_know', trusts_carers: 'never' }), t);
    expect(content).toMatchObject({
      age: '14 (questionnaire for ages 11 to 17)',
      sex: 'Girl',
      ethnicity: 'Black, Black British, Caribbean or African: African',
      placementType: "In a children's home",
      timeInCare: { label: 'Time in care', value: 'Did not know' },
    });
  });

  it('says what was not asked, not answered or not wanted to say', () => {
    const younger = getInstrument('ylyc-8-11')!;
    expect(disclosureContent(source(younger, { gender: DECLINED }), t)).toMatchObject({ ethnicity: 'Not asked in this questionnaire', sex: 'Did not want to say', age: 'Not answered (questionnaire for ages 8 to 11)' });
    const leavers = getInstrument('ylbc-16-25')!;
    const content = disclosureContent(source(leavers, { age: '19', time_since_care: 'under_one_year', living_situation: 'temporary' }), t);
    expect(content).toMatchObject({ age: '19 (questionnaire for ages 16 to 25)', placementType: 'Not asked in this questionnaire', timeInCare: { label: 'Time since leaving care', value: 'Less than 1 year ago' } });
    expect(JSON.stringify(content)).not.toContain('hostel');
  });
});

describe('the emails', () => {
  const link = 'https://brightspots.example/staff/safeguarding/disclosures/abc';
  it('say only that there is a disclosure to read, with the link', () => {
    const messages = [
      contactMessage({ to: 'a@la.example', name: 'Ama', link, level: 0, sinceMs: 0, escalateHours: 24 }),
      contactMessage({ to: 'a@la.example', name: 'Ama', link, level: 1, sinceMs: 24 * 3_600_000, escalateHours: 24 }),
      reviewerMessage({ to: 'r@programme.example', name: 'Rev', link, level: 1, sinceMs: 24 * 3_600_000, contacts: 2 }),
      edtMessage({ to: 'edt@la.example', name: 'Out of hours team', link }),
    ];
    for (const m of messages) {
      expect(m.text).toContain(link);
      expect(m.text + m.subject).not.toMatch(/\b(locks|carers?|physical|abuse|self-harm|age|ethnic\w*|girl|boy)\b/i);
    }
    expect(messages[0]!.subject).toBe('A safeguarding disclosure to read');
    expect(messages[1]!.text).toContain('1 day ago');
    expect(messages[2]!.text).toContain("the local authority's 2 safeguarding contacts");
  });
});
