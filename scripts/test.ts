/**
 * `npm test`: the whole suite in one command. Type check, lint, unit + database + HTTP tests (both
 * engines), then the browser journeys in Chromium. Prints one closing line summing every runner:
 * "N passed, N failed, N skipped". Exits non-zero if anything failed or a runner could not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
const tmp = join(process.cwd(), '.tmp');
mkdirSync(tmp, { recursive: true });
// Tests start the command line and the server hundreds of times: Node's compile cache roughly halves
// each start. Every child inherits it; nothing of it is part of the product.
process.env['NODE_COMPILE_CACHE'] ??= join(tmp, 'node-compile-cache');

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

/** A check that is one pass or one failure (type check, lint, asset build). */
function check(name: string, cmd: string, args: string[]): void {
  console.log(`\n▶ ${name}`);
  const ok = run(cmd, args) === 0;
  if (ok) total.passed++;
  else total.failed++;
  summary.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  numTotalTests: number;
}

/** A Vitest run over a folder, counted test by test from its JSON report. */
function vitest(name: string, dir: string, extra: string[] = []): void {
  console.log(`\n▶ ${name}`);
  const out = join(tmp, `vitest-${name.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  const code = run('npx', ['vitest', 'run', dir, '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...extra]);
  if (!existsSync(out)) {
    total.failed++;
    summary.push(`${name}: FAILED to run (exit ${code})`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  // A file that fails to load counts as a failure even though it reports no tests.
  const failed = r.numFailedTests + (r.numFailedTests === 0 && r.numFailedTestSuites > 0 ? r.numFailedTestSuites : 0);
  const unexplained = code !== 0 && failed === 0 ? 1 : 0;
  total.passed += r.numPassedTests;
  total.failed += failed + unexplained;
  total.skipped += r.numPendingTests + r.numTodoTests;
  summary.push(`${name}: ${r.numPassedTests} passed, ${failed + unexplained} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  if (r.numTotalTests === 0) {
    total.failed++;
    summary.push(`${name}: ran no test`);
  }
}

const only = process.argv[2];
check('assets', 'node', ['scripts/build-assets.ts']);
if (!only || only === 'static') {
  check('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
  check('lint', 'npx', ['eslint', '.']);
  // Supply chain: every production dependency's licence against the allow-list (docs/security.md).
  check('licences', 'node', ['scripts/licences.ts']);
}
if (!only || only === 'unit') vitest('unit, database and HTTP tests', 'src');
// A journey walks a dozen pages in a real browser: on two busy cores that can pass 30 s.
if (!only || only === 'e2e') vitest('browser journeys', 'e2e', ['--maxWorkers=1', '--testTimeout=120000']);

console.log('\n' + summary.join('\n'));
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
