/**
 * A check on an XLSX file (a zip) before a spreadsheet library opens it: a few megabytes of upload must
 * not unpack into gigabytes. Reads the zip's central directory, and inflates every entry with a hard
 * output limit, so sizes a crafted file declares falsely are caught too.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most bytes all entries may unpack to. */
  maxInflated: number;
  maxEntries: number;
}

export type ZipCheck = { ok: true } | { ok: false; reason: 'not_a_zip' | 'too_big_unpacked' | 'too_many_entries' | 'unsupported' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Checks that a zip is well formed enough and unpacks within the limits. */
export function checkZip(buf: Buffer, limits: ZipLimits): ZipCheck {
  if (buf.length < 22) return { ok: false, reason: 'not_a_zip' };
  const end = findEndOfCentralDirectory(buf);
  if (end < 0) return { ok: false, reason: 'not_a_zip' };
  const entries = buf.readUInt16LE(end + 10);
  if (entries > limits.maxEntries) return { ok: false, reason: 'too_many_entries' };
  let p = buf.readUInt32LE(end + 16);
  let total = 0;
  try {
    for (let i = 0; i < entries; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'not_a_zip' };
      const method = buf.readUInt16LE(p + 10);
      const compressed = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const local = buf.readUInt32LE(p + 42);
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
      // Zip64 (sizes of 0xffffffff) is never needed for a tracker; refusing it keeps the check simple.
      if (compressed === 0xffffffff || size === 0xffffffff) return { ok: false, reason: 'unsupported' };
      total += size;
      if (total > limits.maxInflated) return { ok: false, reason: 'too_big_unpacked' };
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return { ok: false, reason: 'not_a_zip' };
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (start + compressed > buf.length) return { ok: false, reason: 'not_a_zip' };
      if (method === 8) {
        // Throws (RangeError) if the data unpacks to more than it declares.
        const out = inflateRawSync(buf.subarray(start, start + compressed), { maxOutputLength: Math.max(size, 1) });
        if (out.length !== size) return { ok: false, reason: 'not_a_zip' };
      } else if (method !== 0) {
        return { ok: false, reason: 'unsupported' };
      }
    }
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, reason: 'too_big_unpacked' };
    return { ok: false, reason: 'not_a_zip' };
  }
  return { ok: true };
}
