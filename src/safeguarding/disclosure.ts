/**
 * What a safeguarding disclosure may contain, and nothing else (pure): the young person's age (with
 * their questionnaire's age band), sex, ethnicity, placement type and time in care as they (or, for
 * 4-7s, their adult) answered them, the date and time of completion, the wave, and what they wrote.
 * The projection reads only the five demographic questions; no other answer can reach it.
 */
import { DECLINED, type Answer, type Instrument, type Question } from '../instruments/index.ts';
import { ukDateTime } from './escalation.ts';

/** The disclosure as a reader sees it: exactly these fields. */
export interface DisclosureContent {
  age: string;
  sex: string;
  ethnicity: string;
  placementType: string;
  /** "Time in care", or for care leavers "Time since leaving care" (what their questionnaire asked). */
  timeInCare: { label: string; value: string };
  /** UK time, to the minute. */
  completedAt: string;
  wave: string;
  text: string;
}

/** The sources of a disclosure: the response's instrument, answers and completion, the wave and the comment. */
export interface DisclosureSource {
  instrument: Instrument;
  answers: Readonly<Record<string, Answer>>;
  completedAt: string;
  waveTitle: string;
  text: string;
}

/** Looks up a catalogue key (the English option labels). */
export type Lookup = (key: string) => string;

type Role = 'age' | 'gender' | 'ethnicity' | 'placement' | 'time_in_care';

const NOT_ASKED = 'Not asked in this questionnaire';

function answerOf(source: DisclosureSource, role: Role, t: Lookup): { question: Question | undefined; value: string } {
  const question = source.instrument.questions.find((q) => q.demographicOf === role);
  if (!question) return { question, value: NOT_ASKED };
  const answer = source.answers[question.id];
  if (answer === undefined) return { question, value: 'Not answered' };
  if (answer === DECLINED) return { question, value: 'Did not want to say' };
  if (answer === 'dont_know') return { question, value: 'Did not know' };
  const scale = question.scale;
  if (typeof answer !== 'string' || (scale.kind !== 'choice' && scale.kind !== 'multi')) return { question, value: String(answer) };
  const option = scale.options.find((o) => o.code === answer);
  return { question, value: option ? t(option.label) : answer };
}

/** The disclosure's content from its sources. */
export function disclosureContent(source: DisclosureSource, t: Lookup): DisclosureContent {
  const band = `${source.instrument.band.min} to ${source.instrument.band.max}`;
  const age = answerOf(source, 'age', t);
  const time = answerOf(source, 'time_in_care', t);
  const sinceLeaving = time.question?.scale.id === 'time_since_care';
  return {
    age: age.question && age.value !== NOT_ASKED ? `${age.value} (questionnaire for ages ${band})` : `Questionnaire for ages ${band}`,
    sex: answerOf(source, 'gender', t).value,
    ethnicity: answerOf(source, 'ethnicity', t).value,
    placementType: answerOf(source, 'placement', t).value,
    timeInCare: { label: sinceLeaving ? 'Time since leaving care' : 'Time in care', value: time.value },
    completedAt: `${ukDateTime(source.completedAt)} (UK time)`,
    wave: source.waveTitle,
    text: source.text,
  };
}

/** The content as labelled rows for a summary list, in the order the programme promises them. */
export function disclosureRows(c: DisclosureContent): Array<{ label: string; value: string }> {
  return [
    { label: 'Age', value: c.age },
    { label: 'Sex or gender', value: c.sex },
    { label: 'Ethnicity', value: c.ethnicity },
    { label: 'Placement type', value: c.placementType },
    { label: c.timeInCare.label, value: c.timeInCare.value },
    { label: 'Completed', value: c.completedAt },
    { label: 'Survey wave', value: c.wave },
  ];
}
