/** docs/OPERATIONS.md documents every variable the platform reads, exactly as config.ts describes it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configReference, configVariables } from '../config.ts';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'OPERATIONS.md'), 'utf8');

/** The configuration table as OPERATIONS.md must show it, made from configReference. */
export function configTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return ['| variable | default | meaning |', '|---|---|---|', ...configReference.map((r) => `| \`${r.name}\` | ${cell(r.default)} | ${cell(r.meaning)} |`)].join('\n');
}

describe('docs/OPERATIONS.md', () => {
  it('has the configuration reference exactly as configReference gives it', () => {
    const section = /<!-- config:start -->\n([\s\S]*?)\n<!-- config:end -->/.exec(doc)?.[1];
    expect(section, 'regenerate the table between the config markers from configReference').toBe(configTable());
  });

  it('documents every environment variable config.ts reads, and nothing it does not', () => {
    expect(configReference.map((r) => r.name).sort()).toEqual([...configVariables].sort());
  });

  it('covers what an operator needs', () => {
    for (const heading of ['## Requirements', '## Configuration', '## First-run setup', '## TLS at the proxy', '## A systemd unit', '## Upgrading', '## Backups and restore', '## Retention', '## Monitoring', '## When a safeguarding email fails']) {
      expect(doc).toContain(heading);
    }
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('(docs/OPERATIONS.md)');
  });
});
