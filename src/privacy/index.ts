/** Privacy: redaction of identifying details in free text. */
export { redact, identifyingSpans, type Redaction, type RedactedSpan } from './redact.ts';
export { PLACEHOLDER, type SpanType } from './spans.ts';
