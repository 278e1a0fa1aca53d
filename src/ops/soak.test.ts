/**
 * Soak (issue 9, docs/OPERATIONS.md): the benchmark's code (bench/soak.ts) in a short run. The real
 * server on SQLite takes 50 complete submissions a second for 15 s while two staff users load the wave
 * dashboard, live fieldwork and a report page; the figures the full 10-minute run prints must all be
 * produced, with no error, and every acknowledged submission stored once.
 */
import { describe, expect, it } from 'vitest';
import { slopePerMinute, soakRun } from '../../bench/soak.ts';

describe('soak: submissions at a steady rate with staff pages in use', () => {
  it('draws a line through memory samples in MB per minute', () => {
    expect(slopePerMinute([[0, 100], [60, 100], [120, 100]])).toBe(0);
    expect(slopePerMinute([[0, 100], [30, 101], [60, 102]])).toBeCloseTo(2, 10);
    expect(slopePerMinute([[10, 5]])).toBe(0);
  });

  // About 30 s on an idle 2-core machine, most of it starting the server and writing the drafts.
  it('produces the rate, errors, latency per minute and memory over time, with no error', async () => {
    const r = await soakRun({ engine: 'sqlite', seconds: 15, rate: 50, staffUsers: 2, staffPauseMs: 500, sampleEveryMs: 3000 });
    expect(r.unsent).toBe(0);
    expect(r.sent).toBe(750);
    expect(r.errors).toBe(0);
    expect(r.errorRate).toBe(0);
    expect(r.acknowledged).toBe(750);
    expect(r.stored).toBe(r.acknowledged);
    // Paced by the clock, never above the target; how close to it depends on how busy the machine is,
    // so the bench reports that figure and the test only requires it measured.
    expect(r.achievedRate).toBeGreaterThan(0);
    expect(r.achievedRate).toBeLessThanOrEqual(50.5);
    expect(r.p99Ms).toBeGreaterThan(0);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    expect(r.perMinute).toHaveLength(1);
    expect(r.perMinute[0]?.submissions).toBe(750);
    // Each staff user loaded pages during the run (how many depends on how busy the machine is).
    expect(r.staff.pages).toBeGreaterThanOrEqual(2);
    expect(r.staff.errors).toBe(0);
    expect(r.samples.length).toBe(5);
    for (const s of r.samples) {
      expect(s.rssMb).toBeGreaterThan(20);
      expect(s.rssAnonMb).toBeGreaterThan(0);
    }
    // The windows cover the run: every submission due before the last sample is in one.
    expect(r.samples.reduce((a, s) => a + s.submissions, 0)).toBe(750);
    expect(r.rss.startMb).toBeGreaterThan(0);
    expect(r.rss.middleMb).toBeGreaterThan(0);
    expect(r.rss.endMb).toBeGreaterThan(0);
    expect(Number.isFinite(r.rss.slopeMbPerMinute)).toBe(true);
  }, 240_000);
});
