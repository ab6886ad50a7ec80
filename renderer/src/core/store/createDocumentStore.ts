import { Low } from 'lowdb';
import type {
  DocumentParser,
  DocumentStorage,
  LoadReport,
  StoredTextParser,
} from './DocumentStorage';
import { HostStorageAdapter } from './HostStorageAdapter';

/** A lowdb database kept as one named document in the host's storage. */
export interface DocumentStore<T> {
  /** The lowdb instance: read `db.data`, change it, then `save()` (or use `db.update`). */
  readonly db: Low<T>;
  /** Loads the stored document (or defaults) and says what was found. */
  load(): Promise<LoadReport>;
  /** Writes `db.data`; resolves once the host has stored it. */
  save(): Promise<void>;
  /** Replaces `db.data` (without saving), for callers that keep the data immutable. */
  replace(data: T): void;
  /** What the last `load()` found. */
  readonly lastLoad: LoadReport;
}

export interface DocumentStoreOptions<T> {
  storage: DocumentStorage;
  /** The document's name in host storage, e.g. "settings". */
  key: string;
  parse: DocumentParser<T>;
  /** How stored text is read; by default `JSON.parse` then `parse`, where `load()` is called. */
  parseText?: StoredTextParser<T>;
  /** Used when nothing is stored or nothing stored could be used. */
  defaults: () => T;
}

/** Creates a lowdb store for one named document, validated on every load. */
export function createDocumentStore<T>(options: DocumentStoreOptions<T>): DocumentStore<T> {
  const adapter = new HostStorageAdapter(
    options.storage,
    options.key,
    options.parse,
    options.parseText,
  );
  const db = new Low<T>(adapter, options.defaults());
  return {
    db,
    async load() {
      // Low.read() keeps the previous data when the adapter finds nothing; reset it first so a
      // reload after the document vanished does not show stale values.
      db.data = options.defaults();
      await db.read();
      return adapter.lastLoad;
    },
    save: () => db.write(),
    replace(data) {
      db.data = data;
    },
    get lastLoad() {
      return adapter.lastLoad;
    },
  };
}
