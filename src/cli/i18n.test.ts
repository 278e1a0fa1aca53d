// `brightspots i18n` as a user runs it: status, export, and an import refused line by line with nothing written.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueDirs } from '../services.ts';
import { cliSandbox, root, STACK } from './testing.ts';

describe('brightspots i18n', () => {
  const sandbox = cliSandbox('i18n');
  let src: string;
  beforeAll(() => {
    // A copy of the catalogues, so the commands never write into the source tree.
    src = mkdtempSync(join(tmpdir(), 'brightspots-i18n-src-'));
    for (const d of catalogueDirs) {
      const to = join(src, relative(join(root, 'src'), d));
      mkdirSync(to, { recursive: true });
      cpSync(join(d, 'messages'), join(to, 'messages'), { recursive: true });
    }
  });
  afterAll(() => {
    sandbox.remove();
    rmSync(src, { recursive: true, force: true });
  });

  it('prints each language\'s counts; Welsh is all draft', () => {
    const r = sandbox.cli('i18n', 'status', '--src', src);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^cy\s+(\d+)\s+0\s+\1\s+0\s+0\s+no \(draft\)$/m);
  });

  it('exports XLIFF, refuses a broken import with a line per problem and changes nothing, then imports a review', () => {
    const xlf = join(sandbox.dir, 'cy.xlf');
    expect(sandbox.cli('i18n', 'export', '--lang', 'cy', '--out', xlf, '--src', src).code).toBe(0);
    const text = readFileSync(xlf, 'utf8');
    const before = readFileSync(join(src, 'http', 'messages', 'cy.json'), 'utf8');
    const bad = join(sandbox.dir, 'bad.xlf');
    writeFileSync(bad, text.replace('<target>Cyfeirnod: {{ref}}</target>', '<target>Cyfeirnod</target>').replace('<unit id="survey.title">', '<unit id="survey.titel">'));
    const refused = sandbox.cli('i18n', 'import', bad, '--src', src);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/nothing imported, 2 problems:\nline \d+: error\.reference: missing variable \{\{ref\}\}\nline \d+: survey\.titel: not a key of the English catalogues/);
    expect(refused.err).not.toMatch(STACK);
    expect(readFileSync(join(src, 'http', 'messages', 'cy.json'), 'utf8')).toBe(before);

    const reviewed = join(sandbox.dir, 'reviewed.xlf');
    writeFileSync(reviewed, text.replaceAll('state="translated"', 'state="reviewed"'));
    const ok = sandbox.cli('i18n', 'import', reviewed, '--reviewed-by', 'Eleri Jones', '--src', src);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Imported cy: \d+ strings changed\. Now (\d+) reviewed, 0 draft, 0 stale of \1\.$/m);
    expect(sandbox.cli('i18n', 'status', '--src', src).out).toMatch(/^cy .* yes$/m);
  }, 180_000); // five runs of the command: each starts Node and loads the catalogues

  it('says what is wrong with its options', () => {
    const r = sandbox.cli('i18n', 'export', '--lang', 'en', '--out', join(sandbox.dir, 'en.xlf'), '--src', src);
    expect(r.code).toBe(2);
    expect(r.err).toContain('English is the source language');
    const missing = sandbox.cli('i18n', 'import', join(sandbox.dir, 'nope.xlf'), '--src', src);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Cannot read');
  });
});
