/**
 * Identifying details with a fixed shape, found by pattern (pure): e-mail addresses, URLs, UK phone
 * numbers, postcodes, case and reference numbers (incl. National Insurance and NHS numbers), dates,
 * street addresses, schools and social media handles.
 */
import type { Found } from './spans.ts';

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
/** Street words that are seldom anything else: matched in any case ("castle street"). */
const STREETS_PLAIN = 'road|rd|street|avenue|ave|lane|crescent|grove|terrace|gardens|mews|boulevard';
/** Street words that are also everyday words ("way", "close", "view"): only after capitalised names ("Maple Close"). */
const STREETS_TITLE = `${STREETS_PLAIN}|st|close|drive|way|court|place|walk|row|square|rise|view|hill|parade|green|vale|estate|heights|croft|fold|gate|park`;
/** School words that are seldom anything else: matched in any case ("oakfield academy"). */
const SCHOOLS_PLAIN = 'academy|primary school|primary|infants|infant school|juniors|junior school|grammar school|comprehensive|sixth form college|sixth form|high school';
const SCHOOLS_TITLE = `${SCHOOLS_PLAIN}|infant|junior|college|school|university|uni|nursery|grammar|secondary|high|prep`;
/** Words that cannot be part of a street or school name ("the street", "my school"). */
const STOP =
  'the|a|an|my|our|your|his|her|their|this|that|these|those|new|old|big|little|at|in|on|to|from|near|by|of|and|or|but|for|with|next|same|other|every|each|some|any|no|local|nearest|main|secondary|primary|high|junior|infant|i|im|go|went|going|hate|love|like|want|miss|ran|run|live|lives|moved|move|is|was|be|been|all|one|way|it|its|at|get|got|start|started|leave|left|back|after|before|down|up|round|around|across|along|about|off|over|into|out|last|first|year|years|month|day|days|week|secondary|boarding|special|sunday|summer|night|driving|dance|football|swimming|drama|art|music|forest|play|nursery';
/** A case-sensitive alternation that also accepts each word capitalised ('college' or 'College'). */
const titled = (alternation: string): string =>
  alternation
    .split('|')
    .map((alt) => alt.replace(/\b([a-z])/g, (c) => `[${c.toUpperCase()}${c}]`))
    .join('|');
const NOT_STOP = `(?!(?:${STOP})\\b)`;
const TITLE_WORD = "[A-Z][A-Za-z'’-]*";
const ANY_WORD = "[A-Za-z][A-Za-z'’-]*";
const HOUSE = String.raw`(?:\b(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?(?:\b\d+[a-z]?,?\s+)?`;

interface Detector {
  type: Found['type'];
  re: RegExp;
  /** The capture group holding the identifying value (0: the whole match). */
  group?: number;
  /** Rejects a candidate (e.g. a street name starting with "the"). */
  keep?: (value: string) => boolean;
}

