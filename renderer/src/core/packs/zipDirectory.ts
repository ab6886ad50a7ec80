import { PACK_LIMITS } from './limits';
import type { PackRefusal } from './problems';

/**
 * Reads the central directory of a ZIP archive, and nothing else: which entries there are, their
 * names, declared sizes and where their data lies. No byte is inflated here, so the limits of the
 * format (entry count, sizes, ratios) are enforced on what the archive declares before any work
 * proportional to what it might inflate to. The inflater then holds every entry to its declared
 * size (`inflateEntry.ts`), so a lying header costs at most that.
 *
 * Only the plain subset of ZIP that a content pack needs is accepted: one disk, no ZIP64 (the
 * format's limits are far below its thresholds), no encryption, stored or deflated entries,
 * the central directory right before its end record, entries whose data do not overlap (the
 * trick of "overlapping" zip bombs), and the same name and method in each local header as in
 * the central directory (so that no other ZIP reader sees a different archive).
 */

/** One entry as the central directory declares it. */
export interface ZipEntry {
  /** The name, decoded as UTF-8. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** Bytes of data in the archive. */
  compressedSize: number;
  /** Bytes once inflated, as declared (the inflater holds the entry to it). */
  size: number;
  /** CRC-32 of the inflated bytes, as declared. */
  crc32: number;
  /** Offset of the entry's data in the archive. */
  dataStart: number;
}

/** The entries of an archive, or the first reason it is not one a pack may be. */
export type ZipDirectoryResult =
  { ok: true; entries: ZipEntry[] } | { ok: false; refusal: PackRefusal };

const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_MASKED_HEADERS = 0x2000;
const ZIP64_MARK_16 = 0xffff;
const ZIP64_MARK_32 = 0xffffffff;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The central directory of `bytes`; see the file comment for what is refused. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const refuse = (refusal: PackRefusal): ZipDirectoryResult => ({ ok: false, refusal });

  const end = findEndRecord(bytes, view);
  if (end < 0) return refuse({ code: 'notZip' });
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR_SIGNATURE) return refuse({ code: 'zip64' });
  const total = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== total)
    return refuse({ code: 'multiDisk' });
  if (
    total === ZIP64_MARK_16 ||
    directorySize === ZIP64_MARK_32 ||
    directoryStart === ZIP64_MARK_32
  )
    return refuse({ code: 'zip64' });
  // Before reading a single entry: the count alone bounds the work below.
  if (total > PACK_LIMITS.maxEntries)
    return refuse({
      code: 'tooManyEntries',
      values: { count: total, limit: PACK_LIMITS.maxEntries },
    });
  if (directoryStart + directorySize !== end) return refuse({ code: 'damaged' });

  const entries: ZipEntry[] = [];
  const localStarts: number[] = [];
  let at = directoryStart;
  for (let index = 0; index < total; index++) {
    if (at + CENTRAL_SIZE > end || u32(at) !== CENTRAL_SIGNATURE)
      return refuse({ code: 'damaged' });
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const nameLength = u16(at + 28);
    const next = at + CENTRAL_SIZE + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) return refuse({ code: 'damaged' });
    const nameBytes = bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const name = decodeName(nameBytes, flags);
    if (name === null) return refuse({ code: 'nameEncoding', values: { index: index + 1 } });
    if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) !== 0)
      return refuse({ code: 'encrypted', path: name });
    if (method !== 0 && method !== 8)
      return refuse({ code: 'compressionMethod', path: name, values: { method } });
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const localStart = u32(at + 42);
    if (compressedSize === ZIP64_MARK_32 || size === ZIP64_MARK_32 || localStart === ZIP64_MARK_32)
      return refuse({ code: 'zip64' });
    if (u16(at + 34) !== 0) return refuse({ code: 'multiDisk' });
    if (method === 0 && compressedSize !== size)
      return refuse({ code: 'sizeMismatch', path: name });

    // The local header must agree with the central directory and lie before it.
    if (localStart + LOCAL_SIZE > directoryStart || u32(localStart) !== LOCAL_SIGNATURE)
      return refuse({ code: 'damaged', path: name });
    const localNameLength = u16(localStart + 26);
    const dataStart = localStart + LOCAL_SIZE + localNameLength + u16(localStart + 28);
    const localName = bytes.subarray(
      localStart + LOCAL_SIZE,
      localStart + LOCAL_SIZE + localNameLength,
    );
    if (
      u16(localStart + 8) !== method ||
      (u16(localStart + 6) & FLAG_ENCRYPTED) !== 0 ||
      !sameBytes(localName, nameBytes) ||
      dataStart + compressedSize > directoryStart
    )
      return refuse({ code: 'damaged', path: name });

    entries.push({ name, method, compressedSize, size, crc32: u32(at + 16), dataStart });
    localStarts.push(localStart);
    at = next;
  }
  if (at !== end) return refuse({ code: 'damaged' });
  const overlap = firstOverlap(entries, localStarts);
  if (overlap !== undefined) return refuse({ code: 'overlap', path: overlap });
  return { ok: true, entries };
}

/**
 * The end-of-central-directory record: the last one whose comment runs exactly to the end of the
 * file (so that neither a signature inside the comment nor bytes appended after it pass).
 */
function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - END_SIZE - MAX_COMMENT);
  for (let at = bytes.length - END_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_SIGNATURE) continue;
    if (at + END_SIZE + view.getUint16(at + 20, true) === bytes.length) return at;
  }
  return -1;
}

/**
 * The name as UTF-8; null when it is not valid UTF-8, or has bytes beyond ASCII without the
 * UTF-8 flag (such a name means CP437 to other ZIP readers: two readings of one name).
 */
function decodeName(nameBytes: Uint8Array, flags: number): string | null {
  if ((flags & FLAG_UTF8) === 0 && nameBytes.some((byte) => byte > 0x7f)) return null;
  try {
    return utf8.decode(nameBytes);
  } catch {
    return null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** The name of an entry whose header or data overlaps the next entry's, if any. */
function firstOverlap(
  entries: readonly ZipEntry[],
  localStarts: readonly number[],
): string | undefined {
  const order = entries
    .map((_, index) => index)
    .sort((a, b) => (localStarts[a] ?? 0) - (localStarts[b] ?? 0));
  for (let i = 1; i < order.length; i++) {
    const before = entries[order[i - 1] ?? 0];
    const start = localStarts[order[i] ?? 0] ?? 0;
    if (before !== undefined && before.dataStart + before.compressedSize > start)
      return before.name;
  }
  return undefined;
}
