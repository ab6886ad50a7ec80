import type { LoadReport } from './DocumentStorage';

/** What a backend found: the data in its current shape, and what happened while loading it. */
export interface Loaded<T> {
  data: T;
  report: LoadReport;
}

/**
 * Where a store's data lives. A `StoreSession` only ever loads all of it and saves a whole,
 * immutable snapshot; how that maps onto storage is the backend's business. This is the seam for
 * what comes next, so nothing above it may assume one JSON document per store:
 *
 * - Today, `createJsonDocumentBackend`: one JSON document in the host's storage (a file on the
 *   desktop, Web Storage in the browser), validated on load, with a copy of anything invalid kept
 *   aside before it could be overwritten.
 * - A team folder where each record is its own file: `load` reads and validates each record
 *   (keeping a bad one aside and listing it in a `repaired` report); `save` compares the snapshot
 *   with the one it last saved (the data is immutable, so unchanged records are the same objects)
 *   and writes only the records that changed, removing the ones that went.
 * - IndexedDB in the browser edition: the same, with a record per row, in one transaction.
 *
 * The contract: `load` never rejects for bad or missing data (it reports it and returns
 * defaults); `save` settles in call order, so the last one called always wins, and rejects with
 * a message for the user when storage refuses the data, leaving what was stored before intact.
 */
export interface StoreBackend<T> {
  load(): Promise<Loaded<T>>;
  save(data: T): Promise<void>;
}
