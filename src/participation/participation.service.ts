/** The participation feature's use cases in one object: the tracker, its import and export, and access codes. */
import type { Db } from '../db/index.ts';
import type { Clock } from '../lib/clock.ts';
import type { AuditLog, ProgrammeService } from '../programme/index.ts';
import { codesService } from './codes.service.ts';
import { trackerService } from './tracker.service.ts';
import { transferService } from './transfer.service.ts';

export interface ParticipationDeps {
  db: Db;
  clock: Clock;
  programme: Pick<ProgrammeService, 'findWave'>;
  audit: AuditLog;
  /** For the survey link on printed access codes. */
  publicUrl: string;
}

/** Builds the participation service over the platform's services. */
export function participationService(d: ParticipationDeps) {
  return { ...trackerService(d), ...transferService(d), ...codesService(d) };
}

export type ParticipationService = ReturnType<typeof participationService>;

/** What the survey needs to redeem an access code: check it on the start page, mark it used after submission. */
export type AccessCodeRedeemer = Pick<ParticipationService, 'checkAccessCode' | 'markCodeUsed'>;
