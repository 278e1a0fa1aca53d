import { describe, expect, it } from 'vitest';
import type { Wave } from '../../programme/index.ts';
import { digestMessage } from './digest.ts';
import { waveRates } from './rates.ts';

const wave = {
  id: 'w1', laId: 'la-a', survey: 'ylyc', linkCode: 'ABCDEFGH', title: 'Aldermoor YLYC 2026', instruments: ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'],
  eligible: { 'ylyc-4-7': 40, 'ylyc-8-11': 120, 'ylyc-11-17': 140 }, languages: ['en'], targetRate: 0.3, status: 'open',
  opensOn: '2026-03-01', closesOn: '2026-03-31', createdAt: '2026-02-01T00:00:00.000Z', closedAt: null, prizeDraw: false,
} as Wave;
const rates = waveRates({ wave, laName: 'Aldermoor', responsesByInstrument: { 'ylyc-4-7': 4, 'ylyc-8-11': 30, 'ylyc-11-17': 16 }, daily: [{ day: '2026-03-02', responses: 50 }] }, 'email', '2026-03-05');

describe('digestMessage', () => {
  it('gives counts, rate, target, projection and the gaps, with small counts suppressed', () => {
    const { subject, text } = digestMessage({
      rates,
      recipientName: 'Sam',
      dashboardUrl: 'https://bs.example/staff/waves/w1/rates',
      gaps: [
        { label: 'no plan yet', count: 23 },
        { label: 'no trusted adult named yet', count: 4 },
      ],
    });
    expect(subject).toBe('Response rate update: Aldermoor YLYC 2026: 50 responses (17%)');
    expect(text).toContain('Hello Sam,');
    expect(text).toContain('Responses so far: 50 of 300 eligible young people (17%).');
    expect(text).toContain('Target: 30%, which is 90 responses. On track.');
    expect(text).toContain('- Ages 4 to 7: fewer than 10 of 40 eligible');
    expect(text).toContain('- Ages 11 to 17: fewer than 10 of 140 eligible'); // secondary: 50 - 30 - 4
    expect(text).toContain('Gaps in your participation tracker:\n- no plan yet: 23\n- no trusted adult named yet: fewer than 10');
    expect(text).toContain('https://bs.example/staff/waves/w1/rates');
    expect(text).toContain('You get this update because you are a survey lead for Aldermoor');
  });

  it('says nothing of gaps without a tracker, nor of age groups for a single-band survey', () => {
    const single = waveRates({ wave: { ...wave, survey: 'ylbc', instruments: ['ylbc-16-25'], eligible: { 'ylbc-16-25': 60 } }, laName: 'Aldermoor', responsesByInstrument: { 'ylbc-16-25': 6 }, daily: [] }, 'email', '2026-03-01');
    const { text } = digestMessage({ rates: single, recipientName: 'Sam', dashboardUrl: 'u', gaps: null });
    expect(text).not.toContain('Gaps');
    expect(text).not.toContain('By age group');
    expect(text).toContain('Responses so far: 6 of 60 eligible young people (10%).');
    expect(text).not.toContain('Projection:'); // the first day: too early
  });
});
