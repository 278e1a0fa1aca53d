/** The screening categories' labels and severities, as the bundled rules file declares them (pure). */
import type { Category } from './corpus/corpus.ts';
import { bundledRulesFile, rulesFileSchema } from './rules.ts';

export interface CategoryInfo {
  id: Category;
  label: string;
  /** 1 is the most severe. */
  severity: number;
}

let cached: ReadonlyMap<Category, CategoryInfo> | undefined;

/** Every category with its label and severity. */
export function categoryInfo(): ReadonlyMap<Category, CategoryInfo> {
  cached ??= new Map(rulesFileSchema.parse(bundledRulesFile()).categories.map((c) => [c.id, { id: c.id, label: c.label, severity: c.severity }]));
  return cached;
}

/** The reviewer's words for a category (its id when the rules no longer name it). */
export const categoryLabel = (c: string): string => categoryInfo().get(c as Category)?.label ?? c;

/** The severity of the most severe of some categories (1 is the most severe); null for none. */
export function maxSeverity(categories: readonly string[]): number | null {
  const severities = categories.map((c) => categoryInfo().get(c as Category)?.severity ?? 3);
  return severities.length === 0 ? null : Math.min(...severities);
}
