/**
 * Crash safety (issue 9, docs/OPERATIONS.md): the benchmark's code (bench/crash.ts) in a short run.
 * The real server on SQLite is killed with SIGKILL three times while 20 clients walk and submit
 * surveys; failed requests are sent again once it is back. Nothing acknowledged may be lost, nothing
 * replayed stored twice, and the database must pass SQLite's integrity check.
 */
import { describe, expect, it } from 'vitest';
import { crashCycles } from '../../bench/crash.ts';

describe('crash safety: SIGKILL while young people submit', () => {
  // About 30 s on an idle 2-core machine; each restart loads the server again, slower when the machine is busy.
  it('loses no acknowledged submission, stores each replay once and keeps the database sound', async () => {
    const r = await crashCycles({ cycles: 3, clients: 20, killAfterMs: [800, 2500], seed: 7 });
    expect(r.cycles).toBe(3);
    // The kills landed on live traffic: requests failed and were sent again.
    expect(r.interruptedRequests).toBeGreaterThan(0);
    expect(r.acknowledged).toBeGreaterThan(0);
    expect(r.journeyErrors).toBe(0);
    expect(r.lost).toBe(0);
    expect(r.replayedStored).toBe(r.replayed);
    expect(r.duplicates).toBe(0);
    expect(r.keys).toBe(r.stored);
    // Every client finished its last young person, so everything stored was acknowledged.
    expect(r.stored).toBe(r.acknowledged);
    expect(r.integrity).toBe('ok');
  }, 300_000);
});
