/**
 * Which response counts and rates may be shown, to whom. A count of responses reveals no answer, so an
 * LA's own staff see every count of their own waves. Views that travel further (programme-wide pages,
 * emails that can be forwarded) follow UK disclosure practice: counts per age band under 10 become
 * "fewer than 10", with a second band hidden when one alone would let a reader subtract it from the
 * total. A rate is never shown when fewer than 10 are eligible, or when its count is hidden.
 */

/** Counts under this are suppressed outside the LA's own staff (ONS, UK LLC practice). */
export const DISCLOSURE_THRESHOLD = 10;

/** Who reads the figures: the LA's own staff, programme-wide staff, or an email. */
export type Audience = 'own_la' | 'programme' | 'email';

/** A count as it may be shown: the number, or why it is hidden. */
export type ShownCount = { shown: true; value: number } | { shown: false; reason: 'fewer_than_threshold' | 'secondary' };

/** One age band's figures before the rule is applied. */
export interface BandFigures {
  key: string;
  responses: number;
  eligible: number;
}

/** One age band's figures as they may be shown. */
export interface BandDisplay {
  key: string;
  responses: ShownCount;
  eligible: number;
  /** Null when fewer than 10 are eligible or the count is hidden. */
  rate: number | null;
}

/** A response rate may be shown only when at least 10 are eligible and the count itself is shown. */
export function showRate(responses: ShownCount, eligible: number): number | null {
  return responses.shown && eligible >= DISCLOSURE_THRESHOLD ? responses.value / eligible : null;
}

/**
 * Applies the rule to a breakdown by age band whose total is shown. With one band there is no
 * breakdown (the band is the total), so it is shown as the total is.
 */
export function bandDisplay(bands: readonly BandFigures[], audience: Audience): BandDisplay[] {
  const suppress = audience !== 'own_la' && bands.length > 1;
  const counts: ShownCount[] = bands.map((b) =>
    suppress && b.responses < DISCLOSURE_THRESHOLD ? { shown: false, reason: 'fewer_than_threshold' } : { shown: true, value: b.responses },
  );
  // One hidden band could be worked out as the total minus the others: hide the smallest other band too.
  if (counts.filter((c) => !c.shown).length === 1) {
    let smallest = -1;
    counts.forEach((c, i) => {
      if (c.shown && (smallest < 0 || c.value < (bands[smallest]?.responses ?? Infinity))) smallest = i;
    });
    if (smallest >= 0) counts[smallest] = { shown: false, reason: 'secondary' };
  }
  return bands.map((b, i) => {
    const responses = counts[i] ?? { shown: false, reason: 'secondary' };
    return { key: b.key, responses, eligible: b.eligible, rate: showRate(responses, b.eligible) };
  });
}

/** Words for a count as shown on a page or in an email. */
export function countText(c: ShownCount): string {
  return c.shown ? String(c.value) : `fewer than ${DISCLOSURE_THRESHOLD}`;
}

/** The rule in plain words, for the pages and emails that apply it. */
export function ruleText(audience: Audience): string {
  const rates = `A response rate is not shown for an age band with fewer than ${DISCLOSURE_THRESHOLD} eligible young people.`;
  if (audience === 'own_la') {
    return `As staff of this local authority you see every count of responses, even small ones: a count says who took part in total, never what anyone answered. Programme-wide pages and emails show counts per age band under ${DISCLOSURE_THRESHOLD} as "fewer than ${DISCLOSURE_THRESHOLD}". ${rates}`;
  }
  return `Counts of responses per age band under ${DISCLOSURE_THRESHOLD} are shown as "fewer than ${DISCLOSURE_THRESHOLD}", and when only one band is hidden the next smallest is hidden too, so that it cannot be worked out from the total. The local authority's own staff see the exact counts on its dashboard. ${rates}`;
}
