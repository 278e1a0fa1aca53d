import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, tokenise } from './normalise.ts';
import { defaultRules } from './rules.ts';

const forms = (text: string) => tokenise(text, defaultRules().lexicon).map((t) => t.forms[0]);

describe('tokenise', () => {
  it('rewrites text speak and contractions, keeping each word on the span it was written', () => {
    expect(forms('im not aloud 2 go out wen its dark')).toEqual(['i', 'am', 'not', 'allowed', '2', 'go', 'out', 'when', 'its', 'dark']);
    const tokens = tokenise('dont', defaultRules().lexicon);
    expect(tokens.map((t) => [t.forms[0], t.start, t.end])).toEqual([
      ['do', 0, 4],
      ['not', 0, 4],
    ]);
  });

  it('reads a time written as one word as the number and am or pm', () => {
    expect(forms('out till 3am')).toEqual(['out', 'until', '3', 'am']);
  });

  it('collapses stretched letters and reads digits as letters', () => {
    const [word] = tokenise('sooooo k1ll', defaultRules().lexicon);
    expect(word?.forms).toContain('soo');
    expect(tokenise('k1ll', defaultRules().lexicon)[0]?.forms).toContain('kill');
  });
});

describe('spelling tolerance', () => {
  it('allows no edit under 5 letters, one up to 9 and two from 10', () => {
    expect([4, 5, 9, 10].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('becuase', 'because', 2)).toBe(1);
    expect(editDistance('scaird', 'scared', 2)).toBe(2);
  });
});
