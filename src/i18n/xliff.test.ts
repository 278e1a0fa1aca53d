// XLIFF export and import: a round trip changes nothing; bad files are refused whole, with a line per problem.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueDirs } from '../services.ts';
import { exportXliff, importXliff, languageSummary, reviewedLanguages } from './catalogues.ts';
import { sourceHash, type StatusFile } from './status.ts';
import { readXliff, toXliff } from './xliff.ts';

const english = { 'a.title': 'Page {{n}} of {{total}}', 'a.body': "Don't <b>panic</b> & carry on", 'a.plain': 'Hello' };

describe('the XLIFF document', () => {
  it('round-trips sources, targets (escaped), states and untranslated units', () => {
    const xml = toXliff('cy', [
      { key: 'a.title', source: english['a.title'], target: 'Tudalen {{n}} o {{total}}', state: 'reviewed' },
      { key: 'a.body', source: english['a.body'], target: 'Paid â <b>phoeni</b> & dal ati', state: 'stale' },
      { key: 'a.plain', source: english['a.plain'], state: 'draft' },
    ]);
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="cy">');
    expect(xml).toContain('&lt;b&gt;phoeni&lt;/b&gt; &amp; dal ati');
    expect(xml).toContain('<segment state="reviewed">');
    expect(xml).toContain('<segment state="initial">');
    expect(xml).toContain('<note category="state">');
    const back = readXliff(xml, english);
    expect(back).toEqual({
      ok: true,
      lang: 'cy',
      units: [
        { key: 'a.title', target: 'Tudalen {{n}} o {{total}}', reviewed: true },
        { key: 'a.body', target: 'Paid â <b>phoeni</b> & dal ati', reviewed: false },
      ],
    });
  });

  it('reads XLIFF 1.2 too (approved="yes" is reviewed)', () => {
    const xml = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="cy" datatype="plaintext" original="x">
    <body>
      <trans-unit id="a.plain" approved="yes"><source>Hello</source><target>Helô</target></trans-unit>
    </body>
  </file>
</xliff>`;
    expect(readXliff(xml, english)).toEqual({ ok: true, lang: 'cy', units: [{ key: 'a.plain', target: 'Helô', reviewed: true }] });
  });

  it('refuses unknown keys, lost or invented variables, broken markup and stale sources, each with its line', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="cy">
  <file id="f">
    <unit id="a.title">
      <segment state="translated"><source>Page {{n}} of {{total}}</source><target>Tudalen {{n}} o {{cyfanswm}}</target></segment>
    </unit>
    <unit id="a.body">
      <segment state="translated"><source>Don't &lt;b&gt;panic&lt;/b&gt; &amp; carry on</source><target>Paid â &lt;b&gt;phoeni &amp; dal ati</target></segment>
    </unit>
    <unit id="a.nope">
      <segment><source>Nope</source><target>Na</target></segment>
    </unit>
    <unit id="a.plain">
      <segment><source>Hello there</source><target>Helô</target></segment>
    </unit>
  </file>
</xliff>`;
    const r = readXliff(xml, english);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 4, message: 'a.title: missing variable {{total}}; unknown variable {{cyfanswm}}' },
      { line: 7, message: 'a.body: broken markup (a tag is not closed, or closed in the wrong order)' },
      { line: 10, message: 'a.nope: not a key of the English catalogues' },
      { line: 13, message: 'a.plain: its source is not the current English (export the file again)' },
    ]);
  });

  it('refuses markup written as XML elements, XML that is not well formed, and the wrong languages', () => {
    const elements = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="cy"><file id="f">
<unit id="a.plain"><segment><source>Hello</source><target>Hel<pc id="1">ô</pc></target></segment></unit></file></xliff>`;
    const withElements = readXliff(elements, english);
    expect(withElements.ok ? [] : withElements.errors.map((e) => e.line)).toEqual([2]);
    expect(withElements.ok ? '' : withElements.errors[0]?.message).toMatch(/^a.plain: the target holds XML elements/);
    const broken = '<xliff version="2.0" srcLang="en" trgLang="cy">\n<file>\n<unit id="a.plain"><segment><source>Hello</source>\n</file></xliff>';
    const notXml = readXliff(broken, english);
    expect(notXml.ok ? [] : notXml.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^not well-formed XML/) as unknown]);
    expect(notXml.ok ? 0 : notXml.errors[0]?.line).toBeGreaterThan(1);
    const wrong = '<xliff version="2.0" srcLang="fr" trgLang="en"><file id="f"></file></xliff>';
    const r = readXliff(wrong, english);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['the source language must be en, not "fr"', 'the target language "en" is not a language code other than en']);
    expect(readXliff('<html></html>', english)).toMatchObject({ ok: false, errors: [{ message: 'this is not an XLIFF file (no <xliff> element)' }] });
  });
});

describe('export and import over the real catalogues (a copy)', () => {
  let src: string;
  let dirs: string[];
  beforeEach(() => {
    src = mkdtempSync(join(tmpdir(), 'brightspots-i18n-'));
    dirs = catalogueDirs.map((d, i) => {
      const to = join(src, String(i));
      mkdirSync(to, { recursive: true });
      cpSync(join(d, 'messages'), join(to, 'messages'), { recursive: true });
      return to;
    });
  });
  afterEach(() => rmSync(src, { recursive: true, force: true }));

  const files = () => dirs.flatMap((d) => ['cy.json', 'cy.status.json'].map((f) => readFileSync(join(d, 'messages', f), 'utf8')));

  it('Welsh starts all draft, so it is not offered without a switch', () => {
    const s = languageSummary(dirs, 'cy');
    expect(s.strings).toBeGreaterThan(800);
    expect(s).toMatchObject({ reviewed: 0, draft: s.strings, stale: 0, missing: 0 });
    expect(reviewedLanguages(dirs)).toEqual([]);
  });

  it('an export imported back unchanged changes nothing; reviewed by a fluent speaker, the language becomes ready', () => {
    const before = files();
    const xml = exportXliff(dirs, 'cy');
    const same = importXliff(dirs, xml, { now: '2026-06-01T09:00:00Z' });
    expect(same).toMatchObject({ ok: true, lang: 'cy', changed: 0 });
    expect(files()).toEqual(before);

    const reviewed = importXliff(dirs, xml.replaceAll('state="translated"', 'state="reviewed"'), { now: '2026-06-01T09:00:00Z', reviewedBy: 'Eleri Jones' });
    expect(reviewed.ok && reviewed.summary).toMatchObject({ reviewed: reviewed.ok ? reviewed.summary.strings : -1, draft: 0, stale: 0 });
    expect(reviewedLanguages(dirs)).toEqual(['cy']);
    const status = JSON.parse(readFileSync(join(dirs[0] ?? '', 'messages', 'cy.status.json'), 'utf8')) as StatusFile;
    expect(Object.values(status)[0]).toMatchObject({ state: 'reviewed', reviewedBy: 'Eleri Jones', reviewedAt: '2026-06-01T09:00:00Z' });

    // English changes: that string is stale, the language is no longer ready, and the next export says so.
    const enFile = join(dirs[0] ?? '', 'messages', 'en.json');
    const en = JSON.parse(readFileSync(enFile, 'utf8')) as Record<string, string>;
    const [key = ''] = Object.keys(en);
    writeFileSync(enFile, JSON.stringify({ ...en, [key]: `${en[key] ?? ''} now` }));
    expect(languageSummary(dirs, 'cy')).toMatchObject({ stale: 1 });
    expect(reviewedLanguages(dirs)).toEqual([]);
    expect(exportXliff(dirs, 'cy')).toContain('The English changed after this translation was reviewed');
    expect(sourceHash(`${en[key] ?? ''} now`)).not.toBe(status[key]?.source);
  });

  it('a file with one bad unit among good ones changes nothing at all', () => {
    const before = files();
    const xml = exportXliff(dirs, 'cy')
      .replace('<target>Cwestiynau</target>', '<target>Holiadur</target>')
      .replace('<target>Cyfeirnod: {{ref}}</target>', '<target>Cyfeirnod</target>');
    const r = importXliff(dirs, xml, { now: 't', reviewedBy: 'Eleri' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n')).toMatch(/^line \d+: error\.reference: missing variable \{\{ref\}\}$/);
    expect(files()).toEqual(before);
  });

  it('English cannot be exported as a translation', () => {
    expect(() => exportXliff(dirs, 'en')).toThrow(/source language/);
  });
});
