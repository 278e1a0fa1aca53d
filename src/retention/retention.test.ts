/** Retention periods as pure rules, and their configuration. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { addMonths, closedOn, dueForRetention, hasExpired, type ClosedWave } from './retention.ts';

const wave = (id: string, closedAt: string | null, closesOn = '2020-01-31', status = 'closed'): ClosedWave => ({ id, laId: 'la', status, closedAt, closesOn });

describe('retention periods', () => {
  it('count calendar months from the day the wave closed, or the end of fieldwork when never closed by hand', () => {
    expect(addMonths('2024-03-02', 24)).toBe('2026-03-02');
    expect(addMonths('2019-01-15', 84)).toBe('2026-01-15');
    expect(closedOn(wave('a', '2024-03-02T16:00:00.000Z'))).toBe('2024-03-02');
    expect(closedOn(wave('a', null, '2024-02-28'))).toBe('2024-02-28');
  });

  it('end on the day they reach, and never for a wave still open or planned', () => {
    expect(hasExpired(wave('a', '2024-03-02T16:00:00.000Z'), 24, '2026-03-01')).toBe(false);
    expect(hasExpired(wave('a', '2024-03-02T16:00:00.000Z'), 24, '2026-03-02')).toBe(true);
    expect(hasExpired(wave('a', '2024-03-02T16:00:00.000Z', '2024-03-01', 'reported'), 24, '2026-03-02')).toBe(true);
    expect(hasExpired(wave('a', null, '2010-01-01', 'open'), 24, '2026-03-02')).toBe(false);
  });

  it('send a wave past both periods to response deletion only, and one past the first to free text', () => {
    const old = wave('old', '2018-06-01T10:00:00.000Z');
    const mid = wave('mid', '2023-06-01T10:00:00.000Z');
    const recent = wave('recent', '2025-06-01T10:00:00.000Z');
    const due = dueForRetention([old, mid, recent], { freeTextMonths: 24, responsesMonths: 84 }, '2026-03-02');
    expect(due.responses.map((w) => w.id)).toEqual(['old']);
    expect(due.freeText.map((w) => w.id)).toEqual(['mid']);
  });
});

describe('release and retention configuration', () => {
  it('defaults to k of 10, 14 days to download, 24 months for free text and 7 years for responses', () => {
    expect(loadConfig({})).toMatchObject({ releaseK: 10, releaseDownloadDays: 14, retentionFreeTextMonths: 24, retentionResponsesMonths: 84 });
    expect(loadConfig({ RELEASE_K: '5', RETENTION_FREE_TEXT_MONTHS: '12' })).toMatchObject({ releaseK: 5, retentionFreeTextMonths: 12 });
  });

  it('refuses a k below 5 and periods that are not whole positive numbers', () => {
    expect(() => loadConfig({ RELEASE_K: '4' })).toThrow(/RELEASE_K: must be at least 5/);
    expect(() => loadConfig({ RETENTION_RESPONSES_MONTHS: '0' })).toThrow(/RETENTION_RESPONSES_MONTHS/);
    expect(() => loadConfig({ RELEASE_DOWNLOAD_DAYS: 'soon' })).toThrow(/RELEASE_DOWNLOAD_DAYS/);
  });
});
