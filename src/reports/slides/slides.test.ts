/**
 * The feedback-session deck opened as a PowerPoint file: one slide per key finding with its chart of
 * shown figures only, notes for the presenter, alt text, the footer, and a deck even with no findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFindings, type Findings, type SurveyResponse } from '../../findings/index.ts';
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId } from '../../instruments/index.ts';
import type { LocalAuthority, Wave } from '../../programme/index.ts';
import { keyFindingTexts } from '../key-findings.ts';
import { participation, type Report } from '../report.ts';
import { FIXED_SLIDES } from './deck-content.ts';
import { DISCUSSION_PROMPT } from './finding-slides.ts';
import { reportSlides } from './slides.ts';
import { chartData, openPptx, type Pptx } from './testing.ts';

const label = (key: string): string => `Label ${key.replace(/^indicator\./, '')}`;

function responses(counts: Partial<Record<InstrumentId, number>>, seed: number, outlook: number): SurveyResponse[] {
  const rng = mulberry32(seed);
  return Object.entries(counts).flatMap(([id, n]) => {
    const inst = getInstrument(id);
    if (inst === undefined) throw new Error(`no instrument ${id}`);
    return Array.from({ length: n ?? 0 }, () => ({ instrumentId: id, answers: syntheticAnswers(inst, rng, { outlook }).answers }));
  });
}

const la: LocalAuthority = { id: 'la-1', name: 'Brightwater Council', nation: 'england', onsCode: 'E06000811', createdAt: '2026-01-01T00:00:00.000Z' };
const wave = {
  id: 'wave-1', laId: la.id, survey: 'ylyc', linkCode: 'ABCD2345', title: 'Brightwater Council Your Life, Your Care 2026',
  instruments: ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'], eligible: { 'ylyc-4-7': 30, 'ylyc-8-11': 150, 'ylyc-11-17': 200 }, languages: ['en'],
  targetRate: 0.3, status: 'closed', opensOn: '2026-01-05', closesOn: '2026-02-27', createdAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-02-27T18:00:00.000Z', prizeDraw: false,
} as Wave;

// The 4-7s are too few for any percentage (6); against three other LAs pooled, the LA's 11-17s are
// more positive and its 8-11s less, so there are bright spots and areas for improvement of each kind.
const findings: Findings = computeFindings({
  survey: 'ylyc',
  la: [...responses({ 'ylyc-4-7': 6, 'ylyc-8-11': 70 }, 5, -0.6), ...responses({ 'ylyc-11-17': 90 }, 6, 0.7)],
  comparator: { responses: [30, 31, 32].flatMap((seed) => responses({ 'ylyc-4-7': 40, 'ylyc-8-11': 150, 'ylyc-11-17': 200 }, seed, 0)), authorities: 3 },
});
const report: Report = { wave, la, findings, generatedAt: '2026-03-02T10:00:00.000Z', comparatorMonths: 24, excludedResponses: 0, version: null };

/** Every percentage the engine lets a reader see: shown proportions, their intervals, published figures, response rates, the target. */
function allowedPercentages(r: Report): Set<string> {
  const out = new Set<string>();
  const add = (p: number): void => void out.add(`${Math.round(p * 100)}%`);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o['shown'] === true) for (const k of ['proportion', 'lower', 'upper']) if (typeof o[k] === 'number') add(o[k]);
      if (typeof o['figure'] === 'number' && typeof o['citation'] === 'string') add(o['figure']);
      Object.values(o).forEach(walk);
    }
  };
  walk(r.findings);
  for (const row of participation(r)) if (row.rate !== null) add(row.rate);
  add(r.wave.targetRate);
  out.add('95%'); // "95% interval"
  return out;
}

