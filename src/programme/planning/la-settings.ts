/**
 * What the programme needs to know about a local authority before fieldwork: the data-sharing
 * agreement, whether it may be named in national comparisons, and who to tell about a safeguarding
 * concern (in hours and out of hours). Pure: types and form checks, no I/O.
 */
import { z } from 'zod';
import { readDate, type FormError, type FormValues } from './wave-form.ts';

/** The emergency duty team: the out-of-hours contact for a safeguarding concern. */
export interface EmergencyDutyTeam {
  name: string;
  phone: string;
  email: string | null;
}

export interface LaSettings {
  laId: string;
  /** The day the data-sharing agreement was signed; null when none is on file. */
  dsaSignedOn: string | null;
  /** False (the default): the LA is anonymised in national comparisons. */
  namedInComparisons: boolean;
  emergencyDutyTeam: EmergencyDutyTeam | null;
  /** Null until the settings are first saved. */
  updatedAt: string | null;
}

export interface SafeguardingContact {
  id: string;
  laId: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

/** An LA's settings before anyone has saved them: nothing on file, anonymised. */
export const defaultSettings = (laId: string): LaSettings => ({ laId, dsaSignedOn: null, namedInComparisons: false, emergencyDutyTeam: null, updatedAt: null });

/** At most this many in-hours safeguarding contacts per LA. */
export const MAX_CONTACTS = 10;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** A UK phone number: 10 or 11 digits (or +44 and 10), with spaces, brackets or dashes allowed. */
export function isPhone(v: string): boolean {
  if (!/^\+?[\d\s()-]+$/.test(v)) return false;
  const digits = v.replace(/\D/g, '');
  return v.startsWith('+') ? digits.length >= 11 && digits.length <= 13 : digits.length >= 10 && digits.length <= 11;
}

const PHONE_HINT = 'like 01632 960 001 or 07700 900 982';
const isEmail = (v: string): boolean => v.length <= 320 && z.email().safeParse(v).success;

export type SettingsResult = { ok: true; settings: Omit<LaSettings, 'laId' | 'updatedAt'> } | { ok: false; errors: FormError[] };

/** Checks the settings form; `today` stops an agreement being recorded as signed in the future. */
export function parseSettingsForm(values: FormValues, today: string): SettingsResult {
  const errors: FormError[] = [];
  const fail = (field: string, text: string, href = field) => errors.push({ field, text, href: `#${href}` });

  let dsaSignedOn: string | null = null;
  if (['day', 'month', 'year'].some((p) => str(values[`dsa-${p}`]) !== '')) {
    const d = readDate(values, 'dsa', 'the agreement was signed');
    if ('error' in d) fail('dsa', d.error, 'dsa-day');
    else if (d.day > today) fail('dsa', 'The date the agreement was signed must be today or in the past', 'dsa-day');
    else dsaSignedOn = d.day;
  }

  const naming = str(values['naming']);
  if (naming !== 'anonymised' && naming !== 'named') fail('naming', 'Select whether the local authority may be named in national comparisons', 'naming');

  const name = str(values['edtName']);
  const phone = str(values['edtPhone']);
  const email = str(values['edtEmail']);
  let emergencyDutyTeam: EmergencyDutyTeam | null = null;
  if (name || phone || email) {
    if (!name) fail('edtName', 'Enter the name of the emergency duty team');
    else if (name.length > 120) fail('edtName', "The team's name must be 120 characters or fewer");
    if (!phone) fail('edtPhone', "Enter the emergency duty team's phone number");
    else if (!isPhone(phone)) fail('edtPhone', `Enter a phone number, ${PHONE_HINT}`);
    if (email && !isEmail(email)) fail('edtEmail', 'Enter an email address in the correct format, like edt@council.gov.uk');
    emergencyDutyTeam = { name, phone, email: email || null };
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: { dsaSignedOn, namedInComparisons: naming === 'named', emergencyDutyTeam } };
}

export type ContactResult = { ok: true; contact: Omit<SafeguardingContact, 'id' | 'laId'> } | { ok: false; errors: FormError[] };

/** Checks the "add a safeguarding contact" form: every field is needed to reach them quickly. */
export function parseContactForm(values: FormValues): ContactResult {
  const errors: FormError[] = [];
  const fail = (field: string, text: string) => errors.push({ field, text, href: `#${field}` });
  const [name, role, email, phone] = ['contactName', 'contactRole', 'contactEmail', 'contactPhone'].map((k) => str(values[k])) as [string, string, string, string];
  if (!name) fail('contactName', "Enter the contact's name");
  else if (name.length > 120) fail('contactName', 'The name must be 120 characters or fewer');
  if (!role) fail('contactRole', "Enter the contact's role, for example Designated safeguarding manager");
  else if (role.length > 120) fail('contactRole', 'The role must be 120 characters or fewer');
  if (!email) fail('contactEmail', "Enter the contact's email address");
  else if (!isEmail(email)) fail('contactEmail', 'Enter an email address in the correct format, like name@council.gov.uk');
  if (!phone) fail('contactPhone', "Enter the contact's phone number");
  else if (!isPhone(phone)) fail('contactPhone', `Enter a phone number, ${PHONE_HINT}`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, contact: { name, role, email: email.toLowerCase(), phone } };
}

/** The settings form's values from saved settings. */
export function valuesOfSettings(s: LaSettings): FormValues {
  const [y = '', m = '', d = ''] = (s.dsaSignedOn ?? '').split('-');
  return {
    'dsa-day': d ? String(Number(d)) : '',
    'dsa-month': m ? String(Number(m)) : '',
    'dsa-year': y,
    naming: s.namedInComparisons ? 'named' : 'anonymised',
    edtName: s.emergencyDutyTeam?.name ?? '',
    edtPhone: s.emergencyDutyTeam?.phone ?? '',
    edtEmail: s.emergencyDutyTeam?.email ?? '',
  };
}
