/** The redaction review of free-text comments: reviewers' edits and decisions, and the approved quotes reports read. */
export { commentsService, type CommentsService, type CommentList, type CommentDetail, type ListItem } from './comments.service.ts';
export { commentsRoutes } from './comments.routes.ts';
export { approvedQuotes, approvedTexts } from './comments.repository.ts';
export {
  applySpans,
  automatic,
  effective,
  hidePhrase,
  hideWords,
  restoreSpan,
  wordTokens,
  countReviews,
  CONFIRMATION,
  HIDE_TYPES,
  PLACEHOLDERS,
  type HideType,
  type ReviewCounts,
  type ReviewStatus,
  type Span,
} from './comments.ts';
