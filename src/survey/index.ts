/** The survey feature's public surface: the young person's journey, drafts and resume codes, submission. */
export {
  surveyService,
  type SurveyService,
  type SurveyDeps,
  type SubmittedEvent,
  type RecordInput,
  type DraftLookup,
  type PageResult,
  type ResumeResult,
} from './survey.service.ts';
export { surveyRoutes } from './survey.routes.ts';
export type { Channel } from './responses.repository.ts';
export { composeResponse, type ComposedResponse } from './response.ts';
export { instrumentForAge, agesOffered, type School } from './journey.ts';
export { formatResumeCode, parseResumeCode } from './resume-code.ts';
