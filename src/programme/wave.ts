/** Local authorities and waves: the programme's units of work. Pure domain, no I/O. */
import type { InstrumentId, SurveyId } from '../instruments/types.ts';

export type Nation = 'england' | 'wales' | 'scotland' | 'northern_ireland';
export const NATIONS: readonly Nation[] = ['england', 'wales', 'scotland', 'northern_ireland'];

export interface LocalAuthority {
  id: string;
  name: string;
  nation: Nation;
  /** ONS area code, e.g. E10000025. */
  onsCode: string;
  createdAt: string;
}

export type WaveStatus = 'planned' | 'open' | 'closed' | 'reported';
export const WAVE_STATUSES: readonly WaveStatus[] = ['planned', 'open', 'closed', 'reported'];

export interface Wave {
  id: string;
  laId: string;
  survey: SurveyId;
  /** The code in the public survey link: /s/<linkCode>. */
  linkCode: string;
  title: string;
  instruments: InstrumentId[];
  /** Eligible young people per instrument (age band). */
  eligible: Partial<Record<InstrumentId, number>>;
  /** The languages offered, the first being the default (a draft one only if also in `draftLanguages`). */
  languages: string[];
  /**
   * Languages a programme administrator switched on for this wave while their translation was still draft
   * (not all reviewed by a fluent speaker). Absent means none. See docs/languages.md.
   */
  draftLanguages?: string[];
  /** Target response rate, 0-1 (default 0.3). */
  targetRate: number;
  status: WaveStatus;
  opensOn: string;
  closesOn: string;
  createdAt: string;
  closedAt: string | null;
  /** Whether young people may enter a prize draw after the thank-you page. */
  prizeDraw: boolean;
}

/** The instruments each survey offers. */
export const SURVEY_INSTRUMENTS: Record<SurveyId, readonly InstrumentId[]> = {
  ylyc: ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'],
  ylbc: ['ylbc-16-25'],
};

export const DEFAULT_TARGET_RATE = 0.3;

/** Whether a young person may start or submit the wave's survey now. */
export function isAcceptingResponses(wave: Wave): boolean {
  return wave.status === 'open';
}

/** Sum of the eligible counts across the wave's instruments. */
export function totalEligible(wave: Wave): number {
  return Object.values(wave.eligible).reduce((a, b) => a + (b ?? 0), 0);
}

/** Response rate (0-1) or null when nobody is counted as eligible. */
export function responseRate(responses: number, eligible: number): number | null {
  return eligible > 0 ? responses / eligible : null;
}
