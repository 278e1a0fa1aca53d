import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkZip } from './zip-guard.ts';
import { readUpload, writeXlsx } from './spreadsheet.ts';

/** A one-entry zip whose directory may declare a size other than the real one. */
function zipOf(data: Buffer, declaredSize = data.length): Buffer {
  const packed = deflateRawSync(data);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const dirStart = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirStart, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

const limits = { maxInflated: 1024 * 1024, maxEntries: 10 };

describe('the zip guard', () => {
  it('passes a real workbook', async () => {
    expect(checkZip(await writeXlsx([['reference'], ['CS-1']], 'Tracker'), { maxInflated: 100e6, maxEntries: 500 })).toEqual({ ok: true });
  });

  it('refuses a zip that declares or holds more than the limit', () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    expect(checkZip(zipOf(zeros), limits)).toEqual({ ok: false, reason: 'too_big_unpacked' });
    // Lying about its size does not help: the entry is inflated with a hard output limit.
    expect(checkZip(zipOf(zeros, 100), limits)).toEqual({ ok: false, reason: 'too_big_unpacked' });
    expect(checkZip(zipOf(Buffer.from('small')), limits)).toEqual({ ok: true });
  });

  it('refuses truncated and garbled zips as not a zip', () => {
    const good = zipOf(Buffer.from('hello world'));
    expect(checkZip(good.subarray(0, good.length - 5), limits).ok).toBe(false);
    const garbled = Buffer.from(good);
    garbled.fill(0x41, 30 + 24, 30 + 24 + 4);
    expect(checkZip(garbled, limits).ok).toBe(false);
  });

  it('turns a zip bomb upload into a clear refusal', async () => {
    const r = await readUpload(zipOf(Buffer.alloc(120 * 1024 * 1024)));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/unpacks to far more data/) as unknown });
  });
});
