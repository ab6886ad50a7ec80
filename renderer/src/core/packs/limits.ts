import type { DocType } from '../content/types';

/**
 * The limits of the content pack format (issue 15, content/README.md "Content packs"). They are
 * part of the format, not a setting, so that every version of the app and of `pack:build` agrees
 * on which packs exist: a pack one version writes, every version reads or refuses the same way.
 * They bound the time and memory a hostile archive can cost before anything is inflated.
 */
export const PACK_LIMITS = {
  /** The `.onmunipack` file itself. */
  maxFileBytes: 200 * 1024 * 1024,
  /** The sum of every entry's unpacked size. */
  maxUnpackedBytes: 500 * 1024 * 1024,
  /** Entries in the archive, `pack.json` and `pack.sig` included. */
  maxEntries: 20_000,
  /** One Markdown document, unpacked (the bundled library's longest is far below this). */
  maxMarkdownBytes: 2 * 1024 * 1024,
  /** `pack.json` (and `pack.sig`), unpacked: 20,000 file hashes fit with room to spare. */
  maxManifestBytes: 4 * 1024 * 1024,
  /** Unpacked size over stored size, per entry: a zip bomb needs far more. */
  maxCompressionRatio: 100,
} as const;

const MEGABYTE = 1024 * 1024;

/**
 * A size and the limit it broke, as the refusal messages show them: whole megabytes, rounded up
 * so that a file just over the limit does not read as equal to it. Reader and writer both use it.
 */
export function sizeValues(bytes: number, limit: number): { sizeMb: number; limitMb: number } {
  return { sizeMb: Math.ceil(bytes / MEGABYTE), limitMb: limit / MEGABYTE };
}

/**
 * The document types a pack may hold. The rest (about, recommendations, key issues, guide steps)
 * are the AMO report itself and its numbered sequences, which only the bundled library carries.
 */
export const PACK_DOC_TYPES = [
  'case-study',
  'opportunity',
  'glossary',
  'workshop',
  'local-document',
] as const satisfies readonly DocType[];

/** A document type a pack may hold. */
export type PackDocType = (typeof PACK_DOC_TYPES)[number];

/** True when `type` may appear in a pack. */
export function isPackDocType(type: DocType): type is PackDocType {
  return (PACK_DOC_TYPES as readonly DocType[]).includes(type);
}

/** The file name extension of a content pack. */
export const PACK_FILE_EXTENSION = '.onmunipack';
