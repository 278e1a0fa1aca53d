/** Wires the features together. The only place that knows every feature; no singletons elsewhere. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/index.ts';
import type { Clock } from './lib/clock.ts';
import { systemClock } from './lib/clock.ts';
import { createTranslator, loadCatalogues, type Translator } from './lib/i18n.ts';
import { reviewedLanguages } from './i18n/index.ts';
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
import { ratesService, type RatesService } from './participation/rates/index.ts';
import { participationService, type ParticipationService } from './participation/index.ts';
import { planningService, type PlanningService } from './programme/planning/index.ts';
import { prizeDrawService, type PrizeDrawService } from './participation/prize-draw/index.ts';
import { cleaningService, type CleaningService } from './reports/cleaning/index.ts';
import { reportService, type ReportService } from './reports/index.ts';
import { nationalService, type NationalService } from './reports/national/index.ts';
import { historyService, type HistoryService } from './survey/history/index.ts';
import { safeguardingService, type SafeguardingService } from './safeguarding/index.ts';
import { approvedTexts, commentsService, type CommentsService } from './comments/index.ts';
import { releaseService, type ReleaseService } from './release/index.ts';
import { retentionService, type RetentionService } from './retention/index.ts';
import { formsService, type FormsService } from './paper/index.ts';
import { paperEntryService, type PaperEntryService } from './paper/entry/index.ts';
import { scansService, type ScansService } from './paper/verify/index.ts';
import { actionsService, type ActionsService } from './actions/index.ts';
import { cycleService, type CycleService } from './actions/cycle/index.ts';

const src = dirname(fileURLToPath(import.meta.url));

/** Folders that hold a messages/ catalogue. */
export const catalogueDirs = ['http', 'instruments', 'survey', 'participation/prize-draw', 'paper/forms'].map((f) => join(src, f));

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
  /** Response rates, dashboards and the twice-weekly updates to LA survey leads. */
  rates: RatesService;
  /** The participation tracker (the LA's own plan for each young person), its import and export, access codes. */
  participation: ParticipationService;
  /** Cleaning before analysis: suspect responses of a closed wave and researchers' decisions. */
  cleaning: CleaningService;
  /** The bespoke LA report of a closed wave: findings against other LAs and the general population. */
  reports: ReportService;
  /** The national report for programme staff: every indicator across all LAs of a survey and period. */
  national: NationalService;
  /** Imports of LAs' past waves from CSV files of responses (docs/import.md). */
  history: HistoryService;
  /** Wave admin, the planning checklist, and LA settings and safeguarding contacts. */
  planning: PlanningService;
  /** The optional prize draw: entries apart from responses, drawn by the LA's lead after close. */
  prizeDraw: PrizeDrawService;
  /** Safeguarding: screening submitted comments, the review queue, disclosures to LAs and their escalation. */
  safeguarding: SafeguardingService;
  /** The redaction review of free-text comments and the quotes approved for reports. */
  comments: CommentsService;
  /** Anonymised data releases: LA leads' requests, programme administrators' decisions, the files. */
  release: ReleaseService;
  /** The daily deletion of what has outlived its retention period, and its log. */
  retention: RetentionService;
  /** Action plans after a reported wave: actions linked to findings, KPIs measured by the next wave, the dashboard, "You said, we did". */
  actions: ActionsService;
  /** New Belongings Plus: the cycle's sessions, co-production review, reference group, programme-wide view and practice bank. */
  cycle: CycleService;
  /** Manual entry of paper forms by programme data-entry staff, with optional double entry. */
  paperEntry: PaperEntryService;
  /** Printable paper forms: layouts, issued sheets' serials, the PDFs. */
  paperForms: FormsService;
  /** Scanned paper forms: upload, verification, storing. */
  paperScans: ScansService;
  /** Changes when the built assets change, for cache-busting URLs. */
  assetVersion: string;
}

/** Builds every service over one database; validates the question bank against the catalogues. */
export function createServices(db: Db, dialect: Dialect, config: Config, clock: Clock = systemClock): Services {
  const catalogues = loadCatalogues(catalogueDirs);
  assertValidBank(instruments, catalogues);
  const i18n = createTranslator(catalogues, 'en', reviewedLanguages(catalogueDirs));
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
  const participation = participationService({ db, clock, programme, audit, publicUrl: config.publicUrl });
  // Every submitted comment is screened once the response has committed (safeguarding is created below).
  const survey = surveyService({ db, clock, config, programme, accessCodes: participation, onSubmitted: (e) => safeguarding.onSubmitted(e) });
  const rates = ratesService({ db, clock, programme, accounts, audit, mailer, publicUrl: config.publicUrl, trackerGaps: (waveId) => participation.digestGaps(waveId) });
  const planning = planningService({ db, clock, programme, audit, languageReviewed: (lang) => i18n.reviewed(lang) });
  const safeguarding = safeguardingService({ db, clock, config, programme, planning, accounts, audit, mailer, t: (key) => i18n.t('en', key) });
  const prizeDraw = prizeDrawService({ db, clock, programme, audit });
  const cleaning = cleaningService({ db, clock, programme, audit });
  const reports = reportService({ db, clock, programme, audit });
  const comments = commentsService({ db, clock, programme, audit });
  // Free text reaches a release only as a reviewer approved it, redacted.
  const release = releaseService({ db, clock, programme, audit, defaultK: config.releaseK, downloadDays: config.releaseDownloadDays, t: (key) => i18n.t('en', key), approvedText: (waveId) => approvedTexts(db, waveId) });
  const retention = retentionService({
    db,
    clock,
    audit,
    policy: { freeTextMonths: config.retentionFreeTextMonths, responsesMonths: config.retentionResponsesMonths },
    preserveRedactions: (waveId) => comments.preserveRedactions(waveId),
    purgeDrafts: () => survey.purgeExpiredDrafts(),
    purgeReleaseFiles: () => release.deleteExpiredFiles(),
  });
  const actions = actionsService({ db, clock, programme, audit, label: (key) => i18n.t('en', key) });
  const cycle = cycleService({ db, clock, programme, audit, plan: (actor, waveId) => actions.load(actor, waveId), measuredActions: (planId) => actions.measuredActions(planId) });
  // Paper forms are stored through the survey's recorder, and their comments screened like online ones.
  const paperEntry = paperEntryService({ db, clock, programme, audit, record: (input) => survey.recordResponse(input), screen: (responseId) => safeguarding.screenComments(responseId) });
  const paperForms = formsService({ db, clock, programme, audit, i18n });
  const paperScans = scansService({ db, clock, programme, audit, layoutOf: (id) => paperForms.findLayout(id), record: (input) => survey.recordResponse(input), screen: (responseId) => safeguarding.screenComments(responseId) });
  return { paperEntry, paperForms, paperScans, config, db, dialect, clock, i18n, programme, accounts, audit, mailer, survey, rates, participation, planning, prizeDraw, safeguarding, cleaning, reports, comments, release, retention, actions, cycle, national: nationalService({ db, clock, audit }), history: historyService({ db, clock, programme, audit }), assetVersion: process.env['npm_package_version'] ?? '1' };
}
