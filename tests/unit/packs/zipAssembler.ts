import { deflateSync } from 'fflate';

import { crc32 } from '../../../renderer/src/core/packs/inflateEntry';

/**
 * Writes ZIP archives byte by byte, including the ones no ZIP library would write: names with
 * `..` or backslashes, sizes that lie, duplicate names, entries that share data. Each field a
 * test may falsify is an override; everything else is what a correct writer would put there.
 */

/** One entry to assemble. */
export interface RawEntry {
  /** The name as the central directory gives it (a string is written as UTF-8). */
  name: string | Uint8Array;
  /** The entry's real, uncompressed content. */
  content?: Uint8Array;
  /** 8 deflate (default), 0 stored, or any other number to test refusals. */
  method?: number;
  /** Bytes written as the entry's data instead of the deflated or stored content. */
  data?: Uint8Array;
  /** Declared uncompressed size (default: the content's length). */
  size?: number;
  /** Declared compressed size (default: the data's length). */
  compressedSize?: number;
  crc?: number;
  /** General-purpose flags (default: 0x0800, names are UTF-8). */
  flags?: number;
  /** The name in the local header, when it should differ from the central one. */
  localName?: string | Uint8Array;
  /** Point the central record at another entry's local header (by index). */
  shareLocalWith?: number;
}

/** Overrides of the end-of-central-directory record. */
export interface EndOverrides {
  disk?: number;
  directoryDisk?: number;
  entriesOnDisk?: number;
  entriesTotal?: number;
  /** Bytes appended after the record (a comment the record does not declare). */
  trailing?: Uint8Array;
}

const encoder = new TextEncoder();
const bytesOf = (value: string | Uint8Array) =>
  typeof value === 'string' ? encoder.encode(value) : value;

/** The archive for `entries`, with `end` overrides. */
export function assembleZip(entries: readonly RawEntry[], end: EndOverrides = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    offset += part.length;
  };
  const locals: number[] = [];
  const prepared = entries.map((entry) => {
    const content = entry.content ?? new Uint8Array(0);
    const method = entry.method ?? 8;
    const data = entry.data ?? (method === 8 ? deflateSync(content) : content);
    return {
      name: bytesOf(entry.name),
      localName: bytesOf(entry.localName ?? entry.name),
      method,
      data,
      size: entry.size ?? content.length,
      compressedSize: entry.compressedSize ?? data.length,
      crc: entry.crc ?? crc32(content),
      flags: entry.flags ?? 0x0800,
      shareLocalWith: entry.shareLocalWith,
    };
  });
  for (const entry of prepared) {
    locals.push(offset);
    if (entry.shareLocalWith !== undefined) continue;
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, entry.flags, true);
    header.setUint16(8, entry.method, true);
    header.setUint32(14, entry.crc, true);
    header.setUint32(18, entry.compressedSize, true);
    header.setUint32(22, entry.size, true);
    header.setUint16(26, entry.localName.length, true);
    push(new Uint8Array(header.buffer));
    push(entry.localName);
    push(entry.data);
  }
  const directoryStart = offset;
  prepared.forEach((entry, index) => {
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, entry.flags, true);
    header.setUint16(10, entry.method, true);
    header.setUint32(16, entry.crc, true);
    header.setUint32(20, entry.compressedSize, true);
    header.setUint32(24, entry.size, true);
    header.setUint16(28, entry.name.length, true);
    const local = entry.shareLocalWith === undefined ? locals[index] : locals[entry.shareLocalWith];
    header.setUint32(42, local ?? 0, true);
    push(new Uint8Array(header.buffer));
    push(entry.name);
  });
  const record = new DataView(new ArrayBuffer(22));
  record.setUint32(0, 0x06054b50, true);
  record.setUint16(4, end.disk ?? 0, true);
  record.setUint16(6, end.directoryDisk ?? 0, true);
  record.setUint16(8, end.entriesOnDisk ?? end.entriesTotal ?? entries.length, true);
  record.setUint16(10, end.entriesTotal ?? entries.length, true);
  record.setUint32(12, offset - directoryStart, true);
  record.setUint32(16, directoryStart, true);
  push(new Uint8Array(record.buffer));
  if (end.trailing) push(end.trailing);

  const archive = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}
