import { Inflate } from 'fflate';

import type { ZipEntry } from './zipDirectory';

/**
 * The bytes of one entry, held to the size the central directory declares: inflating stops as
 * soon as the output would pass it, so a header that lies about the size costs at most the
 * declared size plus what one small input chunk can inflate to. Null when the data do not
 * inflate to exactly the declared size or do not match the declared CRC-32 (a damaged or
 * tampered entry); the caller names the entry.
 */
export function inflateEntry(
  archive: Uint8Array,
  entry: ZipEntry,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: 'sizeMismatch' | 'crcMismatch' } {
  const data = archive.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const bytes = entry.method === 0 ? data.slice() : inflateCapped(data, entry.size);
  if (bytes === null || bytes.length !== entry.size) return { ok: false, reason: 'sizeMismatch' };
  if (crc32(bytes) !== entry.crc32) return { ok: false, reason: 'crcMismatch' };
  return { ok: true, bytes };
}

/**
 * Compressed bytes fed per step. Deflate expands at most about 1,032 times, so one step adds at
 * most about 4 MB beyond the cap before the check below stops it.
 */
const CHUNK = 4 * 1024;

class TooLarge extends Error {}

function inflateCapped(data: Uint8Array, cap: number): Uint8Array | null {
  const out = new Uint8Array(cap);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > cap) throw new TooLarge();
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let at = 0; at < data.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch {
    // TooLarge, or fflate's own error for data that is not deflate: either way, not this entry.
    return null;
  }
  return length === cap ? out : null;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as ZIP uses it) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
