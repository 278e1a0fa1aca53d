/**
 * Cleaning before analysis, pure: which responses of a closed wave look like they should not be
 * counted, and why. The platform only suspects; a programme researcher confirms or overrules each.
 */
import { DECLINED, getInstrument, type Answer } from '../../instruments/index.ts';

export type SuspectReason = 'empty' | 'duplicate' | 'out_of_scope' | 'test';
export const SUSPECT_REASONS: readonly SuspectReason[] = ['test', 'duplicate', 'out_of_scope', 'empty'];

export interface CleaningResponse {
  id: string;
  instrumentId: string;
  channel: string;
  answers: Record<string, Answer>;
  completedAt: string;
  /** Whether any free-text comment looks like a test entry (the text itself is never passed here). */
  testComment: boolean;
  hasComment: boolean;
}

export interface CleaningWave {
  instruments: readonly string[];
  opensOn: string;
  closesOn: string;
}

export interface Suspect {
  responseId: string;
  reason: SuspectReason;
  /** For duplicates: the earlier response with the same answers. */
  duplicateOf?: string;
  /** For duplicates across channels: paper and online copies of the same form. */
  crossChannel?: boolean;
}

/** Fewer answered questions than this and identical answers are common by chance, not duplicates. */
export const MIN_ANSWERS_FOR_DUPLICATE = 5;

/** Words people type when trying a survey out. */
const TEST_WORDS = /^\s*(test(ing)?|asdf+|qwerty|ignore( this)?|dummy|please ignore|xxx+)\b/i;

/** Whether a comment looks like someone trying the survey out. */
export const looksLikeTestComment = (text: string): boolean => TEST_WORDS.test(text);

const answered = (a: Answer): boolean => a !== DECLINED && !(Array.isArray(a) && a.length === 0);

/** Answers as a canonical string, so the same answers compare equal whatever their key order. */
function fingerprint(answers: Record<string, Answer>): string {
  return JSON.stringify(Object.keys(answers).sort().map((k) => [k, answers[k]]));
}

/**
 * Every suspect in a wave, at most one reason per response, the strongest first: a test entry, then a
 * duplicate, then a response outside the wave's scope, then an empty one.
 */
export function findSuspects(wave: CleaningWave, responses: readonly CleaningResponse[]): Suspect[] {
  const ordered = [...responses].sort((a, b) => a.completedAt.localeCompare(b.completedAt) || a.id.localeCompare(b.id));
  const firstByPrint = new Map<string, CleaningResponse>();
  const out: Suspect[] = [];
  for (const r of ordered) {
    const count = Object.values(r.answers).filter(answered).length;
    if (r.testComment || r.completedAt.slice(0, 10) < wave.opensOn) {
      out.push({ responseId: r.id, reason: 'test' });
      continue;
    }
    const print = `${r.instrumentId}|${fingerprint(r.answers)}`;
    const earlier = count >= MIN_ANSWERS_FOR_DUPLICATE ? firstByPrint.get(print) : undefined;
    if (earlier) {
      out.push({ responseId: r.id, reason: 'duplicate', duplicateOf: earlier.id, crossChannel: earlier.channel !== r.channel });
      continue;
    }
    if (count >= MIN_ANSWERS_FOR_DUPLICATE) firstByPrint.set(print, r);
    // An easy-read response is in scope wherever its original age group is.
    const group = getInstrument(r.instrumentId)?.easyReadOf ?? r.instrumentId;
    if (!wave.instruments.includes(r.instrumentId) && !wave.instruments.includes(group)) out.push({ responseId: r.id, reason: 'out_of_scope' });
    else if (count === 0 && !r.hasComment) out.push({ responseId: r.id, reason: 'empty' });
  }
  return out;
}
