import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../safeguarding/corpus/corpus.ts';
import { redact } from './redact.ts';

describe('redaction on the tuning half (the lists and patterns were written from it)', () => {
  const items = loadCorpus('tuning');
  let gold = 0;
  let caught = 0;
  let words = 0;
  let redactedWords = 0;
  for (const item of items) {
    const { spans } = redact(item.text);
    const covered = (i: number) => spans.some((s) => s.start <= i && i < s.end);
    for (const g of item.spans) {
      gold++;
      let all = true;
      for (let i = g.start; i < g.end; i++) all &&= covered(i);
      if (all) caught++;
    }
    for (const m of item.text.matchAll(/\S+/g)) {
      const end = m.index + m[0].length;
      if (item.spans.some((g) => g.start < end && m.index < g.end)) continue;
      words++;
      if (spans.some((s) => s.start < end && m.index < s.end)) redactedWords++;
    }
  }

  it('meets the goals: span recall >= 0.95, benign words redacted <= 5%', () => {
    expect(caught / gold).toBeGreaterThanOrEqual(0.95);
    expect(redactedWords / words).toBeLessThanOrEqual(0.05);
  });
});

describe('redact', () => {
  it.each([
    ['ring me on 07700 900123 or +44 7700 900456', 'ring me on [phone] or [phone]'],
    ['email kez.b@example.com', 'email [email]'],
    ['i live at Flat 3, 27 Ashgrove Road, M14 6RL', 'i live at [address], [postcode]'],
    ['my birthday is on the 3rd of May, dob 12/03/2011', 'my birthday is on the [date], dob [date]'],
    ["i go to St Mary's Primary and then Kingsfield Academy", 'i go to [school] and then [school]'],
    ['follow @jaybird_22 and my snap is ty.r0se', 'follow [handle] and my snap is [handle]'],
    ['see www.example.net/zedplays', 'see [url]'],
    ['my case ref is 12345678 and NI QQ 12 34 56 C', 'my case ref is [reference] and NI [reference]'],
    ['i miss my nan in Wolverhampton', 'i miss my nan in [place]'],
    ['me and marley went to see Mrs Adeyemi', 'me and [name] went to see Mrs [name]'],
    ['i play fortnite with my cousin rose', 'i play fortnite with my cousin [name]'],
  ])('redacts "%s"', (text, expected) => {
    expect(redact(text).text).toBe(expected);
  });

  it.each([
    ['my sw is called bernadette and my pa tomasz', 'my sw is called [name] and my pa [name]'],
    ['miss okafor and mr hollis are my teachers', 'miss [name] and mr [name] are my teachers'],
    ['my best frend is lacey-mae', 'my best frend is [name]'],
    ['Dex from the estate keeps coming round', '[name] from the estate keeps coming round'],
    ['my nan lives in heckmondwike', 'my nan lives in [place]'],
    ['i go to st aidans then ridgeway high', 'i go to [school] then [school]'],
    ['my uni is lancaster uni', 'my uni is [school]'],
    ['my party was at Bounce Kingdom', 'my party was at [place]'],
    ['my snap is kayxoxo add me', 'my snap is [handle] add me'],
    ['my housing ref is HN/22/04781', 'my housing ref is [reference]'],
    ['crime number 13/88214/24', 'crime number [reference]'],
    ['i live at 7 heron court now', 'i live at [address] now'],
  ])('redacts names, places, schools, handles and references however they are written: "%s"', (text, expected) => {
    expect(redact(text).text).toBe(expected);
  });

  it('never takes an everyday word, an inflection or text speak after "my carer" for a name', () => {
    for (const text of ['my carer slapped me', 'my brother ses no', 'my carers dont know', 'my carer pinches me', 'my sister copys me', 'i miss home', 'me and evryone went']) {
      expect(redact(text)).toEqual({ text, spans: [] });
    }
  });

  it('keeps relationship words, subjects, festivals, brands and words that are names elsewhere', () => {
    const text = 'My mum and nan took me to McDonalds at Christmas, i hate Maths but i hope i will pass. We planted a rose bush.';
    expect(redact(text)).toEqual({ text, spans: [] });
  });

  it('returns the spans it replaced, in order, on the original text', () => {
    const text = 'text Jayden on 07700 900987';
    const r = redact(text);
    expect(r.spans).toEqual([
      { type: 'name', start: 5, end: 11 },
      { type: 'phone', start: 15, end: 27 },
    ]);
  });

  const local = fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/);
  const filler = fc.array(fc.constantFrom('hi', 'my', 'number', 'is', 'ring', 'me', 'lol', 'at', 'and', 'pls', ',', '.'), { maxLength: 6 }).map((w) => w.join(' '));
  const mobile = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.boolean(), fc.boolean()).map(([n, intl, spaced]) => {
    const digits = `7700${String(900000 + n)}`;
    const body = spaced ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;
    return intl ? `+44 ${body}` : `0${body}`;
  });
  const postcode = fc.tuple(fc.constantFrom('B', 'M', 'LS', 'SW', 'CF', 'EH'), fc.integer({ min: 1, max: 29 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('AA', 'TT', 'QX', 'RL'), fc.boolean()).map(
    ([area, district, sector, unit, lowerCase]) => {
      const p = `${area}${district} ${sector}${unit}`;
      return lowerCase ? p.toLowerCase() : p;
    },
  );

  it('never leaves an email, phone number or postcode in the output', () => {
    fc.assert(
      fc.property(filler, fc.oneof(local.map((l) => `${l}@example.com`), mobile, postcode), filler, (a, detail, b) => {
        const out = redact(`${a} ${detail} ${b}`).text;
        expect(out).not.toMatch(/@example\.com/);
        expect(out).not.toMatch(/7700\s?9\d{5}/);
        expect(out).not.toMatch(/\b[A-Z]{1,2}\d{1,2}\s?\d[A-Z]{2}\b/i);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and its spans are in order and inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { spans } = redact(text);
        let at = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(at);
          expect(s.end).toBeGreaterThan(s.start);
          at = s.end;
        }
        expect(at).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 200 },
    );
  });
});
