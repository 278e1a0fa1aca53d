/** The `brightspots` command run as a child process, as people run it, over a temporary data folder. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox, root, STACK } from './testing.ts';

const box = cliSandbox('cli');
const { cli } = box;
afterAll(() => box.remove());

describe('brightspots CLI', () => {
  let waveId = '';
  let linkCode = '';

  it('adds and lists local authorities', () => {
    const added = cli('la', 'add', '--name', 'Northmere Borough Council', '--nation', 'england', '--ons-code', 'e06000991');
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Added Northmere Borough Council (England, E06000991)');
    const list = cli('la', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/Northmere Borough Council\s+England\s+E06000991/);
  });

  it('refuses a bad ONS code with exit code 2, naming the option and without a stack trace', () => {
    const r = cli('la', 'add', '--name', 'Kelderby County Council', '--nation', 'england', '--ons-code', 'X123');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--ons-code');
    expect(r.err).toContain('ONS area code');
    expect(r.err).not.toMatch(STACK);
    expect(r.out).toBe('');
  });

  it('refuses a duplicate name, an unknown nation and a missing option with exit code 2', () => {
    const dup = cli('la', 'add', '--name', 'Northmere Borough Council', '--nation', 'england', '--ons-code', 'E06000991');
    expect([dup.code, dup.err.includes('exists')]).toEqual([2, true]);
    const nation = cli('la', 'add', '--name', 'Kelderby County Council', '--nation', 'france', '--ons-code', 'E10000991');
    expect([nation.code, nation.err.includes('--nation')]).toEqual([2, true]);
    const missing = cli('la', 'add', '--name', 'Kelderby County Council');
    expect([missing.code, missing.err.includes('--nation')]).toEqual([2, true]);
    for (const r of [dup, nation, missing]) expect(r.err).not.toMatch(STACK);
  });

  it('opens a wave and prints its id and survey link', () => {
    const r = cli('wave', 'open', '--la', 'Northmere Borough Council', '--survey', 'ylyc', '--opens', '2026-03-02', '--closes', '2026-04-30',
      '--eligible', 'ylyc-4-7=40,ylyc-8-11=60,ylyc-11-17=120', '--target', '35%');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    waveId = /wave ([0-9a-f-]{36})/.exec(r.out)?.[1] ?? '';
    linkCode = /Survey link: https:\/\/brightspots\.example\/s\/([A-Z0-9]{8})$/m.exec(r.out)?.[1] ?? '';
    expect(waveId).not.toBe('');
    expect(linkCode).not.toBe('');
    expect(r.out).toContain('target 35% of 220 eligible');
  });

  it('refuses wave input a user can fix, one line per problem', () => {
    const base = ['wave', 'open', '--la', 'Northmere Borough Council', '--survey', 'ylbc'];
    const dates = cli(...base, '--opens', '2026-05-01', '--closes', '2026-04-01', '--eligible', 'ylbc-16-25=90');
    expect([dates.code, dates.err]).toEqual([2, expect.stringContaining('--closes') as unknown]);
    const wrongInstrument = cli(...base, '--opens', '2026-04-01', '--closes', '2026-05-01', '--eligible', 'ylyc-8-11=90');
    expect([wrongInstrument.code, wrongInstrument.err]).toEqual([2, expect.stringContaining('--eligible') as unknown]);
    const badCount = cli(...base, '--opens', '2026-04-01', '--closes', '2026-05-01', '--eligible', 'ylbc-16-25=lots');
    expect(badCount.code).toBe(2);
    const badDate = cli(...base, '--opens', '2026-02-30', '--closes', '2026-05-01', '--eligible', 'ylbc-16-25=9');
    expect([badDate.code, badDate.err]).toEqual([2, expect.stringContaining('YYYY-MM-DD') as unknown]);
    const noLa = cli('wave', 'open', '--la', 'Nowhere', '--survey', 'ylbc', '--opens', '2026-04-01', '--closes', '2026-05-01', '--eligible', 'ylbc-16-25=9');
    expect([noLa.code, noLa.err]).toEqual([2, expect.stringContaining('Nowhere') as unknown]);
    for (const r of [dates, wrongInstrument, badCount, badDate, noLa]) expect(r.err).not.toMatch(STACK);
  });

  it('lists waves as a table and as JSON', () => {
    const table = cli('wave', 'list', '--la', 'Northmere Borough Council');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Northmere Borough Council\s+YLYC\s+open\s+2026-03-02\s+2026-04-30\s+0 \/ 220\s+0% \(target 35%\)/);
    expect(table.out).toContain(`https://brightspots.example/s/${linkCode}`);
    const json = JSON.parse(cli('wave', 'list', '--json').out) as { id: string; surveyLink: string; responseRate: number }[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: waveId, surveyLink: `https://brightspots.example/s/${linkCode}`, responseRate: 0 });
  });

  it('closes a wave by its link code and sets a status by id', () => {
    const closed = cli('wave', 'close', linkCode.toLowerCase());
    expect(closed.code).toBe(0);
    expect(closed.out).toContain('is now closed');
    expect(cli('wave', 'close', linkCode).out).toContain('was already closed');
    const reported = cli('wave', 'status', waveId, 'reported');
    expect([reported.code, reported.out]).toEqual([0, expect.stringContaining('closed -> reported') as unknown]);
    const json = JSON.parse(cli('wave', 'list', '--json').out) as { status: string }[];
    expect(json[0]?.status).toBe('reported');
    expect(cli('wave', 'status', waveId, 'finished').code).toBe(2);
    const unknown = cli('wave', 'close', 'NOPE1234');
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('NOPE1234') as unknown]);
  });

  it('shows help with examples, also through bin/brightspots.js', () => {
    const help = cli('wave', 'open', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Examples:');
    const bin = spawnSync(process.execPath, [join(root, 'bin', 'brightspots.js'), '--help'], { cwd: root, env: box.env(), encoding: 'utf8' });
    expect(bin.status).toBe(0);
    expect(bin.stdout).toContain('brightspots demo');
    expect(cli('no-such-command').code).toBe(2);
  });
});
