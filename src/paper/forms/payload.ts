/**
 * What the QR code on every page says: `BS1:<wave id>:<layout id>:<page>/<pages>:<serial>`. The wave,
 * the instrument with its version and language (inside the layout id), the page and the sheet's serial:
 * enough to match pages of one form, spot a page scanned twice and never mix forms. Nothing about the
 * young person is in it.
 */
import { CODE_ALPHABET } from '../../lib/ids.ts';
import { parseLayoutId } from './design.ts';

export interface SheetPage {
  readonly waveId: string;
  readonly layoutId: string;
  readonly page: number;
  readonly pages: number;
  readonly serial: string;
}

/** Serials are 8 characters from the platform's unambiguous code alphabet. */
export const SERIAL_LENGTH = 8;
const SERIAL = new RegExp(`^[${CODE_ALPHABET}]{${SERIAL_LENGTH}}$`);

export const isSerial = (s: string): boolean => SERIAL.test(s);

/** A serial as printed for people: two groups of four, e.g. ACD3-F7HK. */
export const printedSerial = (serial: string): string => `${serial.slice(0, 4)}-${serial.slice(4)}`;

/** The QR text of one page. */
export function encodePage(p: SheetPage): string {
  return `BS1:${p.waveId}:${p.layoutId}:${p.page}/${p.pages}:${p.serial}`;
}

/** Reads a QR text back, or null when it is not one of ours (or is damaged). */
export function decodePage(text: string): SheetPage | null {
  const parts = text.trim().split(':');
  if (parts.length !== 5 || parts[0] !== 'BS1') return null;
  const [, waveId = '', layoutId = '', pageOf = '', serial = ''] = parts;
  const m = /^(\d{1,3})\/(\d{1,3})$/.exec(pageOf);
  if (!m || !/^[A-Za-z0-9-]{1,64}$/.test(waveId) || parseLayoutId(layoutId) === null || !isSerial(serial)) return null;
  const page = Number(m[1]);
  const pages = Number(m[2]);
  if (page < 1 || page > pages) return null;
  return { waveId, layoutId, page, pages, serial };
}
