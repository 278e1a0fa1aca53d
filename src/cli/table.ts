/** Plain-text tables for the terminal: aligned columns, no colours, so output pastes cleanly into email. */

/** Formats rows under headers with columns padded to their widest cell. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A 0-1 rate as a whole percentage, or a dash when there is nothing to divide by. */
export const percent = (rate: number | null): string => (rate === null ? '-' : `${Math.round(rate * 100)}%`);
