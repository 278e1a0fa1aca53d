/**
 * Reading an instrument's structure: questions in page order, the numbered items a published length
 * counts, and the numbers a printed form shows.
 */
import type { Instrument, Question } from './types.ts';

/** The item a question belongs to (its own id unless it is a row of a grid). */
export const itemOf = (q: Question): string => q.item ?? q.id;

/** The instrument's questions in the order its pages show them; ids on no page are left out. */
export function questionsInPageOrder(instrument: Instrument): Question[] {
  const byId = new Map(instrument.questions.map((q) => [q.id, q]));
  return instrument.pages.flatMap((p) => p.questions.flatMap((id) => byId.get(id) ?? []));
}

/** The distinct numbered items the young person answers: what `publishedLength` counts. */
export function countedItems(instrument: Instrument): string[] {
  const items = instrument.questions.filter((q) => q.askedOf === 'child').map(itemOf);
  return [...new Set(items)];
}

/**
 * Printed numbers: 1, 2, 3... for the young person's items (grid rows 12a, 12b...), A1, A2... for the
 * adult's questions, which are counted apart.
 */
export function questionNumbers(instrument: Instrument): Map<string, string> {
  const out = new Map<string, string>();
  const ordered = questionsInPageOrder(instrument);
  const rows = new Map<string, number>();
  for (const q of ordered) rows.set(itemOf(q), (rows.get(itemOf(q)) ?? 0) + 1);
  let child = 0;
  let adult = 0;
  let lastItem = '';
  let row = 0;
  for (const q of ordered) {
    if (q.askedOf === 'adult') {
      out.set(q.id, `A${++adult}`);
      continue;
    }
    const item = itemOf(q);
    if (item !== lastItem) {
      child++;
      row = 0;
      lastItem = item;
    }
    const isGrid = (rows.get(item) ?? 1) > 1;
    out.set(q.id, isGrid ? `${child}${String.fromCharCode(97 + row++)}` : String(child));
  }
  return out;
}
