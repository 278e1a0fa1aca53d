/** The English words compromise knows (about 25,000 with their inflections), so correctly spelt words are never "corrected". */
import nlp from 'compromise';

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

/** Whether a lower-case word is a correctly spelt English word (so misspelling tolerance leaves it alone). */
export function isKnownWord(word: string): boolean {
  return englishLexicon().has(word);
}
