/**
 * "What you told us" as HTML: the view the templates print (the report's words with their pictures as
 * inline SVG) and one self-contained file (its own stylesheet inlined, no scripts and no requests, so it
 * opens anywhere and prints well).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createViewEnv } from '../../http/render.ts';
import type { Report } from '../report.ts';
import { coverPicture, icon, pictogram, type IconName } from './pictures.ts';
import { youthReport, type YouthItem, type YouthReport } from './youth.ts';

type Label = (key: string) => string;

const ICONS: readonly IconName[] = ['heart', 'sun', 'house', 'star', 'smile', 'hands'];

/** What the templates print: the report, each item with its pictures, and every section icon. */
export interface YouthHtmlView extends YouthReport {
  readonly cover: string;
  readonly icons: Readonly<Record<IconName, string>>;
}

const withPictures = (i: YouthItem) => ({ ...i, iconSvg: icon(i.icon, 36), picture: pictogram(i.filled, i.tone) });

/** The young people's report with its pictures drawn as SVG. */
export function youthHtmlView(y: YouthReport): YouthHtmlView {
  return {
    ...y,
    cover: coverPicture(y.coverAlt),
    icons: Object.fromEntries(ICONS.map((n) => [n, icon(n, 40)])) as Record<IconName, string>,
    findings: y.findings.map((s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, items: g.items.map(withPictures) })) })),
  };
}

let cachedCss: string | undefined;
let env: ReturnType<typeof createViewEnv> | undefined;

/** The young people's stylesheet (also served to the staff page, whose policy allows no inline styles). */
export function youthCss(): string {
  cachedCss ??= readFileSync(join(import.meta.dirname, 'youth.css'), 'utf8');
  return cachedCss;
}

/** "What you told us" as a single HTML file. */
export function youthHtmlFile(report: Report, label: Label): string {
  env ??= createViewEnv();
  return env.render('youth-file.njk', { y: youthHtmlView(youthReport(report, label)), css: youthCss().replaceAll('</style', '<\\/style'), lang: 'en-GB' });
}
