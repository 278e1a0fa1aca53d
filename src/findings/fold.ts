/**
 * Folding easy-read responses into their original instrument's, pure and free of the report context so
 * the comparator summaries (pool.ts) can use it too. See easy-read.ts and docs/easy-read.md.
 */
import { instruments as bank, type Instrument } from '../instruments/index.ts';
import type { SurveyResponse } from './types.ts';

/** The bank's easy-read variants. */
export const variants = (): Instrument[] => bank.filter((i) => i.easyReadOf !== undefined);

/** The variants by id, made once (the bank is fixed at start-up). */
const byId = new Map(variants().map((v) => [v.id as string, v]));

/**
 * Rewrites each easy-read response as a response to its original: answers to shared comparison keys are
 * moved to the original's question with that key; the rest are left out. Other responses pass unchanged.
 */
export function foldEasyRead(responses: readonly SurveyResponse[]): SurveyResponse[] {
  return responses.map((r) => {
    const variant = byId.get(r.instrumentId);
    const original = variant?.easyReadOf === undefined ? undefined : bank.find((i) => i.id === variant.easyReadOf);
    if (variant === undefined || original === undefined) return r;
    const answers: Record<string, SurveyResponse['answers'][string]> = {};
    for (const [qid, a] of Object.entries(r.answers)) {
      const key = variant.questions.find((q) => q.id === qid)?.key;
      const target = key === undefined ? undefined : original.questions.find((q) => q.key === key);
      if (target !== undefined) answers[target.id] = a;
    }
    return { instrumentId: original.id, answers };
  });
}
