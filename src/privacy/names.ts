/**
 * People's names and places in free text (pure): compromise's tagger, versioned lists of first names
 * and UK places (data/), and context ("my cousin rose", "Mrs Adeyemi", capitalised words mid-sentence).
 * Errs towards redacting: a leaked name is worse than a redacted word.
 */
import nlp from 'compromise';
import { englishLexicon, isCommonWord } from '../safeguarding/dictionary.ts';
import { defaultRules } from '../safeguarding/rules.ts';
import firstNames from './data/first-names.json' with { type: 'json' };
import keepWords from './data/keep-words.json' with { type: 'json' };
import ukPlaces from './data/uk-places.json' with { type: 'json' };
import type { Found } from './spans.ts';

const NAMES = new Set(firstNames.names);
const WORD_NAMES = new Set(firstNames.wordNames);
const KEEP = new Set(keepWords.words);
const PLACES = new Set(ukPlaces.places);
const WORD_PLACES = new Set(ukPlaces.wordPlaces);
const PLACE_PHRASES = [...ukPlaces.phrases].sort((a, b) => b.length - a.length);
const UNIVERSITIES = [...ukPlaces.schools].sort((a, b) => b.length - a.length);

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'prof', 'professor']);
/** Words that follow a title-like word without being a name ("i miss my mum"). */
const NOT_AFTER_TITLE = new Set('my the a an you him her them it us me your his our their all so loads lots and'.split(' '));
/** Words after which a name usually follows: relationships and roles ("my cousin rose", "my PA Marcus"). */
const BEFORE_NAME = new Set(
  'brother sister bro sis cousin friend friends mate bestie bff carer carers worker sw pa iro teacher tutor mentor boyfriend girlfriend bf gf partner auntie aunty aunt uncle nan nanny nana grandad grandma son daughter baby named called neighbour keyworker advocate manager with'.split(' '),
);
/** Words after which a capitalised word is a place ("in Rhyl", "from Dudley"). */
const BEFORE_PLACE = new Set(['in', 'from', 'to', 'near', 'around', 'at', 'visit', 'visiting', 'outside', 'towards']);
/** Words after which an unknown lower-case word is a place ("moved to kirkstall", "my nan in gorton"). */
const BEFORE_PLACE_LOWER = new Set(['in', 'from', 'near', 'to', 'around', 'visiting', 'towards']);
const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person'];
/** Endings stripped to find a known word inside an inflected one ("slapped" -> "slap", "copys" -> "copy", "stinky" -> "stink"). */
const INFLECTIONS: readonly [RegExp, string][] = [
  [/ies$/, 'y'], [/ied$/, 'y'], [/ys$/, 'y'], [/es$/, ''], [/es$/, 'e'], [/s$/, ''], [/ed$/, ''], [/ed$/, 'e'], [/d$/, ''], [/([b-df-hj-np-tv-z])\1ed$/, '$1'],
  [/ing$/, ''], [/ing$/, 'e'], [/([b-df-hj-np-tv-z])\1ing$/, '$1'], [/er$/, ''], [/ers$/, ''], [/est$/, ''], [/ly$/, ''], [/y$/, ''], [/ness$/, ''], [/ment$/, ''],
];
let textSpeak: ReadonlySet<string> | undefined;

