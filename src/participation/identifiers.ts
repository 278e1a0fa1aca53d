/**
 * Spotting what must never reach the tracker: young people's names, dates of birth, addresses and
 * contact or health identifiers, in column headings and in values. Pure functions; the form and the
 * import use the same checks, so a value refused in one is refused in the other.
 */
import { FIRST_NAMES } from './first-names.ts';

/** The kinds of identifying data the checks recognise. */
export type IdentifierKind = 'personal_name' | 'date_of_birth' | 'address' | 'postcode' | 'phone' | 'email' | 'nhs_number' | 'upn' | 'national_insurance';

/** How a kind is described to staff ("this looks like ..."). */
export const IDENTIFIER_WORDS: Record<IdentifierKind, string> = {
  personal_name: "a person's name",
  date_of_birth: 'a date of birth',
  address: 'an address',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an email address',
  nhs_number: 'an NHS number',
  upn: 'a unique pupil number (UPN)',
  national_insurance: 'a National Insurance number',
};

/**
 * What a field may hold: the young person's `reference`; a `staff` name or reference (professionals'
 * names are allowed there); or other short `text` (team, role, back-up plan).
 */
export type FieldKind = 'reference' | 'staff' | 'text';

const HEADER_PATTERNS: ReadonlyArray<[RegExp, IdentifierKind]> = [
  [/\b(d ?o ?b|date of birth|birth ?date|birthday|born|age at)\b/, 'date_of_birth'],
  [/\b(nhs|chi)( ?(no|num|number))?\b/, 'nhs_number'],
  [/\b(upn|uln|unique pupil|pupil number|unique learner)\b/, 'upn'],
  [/\b(ni ?(no|number)|nino|national insurance)\b/, 'national_insurance'],
  [/\b(post ?code|zip|address|addr|street|road|house|town|city|county|location|residence)\b/, 'address'],
  [/\b(phone|telephone|tel|mobile|mob)\b/, 'phone'],
  [/\b(e ?mail)\b/, 'email'],
  [/\b(name|names|surname|forename|forenames|firstname|lastname|fullname|initials|known as|alias)\b/, 'personal_name'],
];

/** Lower-cases a heading and turns punctuation into spaces: "Date_of-Birth" -> "date of birth". */
export const normaliseHeader = (h: string): string =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The identifying kind a column heading asks for, or null ("Surname", "DOB", "Post code", "NHS no"). */
export function identifyingHeader(header: string): IdentifierKind | null {
  const h = normaliseHeader(header);
  for (const [re, kind] of HEADER_PATTERNS) if (re.test(h)) return kind;
  return null;
}

const MONTHS = 'jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?';
const DATE_PATTERNS = [
  /(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})(?!\d)/,
  /(?<!\d)\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)/,
  new RegExp(`(?<!\\d)\\d{1,2}(st|nd|rd|th)?\\s+(${MONTHS})\\.?,?\\s+\\d{2,4}(?!\\d)`, 'i'),
  new RegExp(`\\b(${MONTHS})\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}(?!\\d)`, 'i'),
];
// UK postcodes (outward code, optional space, inward code); without the space only as a whole word.
const POSTCODE = /(?<![A-Z0-9])(GIR ?0AA|[A-PR-UWYZ]([0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Z0-9])/i;
const STREET_WORDS =
  'street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|pl|grove|gardens|gdns|terrace|hill|park|square|sq|mews|row|walk|view|rise|green|parade|boulevard|wharf|yard|estate|gate';
const ADDRESS = new RegExp(`(?<![\\w])\\d{1,4}[a-z]?,?\\s+([a-z'’.-]+\\s+){0,3}(${STREET_WORDS})\\b|\\b(flat|apartment|apt)\\s+\\d+`, 'i');
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const PHONE_RUN = /(\+\s?44|(?<![\d])0)[\d\s().-]{8,16}\d/g;
const TEN_DIGITS = /(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)/g;
const UPN = /(?<![A-Z0-9])[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z](?![A-Z0-9])/i;
const NI_NUMBER = /(?<![A-Z0-9])[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![A-Z0-9])/i;

/** Whether ten digits carry a valid NHS number check digit (modulus 11). */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function hasPhone(v: string): boolean {
  for (const m of v.matchAll(PHONE_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    const national = m[0].trim().startsWith('+') ? `0${digits.slice(2)}` : digits;
    // UK numbers: 0 then 9 or 10 digits, starting 01, 02, 03, 05, 07 or 08.
    if (/^0[1-35578]\d{8,9}$/.test(national)) return true;
  }
  return false;
}

function hasNhsNumber(v: string): boolean {
  for (const m of v.matchAll(TEN_DIGITS)) if (isNhsNumber(`${m[1]}${m[2]}${m[3]}`)) return true;
  return false;
}

/** A known first name followed by a capitalised word or a possessive ("Jamie Smith", "Jamie's carer"). */
function hasFirstAndLastName(v: string): boolean {
  const words = v.split(/[^A-Za-z'’-]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const bare = w.replace(/['’]s$/, '');
    if (!FIRST_NAMES.has(bare)) continue;
    if (bare !== w) return true;
    const next = words[i + 1];
    if (next && /^[A-Z][a-z'’-]+$/.test(next)) return true;
  }
  return false;
}

/** Whether a case reference looks like a name: references carry a digit; names are words. */
function referenceLooksLikeName(v: string): boolean {
  if (!/\d/.test(v)) return true;
  return /(^|\s)[A-Z][a-z]+(\s+[A-Z][a-z'’-]+)+(\s|$)/.test(v) || hasFirstAndLastName(v);
}

/** The year of a matched date, with two-digit years read as 19xx or 20xx (whichever is nearer 2000). */
function yearOf(match: string): number {
  const years = match.match(/\d{4}|\d{2}(?!.*\d)/);
  const y = Number(years?.[0] ?? NaN);
  return y < 100 ? (y <= 50 ? 2000 + y : 1900 + y) : y;
}

/**
 * Whether a value holds a date that could be a young person's date of birth. Young people are at least
 * 4, so with `today` a date within a year of it (a meeting, a back-up date) is not one.
 */
function hasDateOfBirth(v: string, today?: string): boolean {
  const thisYear = today ? Number(today.slice(0, 4)) : undefined;
  for (const re of DATE_PATTERNS) {
    for (const m of v.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      if (thisYear === undefined || Math.abs(yearOf(m[0]) - thisYear) > 1) return true;
    }
  }
  return false;
}

/**
 * The first kind of identifying data a value seems to hold, or null. Empty values hold nothing. With
 * `today` (an ISO day), dates close to it are read as appointments rather than dates of birth.
 */
export function findIdentifier(value: string, field: FieldKind, today?: string): IdentifierKind | null {
  const v = value.trim();
  if (v === '') return null;
  if (EMAIL.test(v)) return 'email';
  if (hasDateOfBirth(v, today)) return 'date_of_birth';
  if (hasNhsNumber(v)) return 'nhs_number';
  if (UPN.test(v)) return 'upn';
  if (NI_NUMBER.test(v)) return 'national_insurance';
  if (hasPhone(v)) return 'phone';
  if (ADDRESS.test(v)) return 'address';
  if (POSTCODE.test(v)) return 'postcode';
  if (field === 'reference' && referenceLooksLikeName(v)) return 'personal_name';
  if (field === 'text' && hasFirstAndLastName(v)) return 'personal_name';
  return null;
}
