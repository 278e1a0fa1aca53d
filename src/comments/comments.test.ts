import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySpans,
  automatic,
  countReviews,
  decide,
  effective,
  HIDE_TYPES,
  hidePhrase,
  hideWords,
  PLACEHOLDERS,
  restoreSpan,
  segments,
  validSpans,
  wordTokens,
  type EditResult,
  type HideType,
  type Span,
} from './comments.ts';

const ok = (r: EditResult): Span[] => {
  if (!r.ok) throw new Error(r.problem);
  return r.spans;
};
const indexOf = (original: string, word: string): number => {
  const t = wordTokens(original).find((x) => x.text === word);
  if (t === undefined) throw new Error(`no word ${word}`);
  return t.index;
};

describe('the words a reviewer may tick', () => {
  it('are the words of the original without the punctuation around them', () => {
    const original = 'Tom\'s carer, "Sam"! is ok... 07700 900123 (really)';
    expect(wordTokens(original).map((t) => t.text)).toEqual(["Tom's", 'carer', 'Sam', 'is', 'ok', '07700', '900123', 'really']);
    for (const t of wordTokens(original)) expect(original.slice(t.start, t.end)).toBe(t.text);
  });

  it('leave out marks that are not words', () => {
    expect(wordTokens('i like it :) -- ok').map((t) => t.text)).toEqual(['i', 'like', 'it', 'ok']);
  });
});

describe('redacting more', () => {
  const original = 'my mate Kyran Blake plays for Hartley Wanderers on sundays';

  it('hides ticked words next to each other as one typed placeholder', () => {
    const spans = ok(hideWords(original, [], [indexOf(original, 'Kyran'), indexOf(original, 'Blake')], 'name'));
    expect(applySpans(original, spans)).toBe('my mate [name] plays for Hartley Wanderers on sundays');
  });

  it('hides words ticked apart as separate placeholders of the chosen type', () => {
    const spans = ok(hideWords(original, [], [indexOf(original, 'Kyran'), indexOf(original, 'Hartley'), indexOf(original, 'Wanderers')], 'detail'));
    expect(applySpans(original, spans)).toBe('my mate [detail] Blake plays for [detail] on sundays');
    expect(spans.map((s) => s.type)).toEqual(['detail', 'detail']);
  });

  it('gives every type its own placeholder', () => {
    for (const type of HIDE_TYPES) {
      const spans = ok(hideWords(original, [], [indexOf(original, 'Kyran')], type));
      expect(applySpans(original, spans)).toBe(`my mate ${PLACEHOLDERS[type]} Blake plays for Hartley Wanderers on sundays`);
    }
    expect(new Set(Object.values(PLACEHOLDERS)).size).toBe(HIDE_TYPES.length);
  });

  it('merges a new span with a hidden one it touches, under the newly chosen type', () => {
    const first = ok(hideWords(original, [], [indexOf(original, 'Kyran')], 'name'));
    const both = ok(hideWords(original, first, [indexOf(original, 'Kyran'), indexOf(original, 'Blake')], 'name'));
    expect(applySpans(original, both)).toBe('my mate [name] plays for Hartley Wanderers on sundays');
    const club = ok(hidePhrase(original, both, 'Kyran Blake plays for Hartley Wanderers', 'detail'));
    expect(applySpans(original, club)).toBe('my mate [detail] on sundays');
    expect(club).toHaveLength(1);
  });

  it('hides typed words wherever they appear, in any case and spacing, whole words only', () => {
    const text = 'Sam said sam and  SAM  were with Samuel';
    const spans = ok(hidePhrase(text, [], 'sam', 'name'));
    expect(applySpans(text, spans)).toBe('[name] said [name] and  [name]  were with Samuel');
    const two = 'we went to Moss   Side on friday and moss side again';
    expect(applySpans(two, ok(hidePhrase(two, [], 'Moss Side', 'place')))).toBe('we went to [place] on friday and [place] again');
  });

  it('refuses typed words that are not in the comment, and no ticks or no type', () => {
    expect(hidePhrase(original, [], 'Jordan', 'name')).toMatchObject({ ok: false });
    expect(hidePhrase(original, [], 'Kyr', 'name')).toMatchObject({ ok: false });
    expect(hidePhrase(original, [], '   ', 'name')).toMatchObject({ ok: false });
    expect(hideWords(original, [], [], 'name')).toMatchObject({ ok: false });
    expect(hideWords(original, [], [999], 'name')).toMatchObject({ ok: false });
    expect(hideWords(original, [], [0], 'nickname' as HideType)).toMatchObject({ ok: false });
  });
});

describe('restoring a false positive', () => {
  it('shows the words of one placeholder again and leaves the others', () => {
    const original = 'I live with Hope and Rose in Leeds';
    const spans: Span[] = [
      { type: 'name', start: 12, end: 16 },
      { type: 'name', start: 21, end: 25 },
      { type: 'place', start: 29, end: 34 },
    ];
    expect(applySpans(original, spans)).toBe('I live with [name] and [name] in [place]');
    expect(applySpans(original, ok(restoreSpan(spans, 12)))).toBe('I live with Hope and [name] in [place]');
    expect(restoreSpan(spans, 13)).toMatchObject({ ok: false });
  });
});

