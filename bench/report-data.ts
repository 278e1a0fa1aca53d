/**
 * The national run's data: 150 LAs, each with a closed Your Life, Your Care wave (three age
 * versions) and a closed Your Life Beyond Care wave, 100,000 synthetic responses in all, in a
 * temporary SQLite database. LAs differ in size and outlook so reports have real findings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrate, type Connection } from '../src/db/index.ts';
import { systemClock } from '../src/lib/clock.ts';
import { programmeRepository, programmeService, type Wave } from '../src/programme/index.ts';
import { seedWave } from '../src/reports/testing.ts';

export const NATIONAL_LAS = 150;
export const NATIONAL_RESPONSES = 100_000;

/** How each LA's responses split across the four instruments (shares of its total). */
const SPLIT = { 'ylyc-4-7': 0.09, 'ylyc-8-11': 0.21, 'ylyc-11-17': 0.37 } as const;

export interface NationalData {
  conn: Connection;
  dataDir: string;
  waves: Wave[];
  responses: number;
  cleanup(): Promise<void>;
}

/** Seeds the national run's database; `las` and `responses` may be lowered for a quick look. */
export async function nationalData(las = NATIONAL_LAS, total = NATIONAL_RESPONSES): Promise<NationalData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-bench-national-'));
  const conn = connect({ dataDir });
  await migrate(conn.db);
  const programme = programmeService(programmeRepository(conn.db), systemClock);
  const year = Number(programme.today().slice(0, 4));
  const waves: Wave[] = [];
  let responses = 0;
  for (let i = 0; i < las; i++) {
    // Totals of 666 or 667 that sum to exactly `total`.
    const n = Math.floor((total * (i + 1)) / las) - Math.floor((total * i) / las);
    const counts = Object.fromEntries(Object.entries(SPLIT).map(([id, share]) => [id, Math.round(n * share)])) as Record<keyof typeof SPLIT, number>;
    const leavers = n - counts['ylyc-4-7'] - counts['ylyc-8-11'] - counts['ylyc-11-17'];
    const la = await programme.addLa({ name: `Bench Authority ${i + 1}`, nation: 'england', onsCode: `E0${String(6000000 + i).padStart(7, '0')}` });
    const outlook = ((i * 37) % 21) / 10 - 1;
    const dates = { opensOn: `${year}-01-05`, closesOn: `${year}-02-27` };
    waves.push((await seedWave(conn.db, programme, la, { survey: 'ylyc', responses: counts, seed: 1000 + i, outlook, ...dates })).wave);
    waves.push((await seedWave(conn.db, programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': leavers }, seed: 5000 + i, outlook, ...dates })).wave);
    responses += n;
  }
  return {
    conn,
    dataDir,
    waves,
    responses,
    async cleanup() {
      await conn.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
