import type { DocType } from '../content/types';

/**
 * The limits of the content pack format (issue 15): defined with the rules the desktop's IPC
 * checks too, where main and the page can both read them.
 */
export { PACK_LIMITS } from '../../../../electron/shared/packRules';

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

/** The file name extension of a content pack. */
export const PACK_FILE_EXTENSION = '.onmunipack';
