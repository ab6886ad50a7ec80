import type { ProblemLine } from '../common/problemLine';
import type { StorageReadResult } from '../../../../electron/shared/storageReadResult';
import { messageOf } from '../common/errorMessage';
import type { OtherWindows } from './otherWindows';

/**
 * The storage every store needs, and what each host provides (`Host.storage`): named JSON
 * documents (keys like "settings"), read and replaced whole. Defined here, in core, because the
 * stores use it and core may not import host/.
 */
export interface DocumentStorage {
  read(key: string): Promise<StorageReadResult>;
  write(key: string, text: string): Promise<void>;
  /**
   * The app's other windows over this same storage (otherWindows.ts), where the host can reach
   * them; without it a store coordinates only with the stores of its own window.
   */
  readonly otherWindows?: OtherWindows;
}

/** A stored document turned into the current shape, with everything that had to change. */
export interface ParsedDocument<T> {
  data: T;
  /** One line per problem, `field: what was wrong; what was done`. Empty when all was valid. */
  issues: ProblemLine[];
  /** The format version the document was migrated from, when it was older than the current one. */
  migratedFrom?: number;
}

/** Parses whatever was stored (any JSON value) into the current shape. Must not throw. */
export type DocumentParser<T> = (raw: unknown) => ParsedDocument<T>;

/** A stored text read into the current shape, or why it is not JSON at all. */
export type ParsedText<T> = ParsedDocument<T> | { notJson: string };

/**
 * Reads a stored text (JSON) into the current shape. The default runs `JSON.parse` and the
 * document's parser where it is called; a caller with a large document can do both elsewhere (the
 * UI hands texts of a few megabytes to a worker, so opening a big plan never holds up the page).
 * Must not reject.
 */
export type StoredTextParser<T> = (text: string) => Promise<ParsedText<T>>;

/** The default `StoredTextParser`: `JSON.parse`, then `parse`, on the calling thread. */
export function parseStoredText<T>(text: string, parse: DocumentParser<T>): ParsedText<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { notJson: messageOf(error) };
  }
  return parse(raw);
}

/** What happened when a document was loaded, for the UI to tell the user. */
export type LoadReport =
  /** Nothing was stored yet: defaults are in use. */
  | { status: 'missing' }
  /**
   * The document was valid (possibly after a clean migration from an older format).
   * `migratedFromDocument`: the data was moved from that older document into a new kind of
   * storage on this load; the older document is left as it was, as a backup.
   */
  | { status: 'ok'; migratedFrom?: number; migratedFromDocument?: string }
  /**
   * The document was JSON but did not match the schema. Invalid parts were replaced by defaults;
   * the original text was first copied to `keptCopyAs` (null if even that copy failed, in which
   * case the store refuses to write so the original is never overwritten).
   */
  | { status: 'repaired'; issues: ProblemLine[]; keptCopyAs: string | null }
  /** The stored text was not JSON at all; the host moved it aside to `movedTo`. Defaults are in use. */
  | { status: 'recovered'; movedTo: string; reason: string }
  /** The host could not read storage at all. Defaults are in use and writes are refused. */
  | { status: 'unreadable'; reason: string };
