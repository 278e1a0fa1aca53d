/**
 * How authorities are named in the national report: by name when the authority consented to be named
 * in comparisons, otherwise "Authority A", "Authority B", ... in the order of their ids (random, so the
 * letter says nothing about the name or the results), the same letter on every indicator of a report.
 */

/** An authority in the national report, as the repository hands it over. */
export interface NationalAuthority {
  readonly laId: string;
  readonly name: string;
  /** The authority consented to be named in national comparisons (la_settings.named_in_comparisons). */
  readonly named: boolean;
}

export interface AuthorityLabel {
  readonly label: string;
  readonly named: boolean;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA", 27 -> "AB", ... (as spreadsheet columns). */
export function letters(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`not a label index: ${index}`);
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Each authority's label, in the order given; anonymous letters follow the authorities' ids. */
export function anonymousLabels(authorities: readonly NationalAuthority[]): AuthorityLabel[] {
  const anonymous = authorities
    .filter((a) => !a.named)
    .map((a) => a.laId)
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const letterOf = new Map(anonymous.map((id, i) => [id, letters(i)]));
  return authorities.map((a) => (a.named ? { label: a.name, named: true } : { label: `Authority ${letterOf.get(a.laId) ?? '?'}`, named: false }));
}
