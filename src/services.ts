/** Wires the features together. The only place that knows every feature; no singletons elsewhere. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/index.ts';
import type { Clock } from './lib/clock.ts';
import { systemClock } from './lib/clock.ts';
import { createTranslator, loadCatalogues, type Translator } from './lib/i18n.ts';
import { createMailer, type Mailer } from './lib/email.ts';
import {
  accountsRepository,
  accountsService,
  auditLog,
  programmeRepository,
  programmeService,
  sessionsRepository,
  type AccountsService,
  type AuditLog,
  type ProgrammeService,
} from './programme/index.ts';
import { assertValidBank, instruments } from './instruments/index.ts';
import { surveyService, type SurveyService } from './survey/index.ts';

const src = dirname(fileURLToPath(import.meta.url));

/** Folders that hold a messages/ catalogue. */
export const catalogueDirs = ['http', 'instruments', 'survey'].map((f) => join(src, f));

export interface Services {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  i18n: Translator;
  programme: ProgrammeService;
  accounts: AccountsService;
  audit: AuditLog;
  mailer: Mailer;
  /** Demo mode only: the demo accounts' current second-factor codes for the sign-in page. */
  demoCodes?: () => Array<{ email: string; role: string; password: string; code: string }>;
  survey: SurveyService;
  /** Changes when the built assets change, for cache-busting URLs. */
  assetVersion: string;
}

/** Builds every service over one database; validates the question bank against the catalogues. */
export function createServices(db: Db, dialect: Dialect, config: Config, clock: Clock = systemClock): Services {
  const catalogues = loadCatalogues(catalogueDirs);
  assertValidBank(instruments, catalogues);
  const i18n = createTranslator(catalogues);
  const programme = programmeService(programmeRepository(db), clock);
  const audit = auditLog(db, clock);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, dataDir: config.dataDir });
  const accounts = accountsService({
    accounts: accountsRepository(db),
    sessions: sessionsRepository(db),
    audit,
    mailer,
    clock,
    publicUrl: config.publicUrl,
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
  });
  const survey = surveyService({ db, clock, config, programme });
  return { config, db, dialect, clock, i18n, programme, accounts, audit, mailer, survey, assetVersion: process.env['npm_package_version'] ?? '1' };
}