/** Whether a lower-case word is an everyday English word, an inflection of one, or text speak ("ses", "dont", "evryone"): never a name by context alone. */
export function isEverydayWord(l: string): boolean {
  const lexicon = englishLexicon();
  if (isCommonWord(l) || KEEP.has(l) || KEEP.has(l.replace(/s$/, ''))) return true;
  const tag = lexicon.get(l);
  if (tag !== undefined) return !NAME_TAGS.includes(tag);
  textSpeak ??= new Set(defaultRules().lexicon.rewrite.keys());
  if (textSpeak.has(l) || textSpeak.has(l.replace(/['’]/g, ''))) return true;
  return INFLECTIONS.some(([re, to]) => {
    if (!re.test(l)) return false;
    const stem = l.replace(re, to);
    if (stem.length < 3) return false;
    const t = lexicon.get(stem);
    return t === undefined ? isCommonWord(stem) : !NAME_TAGS.includes(t);
  });
}
/** Facilities that make the words before them a local place ("Moss Side Leisure Centre", "Hartley Wanderers"). */
const FACILITY =
  /\b(?:[A-Z][\w'’-]*\s+){1,3}(?:Leisure Centre|Sports Centre|Community Centre|Youth Centre|Youth Club|Boxing Club|Football Club|Club|Centre|Park|Hospital|Library|Stadium|FC|AFC|United|Rovers|Wanderers|Athletic|Rangers|Albion|Juniors FC|Town FC|Swifts|Tigers|Lions)\b/g;
/** compromise tags for names and places (countries are not identifying). */
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const PLACE_TAGS = ['City', 'Place', 'Region'];

interface Term {
  text: string;
  start: number;
  end: number;
  tags: readonly string[];
}

function terms(text: string): Term[] {
  // compromise's offset output: each term's text, its tags and where it starts in the original.
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number; length: number } }[] }[];
  return json.flatMap((s) => s.terms).map((t) => ({ text: t.text, start: t.offset.start, end: t.offset.start + t.offset.length, tags: t.tags }));
}

/** Words of the text with their offsets, as written (keeping internal apostrophes and hyphens). */
function wordsOf(text: string): { w: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
}

const lower = (w: string): string => w.toLowerCase().replace(/['’]s$/, '').normalize('NFKD').replace(/\p{M}/gu, '');
const isCapitalised = (w: string): boolean => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}$/u.test(w);

/** Whether position `start` begins a sentence (first word, or after . ! ? or a quote). */
function sentenceStart(text: string, start: number): boolean {
  const before = text.slice(0, start).trimEnd();
  return before === '' || /[.!?:"“(\n]$/.test(before);
}

const SCHOOL_AFTER = /^\s+(?:high school|high|academy|college|school|primary|juniors|infants|uni|university|grammar)\b/i;
const FACILITY_AFTER = /^\s+(?:leisure centre|sports centre|community centre|youth club|lake|park|reservoir|woods|centre|club|hospital|library|stadium|fc|rangers|united|rovers|athletic|estate)\b/i;

/**
 * A name, place or unknown word followed by a school or facility word is a school or local place, in any case:
 * "ridgeway high", "lancaster uni", "hollingworth lake".
 */
function withFacility(text: string, found: readonly Found[], ws: readonly { w: string; start: number; end: number }[]): Found[] {
  const starts = [
    ...found.filter((f) => f.type === 'name' || f.type === 'place').map((f) => ({ start: f.start, end: f.end })),
    ...ws.filter(({ w }) => w.length >= 4 && /^\p{L}+$/u.test(w) && !KEEP.has(lower(w)) && !isEverydayWord(lower(w))).map(({ start, end }) => ({ start, end })),
  ];
  const out: Found[] = [];
  for (const { start, end } of starts) {
    const rest = text.slice(end);
    const school = SCHOOL_AFTER.exec(rest);
    if (school) out.push({ type: 'school', start, end: end + school[0].length, source: 'context' });
    const facility = FACILITY_AFTER.exec(rest);
    if (facility) out.push({ type: 'place', start, end: end + facility[0].length, source: 'context' });
  }
  return out;
}

/** Names and places found by lists, context and compromise. */
export function findNamesAndPlaces(text: string): Found[] {
  const found: Found[] = [];
  const lexicon = englishLexicon();
  const low = text.toLowerCase();
  for (const list of [{ items: PLACE_PHRASES, type: 'place' as const }, { items: UNIVERSITIES, type: 'school' as const }]) {
    for (const phrase of list.items) {
      for (const m of low.matchAll(new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'))) {
        found.push({ type: list.type, start: m.index, end: m.index + phrase.length, source: 'list' });
      }
    }
  }
  for (const m of text.matchAll(FACILITY)) found.push({ type: 'place', start: m.index, end: m.index + m[0].length, source: 'pattern' });

  const ws = wordsOf(text);
  ws.forEach(({ w, start, end }, i) => {
    const l = lower(w);
    if (KEEP.has(l) || l.length < 2) return;
    const prev = i > 0 ? lower(ws[i - 1]?.w ?? '') : '';
    const cap = isCapitalised(w) && !/^\p{Lu}{2,}$/u.test(w);
    const midSentence = !sentenceStart(text, start);
    const tag = lexicon.get(l);
    const everyday = isEverydayWord(l);
    const push = (type: Found['type'], source: Found['source']) => found.push({ type, start, end, source });
    // "Mrs Adeyemi", "mr hollis"; after "miss" only a capitalised, listed or unknown word ("i miss home" keeps "home").
    if (TITLES.has(prev) && !NOT_AFTER_TITLE.has(l) && (prev !== 'miss' || isCapitalised(ws[i - 1]?.w ?? '') || cap || NAMES.has(l) || !everyday)) return push('name', 'context');
    if (PLACES.has(l) || (WORD_PLACES.has(l) && cap && midSentence)) return push('place', 'list');
    if (NAMES.has(l)) return push('name', 'list');
    if (WORD_NAMES.has(l) && ((cap && midSentence) || BEFORE_NAME.has(prev))) return push('name', 'list');
    // An unknown word after a relationship word or "me and" ("my mate kyran", "me and kez").
    if (!everyday && !cap && (BEFORE_NAME.has(prev) || prev === 'and') && /^\p{Ll}+$/u.test(w)) return push('name', 'context');
    // An unknown word after "in", "from", "moved to"...: a place ("my nan in gorton").
    if (!everyday && !cap && BEFORE_PLACE_LOWER.has(prev) && /^\p{Ll}{4,}$/u.test(w)) return push('place', 'context');
    if (!cap) return;
    // A capitalised unknown word starting a sentence is most often a name ("Dex from the estate...").
    if (!midSentence) {
      if (!everyday && tag === undefined && l.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(w)) push('name', 'context');
      return;
    }
    // A capitalised word mid-sentence that is not a known everyday word: a name or place.
    if (!everyday || ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'City', 'Place', 'Region', 'ProperNoun', 'Singular'].includes(tag ?? '')) {
      push(BEFORE_PLACE.has(prev) ? 'place' : 'name', 'context');
    }
  });

  found.push(...withFacility(text, found, ws));

  for (const t of terms(text)) {
    const l = lower(t.text.replace(/[^\p{L}'’-]/gu, ''));
    if (l === '' || KEEP.has(l) || TITLES.has(l) || BEFORE_NAME.has(l)) continue;
    const span = { start: t.start, end: t.start + t.text.replace(/[^\p{L}'’-]+$/u, '').length };
    // compromise guesses names in lower case too ("drew a picture"): trust it only for capitalised words or listed names.
    if (!isCapitalised(t.text) && !NAMES.has(l)) continue;
    if (t.tags.some((x) => PERSON_TAGS.includes(x)) && !t.tags.includes('Pronoun')) found.push({ type: 'name', ...span, source: 'nlp' });
    else if (t.tags.some((x) => PLACE_TAGS.includes(x)) && !t.tags.includes('Country')) found.push({ type: 'place', ...span, source: 'nlp' });
  }
  return found;
}
