/**
 * Normalisation for screening: splits free text into words and reads each word the way children and
 * young people write it (text speak, phonetic spellings, stretched letters, numbers used as letters),
 * keeping every word's place in the original text so a reviewer sees what matched. Pure.
 */

/** A word of the original text with the readings screening tries; `start`/`end` index the original. */
export interface Token {
  forms: readonly string[];
  start: number;
  end: number;
}

/** How words are rewritten before matching (from the rules file). */
export interface Lexicon {
  /** A word rewritten to one or more words ("im" -> ["i", "am"]). */
  rewrite: ReadonlyMap<string, readonly string[]>;
  /** Extra readings tried alongside a word ("2" -> "to"). */
  alsoRead: ReadonlyMap<string, readonly string[]>;
  /** Correctly spelt words the English lexicon lacks ("heron"): never read as a misspelling of a pattern word. */
  spelt: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]+(?:['’*&]+[\p{L}\p{N}]+)*/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
/** A time written as one word ("3am", "11pm"): read as the number and "am"/"pm", so "till 3am" matches "till # am". */
const TIME = /^(\d{1,2})(am|pm)$/;

/** Lower case, without accents or apostrophes: the base reading of a word. */
export function baseForm(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '');
}

/** The readings of one word before rewriting: as written, stretched letters collapsed, digits read as letters. */
function readings(base: string): string[] {
  const out = [base];
  if (/(\p{L})\1\1/u.test(base)) {
    out.push(base.replace(/(\p{L})\1{2,}/gu, '$1$1'), base.replace(/(\p{L})\1{2,}/gu, '$1'));
  }
  if (/\p{L}/u.test(base) && /[0-9]/.test(base)) out.push(base.replace(/[0134357]/g, (d) => LEET[d] ?? d));
  return [...new Set(out)];
}

/** Splits text into tokens, rewriting text speak and contractions; one written word may become several tokens. */
export function tokenise(text: string, lexicon: Lexicon): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const base = baseForm(m[0]);
    const time = TIME.exec(base);
    if (time?.[1] !== undefined && time[2] !== undefined) {
      tokens.push({ forms: [time[1]], start, end }, { forms: [time[2]], start, end });
      continue;
    }
    const forms = readings(base);
    const rewritten = forms.map((f) => lexicon.rewrite.get(f)).find((r) => r !== undefined);
    if (rewritten !== undefined) {
      // "im" -> "i", "am": each new word keeps the span of the word written.
      for (const w of rewritten) tokens.push({ forms: [w, ...(lexicon.alsoRead.get(w) ?? [])], start, end });
      continue;
    }
    const extra = forms.flatMap((f) => lexicon.alsoRead.get(f) ?? []);
    tokens.push({ forms: [...new Set([...forms, ...extra])], start, end });
  }
  return tokens;
}

/** Rewrites one word of a pattern as the normaliser would read it, so rule writers may write "dont" or "do not". */
export function rewriteWord(word: string, lexicon: Lexicon): readonly string[] {
  return lexicon.rewrite.get(word) ?? [word];
}

/** Optimal string alignment distance (edits, with adjacent swaps), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** How many edits a misspelling of a word this long may have: none under 5 letters, 1 up to 9, 2 from 10. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 10 ? 1 : 2;
}
