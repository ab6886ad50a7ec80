import { problemLine, type ProblemLine } from '../common/problemLine';
import type { Adapter } from 'lowdb';
import {
  parseStoredText,
  type DocumentParser,
  type DocumentStorage,
  type LoadReport,
  type StoredTextParser,
} from './DocumentStorage';
import { messageOf } from '../common/errorMessage';

/** Suffix of the document that keeps a copy of a stored document that failed validation. */
export const INVALID_COPY_SUFFIX = '-invalid';

/**
 * A lowdb adapter over the host's named-document storage. Reads are parsed and validated (the
 * parser migrates old formats and replaces invalid fields by defaults); writes are serialised in
 * call order so that the last `write()` always wins, whatever the host's own latency.
 *
 * A document that fails validation is never silently replaced: its original text is copied to
 * `<key>-invalid` before anything else is written, and `lastLoad` says what was changed.
 */
export class DocumentStorageAdapter<T> implements Adapter<T> {
  /** What the most recent `read()` found; the UI shows it to the user. */
  lastLoad: LoadReport = { status: 'missing' };
  /** Why writes are refused, when writing could destroy data we could not preserve. */
  private writeBlockedBecause: string | null = null;
  private queue: Promise<void> = Promise.resolve();

  private readonly parseText: StoredTextParser<T>;

  /** `parseText` replaces the default (`JSON.parse` then `parse`, on the calling thread). */
  constructor(
    private readonly storage: DocumentStorage,
    readonly key: string,
    parse: DocumentParser<T>,
    parseText?: StoredTextParser<T>,
  ) {
    this.parseText = parseText ?? ((text) => Promise.resolve(parseStoredText(text, parse)));
  }

  async read(): Promise<T | null> {
    let stored;
    try {
      stored = await this.storage.read(this.key);
    } catch (error) {
      const reason = messageOf(error);
      this.lastLoad = { status: 'unreadable', reason };
      this.writeBlockedBecause = `the saved copy could not be read (${reason})`;
      return null;
    }
    this.writeBlockedBecause = null;
    if (stored.status === 'missing') {
      this.lastLoad = { status: 'missing' };
      return null;
    }
    if (stored.status === 'recovered') {
      this.lastLoad = { status: 'recovered', movedTo: stored.movedTo, reason: stored.reason };
      return null;
    }
    const parsed = await this.parseText(stored.text);
    if ('notJson' in parsed) {
      // Hosts check JSON before handing text over, so this is a host bug; still keep the text.
      const notJson = problemLine(undefined, 'problems:json.notJson', { reason: parsed.notJson });
      return this.repair(stored.text, [notJson], null);
    }
    if (parsed.issues.length > 0) return this.repair(stored.text, parsed.issues, parsed.data);
    this.lastLoad =
      parsed.migratedFrom === undefined
        ? { status: 'ok' }
        : { status: 'ok', migratedFrom: parsed.migratedFrom };
    return parsed.data;
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const next = this.queue.then(() => {
      if (this.writeBlockedBecause !== null) {
        throw new Error(`Not saved: ${this.writeBlockedBecause}.`);
      }
      return this.storage.write(this.key, text);
    });
    // Later writes must run even if this one failed; the caller still sees this one's error.
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Keeps the original text aside before the repaired data can ever be written over it. */
  private async repair(
    originalText: string,
    issues: ProblemLine[],
    data: T | null,
  ): Promise<T | null> {
    const copyKey = `${this.key}${INVALID_COPY_SUFFIX}`;
    try {
      await this.storage.write(copyKey, originalTextAsJson(originalText));
      this.lastLoad = { status: 'repaired', issues, keptCopyAs: copyKey };
    } catch (error) {
      this.lastLoad = { status: 'repaired', issues, keptCopyAs: null };
      this.writeBlockedBecause = `the original could not be copied aside (${messageOf(error)})`;
    }
    return data;
  }
}

/** Host storage only accepts JSON; text that is not JSON is kept as a JSON string. */
function originalTextAsJson(text: string): string {
  try {
    JSON.parse(text);
    return text;
  } catch {
    return JSON.stringify(text);
  }
}