describe('the feedback-session deck', () => {
  let deck: Pptx;
  const texts = keyFindingTexts(findings, label);

  beforeAll(async () => {
    deck = openPptx(await reportSlides(report, label));
  });

  it('has the fixed slides plus one slide per bright spot and area for improvement, in order', () => {
    const bright = texts.filter((t) => t.kind === 'bright_spot');
    const worse = texts.filter((t) => t.kind === 'area_for_improvement');
    expect([bright.length, worse.length].every((n) => n > 0)).toBe(true);
    expect(deck.slides).toHaveLength(FIXED_SLIDES + bright.length + worse.length);
    expect(deck.slides[0]?.text).toContain('Brightwater Council');
    expect(deck.slides[1]?.text).toMatch(/Who took part Age group .* Ages 4 to 7 30 6 20% Below/);
    // The overview: one line each, the first six of each kind, and how many more follow.
    const overview = deck.slides[2]?.text ?? '';
    expect(overview).toContain(`Bright spots (${bright.length})`);
    expect(overview).toContain(`Areas for improvement (${worse.length})`);
    for (const t of [...bright.slice(0, 6), ...worse.slice(0, 6)]) expect(overview).toContain(t.headline);
    expect(bright.length).toBeGreaterThan(6);
    expect(overview).toContain(`and ${bright.length - 6} more on the following slides`);
    const tail = deck.slides.slice(-3).map((s) => s.text);
    expect(tail[0]).toContain('Well-being');
    expect(tail[1]).toContain('From findings to action');
    expect(tail[2]).toContain('How we worked this out');
    expect(tail[2]).toMatch(/false discoveries/);
    expect(tail[2]).toMatch(/fewer than 10 young people/);
  });

  it('titles each finding slide with its headline and charts the shown figures behind it, natively', () => {
    texts.forEach((t, i) => {
      const slide = deck.slides[3 + i];
      expect(slide?.text).toContain(t.headline);
      expect(slide?.text).toContain(t.kind === 'bright_spot' ? 'Bright spot' : 'Area for improvement');
      expect(slide?.text).toContain('What helps?');
      expect(slide?.charts).toHaveLength(1);
      const { labels, values } = chartData(slide?.charts[0] ?? '');
      expect(labels[0]).toBe('This local authority');
      // The LA's figure, as the report's detail sentence states it.
      const laPct = /^(\d+)% of the/.exec(t.detail)?.[1];
      expect(Math.round((values[0] ?? NaN) * 100)).toBe(Number(laPct));
      expect(slide?.text).toContain(`Here: ${laPct}% of the`);
      // Percent labels on the bars, distinct colours per bar, and alt text on the chart frame.
      expect(slide?.charts[0]).toContain('<c:numFmt formatCode="0%"');
      expect(slide?.xml).toMatch(/<p:cNvPr id="\d+" name="[^"]*" descr="Bar chart: /);
      if (labels.length > 1) expect(slide?.charts[0]).toContain('<c:dPt>');
    });
  });

  it('charts other LAs beside a finding against them, and the general population only where it has a figure', () => {
    const national = findings.keyFindings.findIndex((k) => k.against === 'national' && k.measure === 'positive');
    expect(national).toBeGreaterThanOrEqual(0);
    const kf = findings.keyFindings[national];
    const ind = findings.instruments.find((i) => i.instrumentId === kf?.instrumentId)?.indicators.find((i) => i.questionId === kf?.questionId);
    const { labels, values } = chartData(deck.slides[3 + national]?.charts[0] ?? '');
    expect(labels.slice(0, 2)).toEqual(['This local authority', 'Other local authorities']);
    expect(ind?.national.shown).toBe(true);
    if (ind?.national.shown === true) expect(values[1]).toBeCloseTo(Math.round(ind.national.proportion * 100) / 100, 10);
    expect(labels.includes('General population')).toBe((ind?.generalPopulation ?? []).some((g) => g.benchmark.measure === 'positive'));
  });

  it('prints no percentage the engine hid: every % on a slide, a chart or in the notes is a shown figure', () => {
    const allowed = allowedPercentages(report);
    // Number formats ("0%") are not figures.
    const xml = deck.allXml.replace(/formatCode="[^"]*"/g, '');
    const printed = new Set([...xml.matchAll(/(\d+)%/g)].map((m) => m[0]));
    expect(printed.size).toBeGreaterThan(5);
    for (const p of printed) expect(allowed, `${p} is not a shown figure`).toContain(p);
    // Chart caches hold proportions: each must be a shown figure, rounded to the whole percentage.
    for (const s of deck.slides) for (const c of s.charts) for (const v of chartData(c).values) expect(allowed).toContain(`${Math.round(v * 100)}%`);
    // The 4-7s (6 answers) appear in the well-being table without a figure.
    const wellbeing = deck.slides.at(-3)?.text ?? '';
    expect(wellbeing).toMatch(/Ages 4 to 7 .*?Under 10 answered/);
  });

  it('gives the presenter every figure, its interval and the test in the notes of each finding slide', () => {
    texts.forEach((t, i) => {
      const notes = deck.slides[3 + i]?.notes ?? '';
      expect(notes).toContain(t.headline);
      expect(notes).toMatch(/This local authority: \d+% \(95% interval \d+% to \d+%; \d+ answered\)/);
      expect(notes).toMatch(/Test: (two-proportion z-test|Fisher's exact test|exact binomial test), p [<=] [\d.]+; q [<=] [\d.]+ after Benjamini-Hochberg/);
      expect(notes).toContain(DISCUSSION_PROMPT);
    });
    expect(deck.slides[0]?.notes).toBe('');
  });

  it('puts the footer and slide numbers on the master, and leaves the action grid empty to fill in', () => {
    const layouts = deck.entries.filter((e) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(e)).map((e) => deck.read(e)).join('');
    expect(layouts).toContain('Bright Spots – Brightwater Council – Your Life, Your Care 2026');
    expect(layouts).toContain('type="sldNum"');
    const action = deck.slides.at(-2);
    expect(action?.text.replace(/\s+/g, ' ')).toBe('From findings to action Fill this in together: one row for each finding the group wants to act on. What we heard What we will do Who and by when');
    expect(action?.xml.match(/<a:tr /g)).toHaveLength(4);
  });
});

describe('a deck with no significant finding', () => {
  it('says so on the overview and still has every fixed slide', async () => {
    const quiet = openPptx(await reportSlides({ ...report, findings: { ...findings, keyFindings: [] } }, label));
    expect(quiet.slides).toHaveLength(FIXED_SLIDES);
    expect(quiet.slides[2]?.text).toContain('No indicator was significantly better or worse');
    expect(quiet.slides.every((s) => s.charts.length === 0)).toBe(true);
  });
});
