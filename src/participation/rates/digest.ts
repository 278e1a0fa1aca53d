/**
 * The twice-weekly update to an LA survey lead, as plain text. Pure. An email can be forwarded, so it
 * follows the disclosure rule for emails: counts per age band under 10 read "fewer than 10".
 */
import { DISCLOSURE_THRESHOLD, countText, type ShownCount } from './disclosure.ts';
import { longDate, OUTLOOK_TEXT, percent, PROJECTION_METHOD, type WaveRates } from './rates.ts';

/** One line of the participation tracker's gaps, e.g. "no trusted adult named yet": 12. */
export interface TrackerGap {
  label: string;
  count: number;
}

/**
 * The hook the participation tracker fills in (services.ts passes `participation.digestGaps`): its gaps
 * for a wave as counts, or null when the wave has no tracker, and the email then says nothing of gaps.
 */
export type TrackerGapsHook = (waveId: string) => Promise<TrackerGap[] | null>;

export interface DigestInput {
  rates: WaveRates;
  recipientName: string;
  dashboardUrl: string;
  gaps: TrackerGap[] | null;
}

const fixed1 = (n: number) => (Math.round(n * 10) / 10).toString();

const gapCount = (n: number): ShownCount => (n < DISCLOSURE_THRESHOLD ? { shown: false, reason: 'fewer_than_threshold' } : { shown: true, value: n });

/** Composes one update email's subject and text. */
export function digestMessage({ rates: r, recipientName, dashboardUrl, gaps }: DigestInput): { subject: string; text: string } {
  const p = r.projection;
  const rateWords = r.rate === null ? '' : ` (${percent(r.rate)})`;
  const lines = [
    `Hello ${recipientName},`,
    '',
    `Here is the response-rate update for ${r.wave.title}, on ${longDate(r.today)}.`,
    '',
    `Responses so far: ${r.responses} of ${r.eligible} eligible young people${rateWords}.`,
    `Target: ${percent(r.wave.targetRate)}, which is ${r.target} responses. ${OUTLOOK_TEXT[r.outlook]}.`,
    `Days left: ${p.daysLeft} (the survey closes at the end of ${longDate(r.wave.closesOn)}).`,
  ];
  if (p.pacePerDay !== null) lines.push(`Recent pace: ${fixed1(p.pacePerDay)} responses a day over the last ${p.paceDays} full days.`);
  if (p.projected !== null && p.phase === 'in_fieldwork') {
    lines.push(`Projection: about ${p.projected} responses${r.projectedRate === null ? '' : ` (${percent(r.projectedRate)})`} by the close date if that pace continues.`);
  }
  if (r.neededPerDay > 0) lines.push(`To reach the target: ${r.target - r.responses} more responses, about ${fixed1(r.neededPerDay)} a day.`);
  if (r.bands.length > 1) {
    lines.push('', 'By age group:');
    for (const b of r.bands) lines.push(`- ${b.label}: ${countText(b.responses)} of ${b.eligible} eligible${b.rate === null ? '' : ` (${percent(b.rate)})`}`);
  }
  if (gaps && gaps.length > 0) {
    lines.push('', 'Gaps in your participation tracker:');
    for (const g of gaps) lines.push(`- ${g.label}: ${countText(gapCount(g.count))}`);
  }
  lines.push(
    '',
    `How the projection works: ${PROJECTION_METHOD}`,
    `Counts under ${DISCLOSURE_THRESHOLD} per age group are given as "fewer than ${DISCLOSURE_THRESHOLD}" in emails, because emails can be forwarded. Your dashboard shows the exact counts to your local authority's staff:`,
    dashboardUrl,
    '',
    `You get this update because you are a survey lead for ${r.laName} on Bright Spots.`,
  );
  return { subject: `Response rate update: ${r.wave.title}: ${r.responses} responses${rateWords}`, text: lines.join('\n') };
}
