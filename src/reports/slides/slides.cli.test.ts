/** `brightspots report --format pptx` run as a child process over a temporary data folder with a closed wave. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '../../cli/testing.ts';
import { seedWave } from '../testing.ts';
import { FIXED_SLIDES } from './deck-content.ts';
import { openPptx } from './testing.ts';

const box = cliSandbox('slides-cli');
let waveId = '';

beforeAll(() =>
  box.seed(async (s, db) => {
    const la = await s.programme.addLa({ name: 'Deckford Council', nation: 'england', onsCode: 'E06000841' });
    waveId = (await seedWave(db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 60 }, seed: 11 })).wave.id;
  }),
);
afterAll(() => box.remove());

describe('brightspots report --format pptx', () => {
  it('writes the feedback-session deck as a PowerPoint file', () => {
    const out = join(box.dir, 'deck.pptx');
    const r = box.cli('report', '--wave', waveId, '--format', 'pptx', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('60 responses');
    const file = readFileSync(out);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const deck = openPptx(file);
    expect(deck.slides.length).toBeGreaterThanOrEqual(FIXED_SLIDES);
    expect(deck.slides[0]?.text).toContain('Deckford Council');
    // Nothing is published: the cover says it is the draft, as the command's notice does.
    expect(deck.slides[0]?.text).toContain('Draft: not published, not for sharing');
    expect(deck.slides.at(-1)?.text).toContain('How we worked this out');
  });

  it('lists pptx among the formats in its help', () => {
    expect(box.cli('report', '--help').out).toContain('pptx');
  });
});
