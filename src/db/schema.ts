/**
 * The Database that names every table; the tables themselves are in tables/, one file per area.
 * Columns are snake_case; ids and timestamps are text made by the app, JSON is stored as text,
 * booleans as 0/1 integers, so the same SQL runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { LocalAuthorityTable, WaveTable, DraftTable, ResponseTable, ResponseCommentTable, SubmissionTable } from './tables/survey.ts';
import type { StaffAccountTable, StaffRoleTable, RecoveryCodeTable, StaffSessionTable, OneTimeLinkTable, AuditLogTable, AppSettingTable, JobRunTable } from './tables/staff.ts';
import type { DigestSendTable, WavePlanItemTable, LaSettingsTable, LaSafeguardingContactTable, PrizeDrawTable, PrizeEntryTable, TrackerEntryTable, AccessCodeTable, AccessCodeUseTable } from './tables/participation.ts';
import type { ResponseReviewTable, ReportVersionTable, WaveSummaryTable } from './tables/reports.ts';
import type { CommentReviewTable, SafeguardingScreeningTable, SafeguardingDisclosureTable, SafeguardingNotificationTable, ReleaseRequestTable, RetentionLogTable } from './tables/privacy.ts';
import type { PaperLayoutTable, PaperSheetTable, PaperEntryTable, PaperScanFormTable, PaperScanPageTable, PaperScanCropTable } from './tables/paper.ts';
import type { ActionPlanTable, PlanActionTable, PlanActionUpdateTable, PlanKpiTable, PlanYouthPageTable, NbplusCycleTable, NbplusSessionTable, CoproductionReviewTable, ReferenceGroupTable, PracticeExampleTable } from './tables/actions.ts';

export type * from './tables/survey.ts';
export type * from './tables/staff.ts';
export type * from './tables/participation.ts';
export type * from './tables/reports.ts';
export type * from './tables/privacy.ts';
export type * from './tables/paper.ts';
export type * from './tables/actions.ts';

export interface Database {
  local_authorities: LocalAuthorityTable;
  waves: WaveTable;
  drafts: DraftTable;
  responses: ResponseTable;
  response_comments: ResponseCommentTable;
  submissions: SubmissionTable;
  staff_accounts: StaffAccountTable;
  staff_roles: StaffRoleTable;
  recovery_codes: RecoveryCodeTable;
  staff_sessions: StaffSessionTable;
  one_time_links: OneTimeLinkTable;
  audit_log: AuditLogTable;
  app_settings: AppSettingTable;
  response_reviews: ResponseReviewTable;
  report_versions: ReportVersionTable;
  release_requests: ReleaseRequestTable;
  action_plans: ActionPlanTable;
  plan_actions: PlanActionTable;
  plan_action_updates: PlanActionUpdateTable;
  plan_kpis: PlanKpiTable;
  plan_youth_pages: PlanYouthPageTable;
  nbplus_cycles: NbplusCycleTable;
  nbplus_sessions: NbplusSessionTable;
  coproduction_reviews: CoproductionReviewTable;
  reference_groups: ReferenceGroupTable;
  practice_examples: PracticeExampleTable;
  retention_log: RetentionLogTable;
  safeguarding_screenings: SafeguardingScreeningTable;
  safeguarding_disclosures: SafeguardingDisclosureTable;
  safeguarding_notifications: SafeguardingNotificationTable;
  comment_reviews: CommentReviewTable;
  wave_summaries: WaveSummaryTable;
  job_runs: JobRunTable;
  digest_sends: DigestSendTable;
  wave_plan_items: WavePlanItemTable;
  la_settings: LaSettingsTable;
  la_safeguarding_contacts: LaSafeguardingContactTable;
  prize_draws: PrizeDrawTable;
  prize_entries: PrizeEntryTable;
  tracker_entries: TrackerEntryTable;
  access_codes: AccessCodeTable;
  access_code_uses: AccessCodeUseTable;
  paper_entries: PaperEntryTable;
  paper_layouts: PaperLayoutTable;
  paper_sheets: PaperSheetTable;
  paper_scan_forms: PaperScanFormTable;
  paper_scan_pages: PaperScanPageTable;
  paper_scan_crops: PaperScanCropTable;
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
