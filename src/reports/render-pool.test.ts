/** The render pool draws on worker threads exactly what the main thread draws. */
import { describe, expect, it } from 'vitest';
import { fixtureReport, label } from './charts/fixture.ts';
import { drawEach, renderPool } from './render-pool.ts';
import { renderReportFile } from './report-formats.ts';
import type { Report } from './report.ts';

describe('the render pool', () => {
  it('draws reports on two workers as the main thread does, in any order, and fails a bad job without hanging', async () => {
    const pool = renderPool(2);
    try {
      const report = fixtureReport({ previous: true });
      const [json, html, again] = await Promise.all([pool.render(report, 'json'), pool.render(report, 'html'), pool.render(report, 'json')]);
      expect(json).toBe(await renderReportFile(report, 'json', label));
      expect(again).toBe(json);
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('class="bs-chart" role="img"');
      expect(pool.pending).toBe(0);
      await expect(pool.render({} as Report, 'html')).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });

  it('draws every report of a run once, and throws the first failure after the others finish', async () => {
    const report = fixtureReport();
    async function* run(bad: boolean): AsyncGenerator<Report> {
      for (let i = 0; i < 6; i++) yield i === 3 && bad ? ({} as Report) : report;
    }
    const bodies: (string | Buffer)[] = [];
    expect(await drawEach(run(false), 'json', (_r, body) => bodies.push(body))).toBe(6);
    expect(new Set(bodies).size).toBe(1);
    await expect(drawEach(run(true), 'html', () => undefined)).rejects.toThrow();
  });
});
