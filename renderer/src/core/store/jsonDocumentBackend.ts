import { Low } from 'lowdb';
import type { DocumentParser, DocumentStorage, StoredTextParser } from './DocumentStorage';
import { DocumentStorageAdapter } from './DocumentStorageAdapter';
import type { StoreBackend } from './StoreBackend';

export interface JsonDocumentBackendOptions<T> {
  storage: DocumentStorage;
  /** The document's name in host storage, e.g. "settings". */
  key: string;
  parse: DocumentParser<T>;
  /** How stored text is read; by default `JSON.parse` then `parse`, where `load()` is called. */
  parseText?: StoredTextParser<T>;
  /** Used when nothing is stored or nothing stored could be used. */
  defaults: () => T;
}

/**
 * The `StoreBackend` every store uses today (see StoreBackend.ts for the ones planned next): a
 * store's data kept as one named JSON document in the host's storage, through lowdb, validated
 * on every load.
 */
export function createJsonDocumentBackend<T>(
  options: JsonDocumentBackendOptions<T>,
): StoreBackend<T> {
  const adapter = new DocumentStorageAdapter(
    options.storage,
    options.key,
    options.parse,
    options.parseText,
  );
  const db = new Low<T>(adapter, options.defaults());
  return {
    async load() {
      // Low.read() keeps the previous data when the adapter finds nothing; reset it first so a
      // reload after the document vanished does not show stale values.
      db.data = options.defaults();
      await db.read();
      return { data: db.data, report: adapter.lastLoad };
    },
    save(data) {
      db.data = data;
      return db.write();
    },
  };
}
