// Printed forms in Welsh come from the same catalogues, set in a font that has every Welsh letter (ŵ, ŷ).
import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../instruments/index.ts';
import { pdfMeasure, renderForms } from './draw.ts';
import { designForm } from './layout.ts';
import { collect, pdfText, wordsFor } from './testing.ts';

const WAVE = '0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a';

async function printed(lang: string): Promise<{ pdf: Buffer; layoutId: string }> {
  const instrument = getInstrument('ylyc-11-17');
  if (!instrument) throw new Error('no ylyc-11-17');
  const { words, has } = wordsFor(lang);
  const design = designForm(instrument, lang, words, has, await pdfMeasure(lang));
  const pdf = await collect(await renderForms(design, { waveId: WAVE, serials: ['ACD3F7HK'], footer: (serial, page, pages) => words('paper.footer', { serial, page, pages }) }));
  return { pdf, layoutId: design.layout.layoutId };
}

describe('a Welsh paper form', () => {
  it('prints the Welsh wording, circumflexed w included, in an embedded font; English keeps the standard fonts', async () => {
    const cy = await printed('cy');
    expect(cy.layoutId).toBe('ylyc-11-17@1.0.0.cy.L1');
    const text = pdfText(cy.pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Cwestiynau am dy fywyd');
    expect(text).toContain('Beth yw dy grŵp ethnig?');
    expect(text).toContain('Tica un blwch.');
    expect(text).toContain('Ffurflen ACD3-F7HK');
    expect(cy.pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);

    const en = await printed('en');
    expect(pdfText(en.pdf)).toContain('What is your ethnic group?');
    expect(en.pdf.toString('latin1')).not.toContain('DejaVu');
  }, 60_000);
});
