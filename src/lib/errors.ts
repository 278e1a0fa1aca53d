/** Stable codes for the refusals a user can meet; tests assert these, never the wording. */
export type AppErrorCode =
  | 'not_found'
  | 'wave_not_found'
  | 'wave_closed'
  | 'wave_not_open'
  | 'resume_code_invalid'
  | 'draft_expired'
  | 'too_many_drafts'
  | 'bad_request'
  | 'forbidden'
  | 'conflict';

const statusByCode: Record<AppErrorCode, number> = {
  not_found: 404,
  wave_not_found: 404,
  wave_closed: 410,
  wave_not_open: 404,
  resume_code_invalid: 404,
  draft_expired: 410,
  too_many_drafts: 429,
  bad_request: 400,
  forbidden: 403,
  conflict: 409,
};

/** An expected refusal with a safe message; the HTTP layer renders it, never a stack trace. */
export class AppError extends Error {
  readonly status: number;
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message: string = code) {
    super(message);
    this.code = code;
    this.status = statusByCode[code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
