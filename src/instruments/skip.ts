/**
 * Skip logic over `showIf` conditions. Conditions only look back (validate.ts enforces it), so one
 * pass in page order decides visibility; answers to questions that are hidden never count, which makes
 * chains work (a follow-up of a hidden follow-up is hidden too).
 */
import { DECLINED, type Answer, type Condition, type Instrument, type Page, type Question } from './types.ts';
import { questionsInPageOrder } from './structure.ts';

/** Answers keyed by question id; a missing key means unanswered. */
export type Answers = Readonly<Record<string, Answer | undefined>>;

/** True when the condition holds on these answers (an unanswered question matches no `in` list). */
export function evaluate(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, answers));
  if ('not' in condition) return !evaluate(condition.not, answers);
  const answer = answers[condition.question];
  // "Answered" means a real answer: declining to say tells us nothing to follow up.
  if ('answered' in condition) return answer !== undefined && answer !== DECLINED;
  if (answer === undefined) return false;
  const given = typeof answer === 'number' ? [String(answer)] : typeof answer === 'string' ? [answer] : answer;
  return given.some((code) => condition.in.includes(code));
}

/** Questions whose condition holds, in page order, judging each only on answers to visible questions. */
export function visibleQuestions(instrument: Instrument, answers: Answers): Question[] {
  const seen: Record<string, Answer | undefined> = {};
  const out: Question[] = [];
  for (const q of questionsInPageOrder(instrument)) {
    if (q.showIf !== undefined && !evaluate(q.showIf, seen)) continue;
    out.push(q);
    seen[q.id] = answers[q.id];
  }
  return out;
}

/** Pages with at least one visible question, in order (a page whose questions are all hidden is skipped). */
export function visiblePages(instrument: Instrument, answers: Answers): Page[] {
  const visible = new Set(visibleQuestions(instrument, answers).map((q) => q.id));
  return instrument.pages.filter((p) => p.questions.some((id) => visible.has(id)));
}

/** Drops answers to questions not shown now (e.g. after going back and changing a gate answer), and unknown ids. */
export function pruneHidden(instrument: Instrument, answers: Answers): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of visibleQuestions(instrument, answers)) {
    const a = answers[q.id];
    if (a !== undefined) out[q.id] = a;
  }
  return out;
}
