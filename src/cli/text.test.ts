import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox, STACK } from './testing.ts';

const box = cliSandbox('text');
afterAll(() => box.remove());

const lines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('brightspots text screen', () => {
  it('writes one line per input with the flag, categories and redacted text, without a database', () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'i dont want to be here anymore, text me on 07700 900123' }),
      JSON.stringify({ id: 2, text: 'i love living with Shirley and her dog' }),
    ].join('\n');
    const r = box.cliWithInput(input, 'text', 'screen');
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual([
      { id: 'a1', flag: true, categories: ['suicidal_thoughts'], redacted: 'i dont want to be here anymore, text me on [phone]' },
      { id: 2, flag: false, categories: [], redacted: 'i love living with [name] and her dog' },
    ]);
  });

  it('reports a malformed line by id or line number, carries on, and exits 2', () => {
    const input = ['not json', JSON.stringify({ id: 'b', text: 5 }), '', JSON.stringify({ id: 'c', text: 'my carer hits the gym' })].join('\n');
    const r = box.cliWithInput(input, 'text', 'screen');
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    const out = lines(r.out);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ line: 1, error: 'not valid JSON' });
    expect(out[1]).toMatchObject({ id: 'b', line: 2 });
    expect(String(out[1]?.['error'])).toContain('text');
    expect(out[2]).toEqual({ id: 'c', flag: false, categories: [], redacted: 'my carer hits the gym' });
  });

  it('streams a large input', () => {
    const input = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? 'i cut myself' : 'i like pizza' })).join('\n');
    const r = box.cliWithInput(input, 'text', 'screen');
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out).toHaveLength(2000);
    expect(out.filter((o) => o['flag'] === true)).toHaveLength(1000);
  });
});
