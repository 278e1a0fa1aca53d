/** Nunjucks over every feature's views folder plus GOV.UK Frontend's macros. */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');
const govuk = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

/** Every folder templates are looked up in, feature views first. */
export const viewDirs = [
  join(src, 'http', 'views'),
  join(src, 'survey', 'views'),
  join(src, 'instruments', 'views'),
  join(src, 'programme', 'views'),
  join(src, 'participation', 'rates', 'views'),
  join(src, 'participation', 'views'),
  join(src, 'reports', 'cleaning', 'views'),
  join(src, 'paper', 'entry', 'views'),
  join(src, 'paper', 'verify', 'views'),
  join(src, 'safeguarding', 'views'),
  join(src, 'comments', 'views'),
  join(src, 'release', 'views'),
  join(src, 'retention', 'views'),
  join(src, 'reports', 'views'),
  join(src, 'reports', 'national', 'views'),
  join(src, 'reports', 'youth', 'views'),
  join(src, 'actions', 'views'),
  join(src, 'actions', 'cycle', 'views'),
  join(src, 'paper', 'forms', 'views'),
  govuk,
];

export function createViewEnv(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewDirs, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  return env;
}