const DETECTORS: readonly Detector[] = [
  { type: 'email', re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  { type: 'url', re: /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co\.uk|org\.uk|gov\.uk|ac\.uk|uk|io|me|tv|app|dev|info|biz|ly|gg|link)(?:\/[^\s<>"]*)?/gi },
  { type: 'phone', re: /(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[\s-]?\d){6,8}(?!\d)/g },
  { type: 'reference_number', re: /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi },
  { type: 'reference_number', re: /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g },
  { type: 'reference_number', re: /\b[A-Z]{1,5}[-/]?\d{3,}[A-Z0-9/-]*\b/g },
  { type: 'reference_number', re: /\b\d{5,}\b/g },
  // Letters and numbers in groups: "HN/22/04781", "TEN-448120", "13/88214/24" (a middle group of 3+ digits is no date).
  { type: 'reference_number', re: /\b[A-Z]{1,5}(?:[-/]\d+){2,}(?:[-/][A-Z0-9]+)*\b/g },
  { type: 'reference_number', re: /\b\d+[/-]\d{3,}(?:[/-]\d+)+\b/g },
  { type: 'reference_number', re: /\b(?:ref|reference|case|crime|claim|tenancy|account|application|customer|client|patient|nhs|ni|id)\s*(?:no\.?|number|num|ref|#)?\s*(?:is|:|-)?\s*([A-Za-z]*\d[A-Za-z0-9/-]{2,})/gi, group: 1 },
  { type: 'postcode', re: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/gi },
  { type: 'date', re: /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g },
  { type: 'date', re: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b(?:,?\\s+\\d{4})?`, 'gi') },
  { type: 'date', re: new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?`, 'gi') },
  { type: 'date', re: /\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b(?=\s+(?:of\s+)?(?:this|next|last)\s+month)/gi },
  { type: 'address', re: new RegExp(`${HOUSE}(?:${TITLE_WORD}\\s+){1,3}(?:${titled(STREETS_TITLE)})\\b`, 'g'), keep: (v) => !/^(?:The|My|Our|A|An|This|That|At|In|On)\b/.test(v.replace(/^[^A-Za-z]+/, '')) },
  { type: 'address', re: new RegExp(`${HOUSE}\\b(?:${NOT_STOP}${ANY_WORD}\\s+){1,2}(?:${STREETS_PLAIN})\\b`, 'gi') },
  // With a house number any street word counts, in any case: "7 heron court", "flat 2 mill view".
  { type: 'address', re: new RegExp(`(?:\\b(?:flat|apartment|apt|unit)\\s+\\d+[a-z]?,?\\s+)?\\b\\d{1,4}[a-z]?,?\\s+(?:${NOT_STOP}${ANY_WORD}\\s+){1,2}(?:${STREETS_TITLE})\\b`, 'gi') },
  { type: 'school', re: new RegExp(`\\b(?:St\\.?\\s+)?(?:${TITLE_WORD}\\s+){1,3}(?:${titled(SCHOOLS_TITLE)})\\b`, 'g'), keep: (v) => !/^(?:The|My|Our|A|An|This|That|At|In|On|I|Year)\b/.test(v) },
  { type: 'school', re: new RegExp(`\\b(?:st\\.?\\s+)?(?:${NOT_STOP}${ANY_WORD}\\s+){1,2}(?:${SCHOOLS_PLAIN})\\b`, 'gi') },
  { type: 'school', re: /\buniversity\s+of\s+(?:the\s+)?[A-Za-z]+(?:\s+[A-Z][a-z]+)?/gi },
  // Saints' schools in any case: "st aidans", "St Bede's", "st. john's".
  { type: 'school', re: /\b(?:st\.?|saint)\s+[a-z]+(?:'s|’s|s)\b(?:\s+(?:primary|juniors|infants|academy|high|college|school|rc|c of e|ce))*/gi },
  { type: 'social_handle', re: /(?<![\w.@])@[\p{L}\p{N}_.]{2,}[\p{L}\p{N}_]/gu },
  {
    type: 'social_handle',
    re: /\b(?:snap|snapchat|sc|insta|instagram|ig|tiktok|tt|twitter|discord|twitch|youtube|psn|gamertag|username|user name|handle|xbox|add me)\s*(?:name\s+)?(?:is|:|-|=|on)?\s*(?:@?)([\p{L}\p{N}_.]*[\p{N}_.][\p{L}\p{N}_.]*[\p{L}\p{N}])/giu,
    group: 1,
  },
  { type: 'social_handle', re: /\b[a-z][a-z0-9]*[._][a-z0-9._]*[0-9][a-z0-9._]*\b|\b[a-z]+[0-9]+[a-z][a-z0-9]*\b|\b[a-z]{2,}[._][a-z]*[0-9][a-z0-9]*\b/gi },
  // Any word after "my snap is", "add me on insta": "my snap is kayxoxo".
  {
    type: 'social_handle',
    re: /\b(?:snap|snapchat|insta|instagram|ig|tiktok|tt|twitter|discord|twitch|youtube|psn|gamertag|username|user name|handle|xbox|kik|telegram)\s*(?:name\s+)?(?:is|:|-|=|its|it's)\s*@?([\p{L}\p{N}_.]{3,}[\p{L}\p{N}_])/giu,
    group: 1,
    keep: (v) => !/^(?:the|my|your|his|her|their|a|an|on|off|down|private|blocked|deleted|banned|gone|dead|broken|same|new|old|called|just|not|so|and|but|fake|hacked|open|rubbish|full)$/i.test(v),
  },
  { type: 'social_handle', re: /\badd\s+me\s+on\s+(?:snap|snapchat|insta|instagram|ig|tiktok|discord|xbox|psn)\s+@?([\p{L}\p{N}_.]{3,}[\p{L}\p{N}_])/giu, group: 1, keep: (v) => !/^(?:pls|please|plz|its|it's|if|and|then|now|lol|x+)$/i.test(v) },
];

/** School and street words: a street or school needs something before them. */
const SUFFIX_ONLY = new RegExp(`^(?:${STREETS_TITLE}|${SCHOOLS_TITLE})$`, 'i');

/** Every identifying detail a pattern finds in `text` (overlaps resolved later). */
export function findPatterns(text: string): Found[] {
  const found: Found[] = [];
  for (const d of DETECTORS) {
    d.re.lastIndex = 0;
    for (const m of text.matchAll(d.re)) {
      const group = d.group ?? 0;
      let value = m[group];
      if (value === undefined || value === '') continue;
      const offset = group === 0 ? 0 : m[0].lastIndexOf(value);
      value = value.replace(/[.,;:!?)\]'’]+$/u, '');
      if (SUFFIX_ONLY.test(value.trim()) || (d.keep && !d.keep(value))) continue;
      let start = m.index + offset;
      if (d.type === 'school' || d.type === 'address') {
        // "beat Greenfields Primary": drop lower-case words before a capitalised name.
        const lead = /^(?:[a-z][\w'’-]*\s+)+(?=[A-Z])/.exec(value);
        if (lead) {
          start += lead[0].length;
          value = value.slice(lead[0].length);
        }
      }
      found.push({ type: d.type, start, end: start + value.length, source: 'pattern' });
    }
  }
  return found;
}