describe('the side-by-side view', () => {
  it('splits the original into plain and hidden pieces that join back into it', () => {
    const original = 'ring me on 07700 900123 or email kez.b@example.com ok';
    const { spans } = automatic(original);
    const parts = segments(original, spans);
    expect(parts.map((p) => p.text).join('')).toBe(original);
    expect(parts.filter((p) => p.kind === 'hidden').map((p) => (p.kind === 'hidden' ? p.placeholder : ''))).toEqual(['[phone]', '[email]']);
  });
});

/** Whether `redacted` is `original` with some disjoint parts replaced by placeholders, and nothing else. */
function onlyHides(original: string, redacted: string): boolean {
  const marks = Object.values(PLACEHOLDERS).map((p) => p.replace(/[[\]]/g, '\\$&'));
  const parts = redacted.split(new RegExp(`(${marks.join('|')})`));
  const pattern = parts.map((p, i) => (i % 2 === 1 ? '[\\s\\S]+?' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${pattern}$`).test(original);
}

describe('edits never add words', () => {
  const word = fc.stringMatching(/^[a-zA-Z0-9']{1,8}$/);
  const original = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', ', ', '. ', '\n', '! ')), { minLength: 1, maxLength: 25 }).map((ws) => ws.map(([w, sep]) => w + sep).join('').trim());
  const type = fc.constantFrom(...HIDE_TYPES);
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('words' as const), picks: fc.array(fc.nat(30), { maxLength: 6 }), type }),
    fc.record({ kind: fc.constant('phrase' as const), from: fc.nat(30), length: fc.integer({ min: 1, max: 3 }), type }),
    fc.record({ kind: fc.constant('stranger' as const), phrase: fc.stringMatching(/^[qxz]{9,12}$/), type }),
    fc.record({ kind: fc.constant('restore' as const), pick: fc.nat(10) }),
  );

  it('leaves the original with parts replaced by typed placeholders, after any sequence of edits', () => {
    fc.assert(
      fc.property(original, fc.array(edit, { maxLength: 8 }), (text, edits) => {
        let spans: Span[] = automatic(text).spans;
        const tokens = wordTokens(text);
        for (const e of edits) {
          let r: EditResult;
          if (e.kind === 'words') r = hideWords(text, spans, e.picks.filter((p) => p < tokens.length), e.type);
          else if (e.kind === 'phrase') r = hidePhrase(text, spans, tokens.slice(e.from % Math.max(1, tokens.length), (e.from % Math.max(1, tokens.length)) + e.length).map((t) => t.text).join(' '), e.type);
          else if (e.kind === 'stranger') {
            // Words that are nowhere in the comment are always refused.
            r = hidePhrase(text, spans, e.phrase, e.type);
            if (!text.toLowerCase().includes(e.phrase.toLowerCase())) expect(r.ok).toBe(false);
          } else r = restoreSpan(spans, spans[e.pick % Math.max(1, spans.length)]?.start ?? -1);
          if (r.ok) spans = r.spans;
          expect(validSpans(text, spans)).toBe(true);
          const redacted = applySpans(text, spans);
          expect(onlyHides(text, redacted)).toBe(true);
          for (const w of redacted.replace(/\[[a-z]+\]/g, ' ').split(/\s+/).filter((x) => x !== '')) expect(text).toContain(w);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('which redaction is in force', () => {
  const original = 'my social worker Precious is great';
  const review = { spans: [] as Span[], redactedText: 'kept text', edited: false, status: 'pending' as const, quote: false };

  it('follows the automatic redaction until a reviewer edits or decides, then keeps theirs', () => {
    expect(effective(original, null)).toMatchObject({ source: 'automatic', text: automatic(original).text });
    expect(effective(original, review)).toMatchObject({ source: 'automatic' });
    expect(effective(original, { ...review, edited: true })).toMatchObject({ source: 'reviewed', text: 'kept text' });
    expect(effective(original, { ...review, status: 'approved' })).toMatchObject({ source: 'reviewed', text: 'kept text' });
  });

  it('shows only the stored text once the original is gone, and nothing when none was kept', () => {
    expect(effective(null, review)).toEqual({ source: 'kept', text: 'kept text', spans: [] });
    expect(effective(null, null)).toBeNull();
  });
});

describe('decisions', () => {
  it('approve for quoting only with the confirmation', () => {
    expect(decide('quote', false)).toEqual({ ok: false, problem: 'confirm' });
    expect(decide('quote', true)).toEqual({ ok: true, status: 'approved', quote: true });
    expect(decide('approve', false)).toEqual({ ok: true, status: 'approved', quote: false });
    expect(decide('withhold', true)).toEqual({ ok: true, status: 'withheld', quote: false });
    expect(decide('publish', true)).toEqual({ ok: false, problem: 'choose' });
  });

  it('are counted by status', () => {
    expect(countReviews([{ status: 'pending', quote: false }, { status: 'approved', quote: true }, { status: 'approved', quote: false }, { status: 'withheld', quote: false }])).toEqual({ total: 4, pending: 1, approved: 2, quotes: 1, withheld: 1 });
  });
});
