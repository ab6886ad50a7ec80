/**
 * Installed content packs in the browser edition (issue 15): the `PackStorage` of
 * core/packs/packStorage.ts, whose comment states the guarantees, in IndexedDB.
 *
 * Two object stores, keys out of line:
 * - `files`: key `[packId, folder, name]`, value the file's bytes; `folder` names one version
 *   (`v-<version>-<random>`), so a reinstall of a version never overwrites the one in use;
 * - `state`: key `packId`, value `{ current: { folder, version }, previous: … | null }`.
 * An install puts every file, the new state and the deletion of the versions it no longer refers
 * to in ONE transaction: IndexedDB commits all of it or none (a closed tab, a crash, a full disk),
 * so nothing is ever half-installed and no file is left behind to sweep up later.
 */
import {
  STORED_PACK_FILES,
  checkPackId,
  checkPackToStore,
  checkPackVersion,
  checkStoredPackFile,
  PackRefusedError,
} from '../../../electron/shared/packRules';
import { messageRef, type MessageRef } from '../core/common/messageRef';
import { ProblemError } from '../core/common/ProblemError';
import type {
  InstalledPack,
  PackStorage,
  PackToStore,
  StoredPackFile,
  StoredPackVersion,
} from '../core/packs/packStorage';
import { wordMessage } from '../ui/common/i18n/wordMessage';
import { ownBytes } from './ownBytes';

/** The database's name and version (a new version means an upgrade step in {@link openDatabase}). */
export const PACKS_DATABASE = 'onmuni-content-packs';
const DATABASE_VERSION = 1;
const FILES = 'files';
const STATE = 'state';

interface VersionRef {
  folder: string;
  version: StoredPackVersion;
}
interface PackState {
  current: VersionRef;
  previous: VersionRef | null;
}
type FileKey = [packId: string, folder: string, name: string];

/**
 * The browser cannot store packs (no IndexedDB, or it refuses to open), or has no room for one.
 * `message` is worded, since the Content packs page shows it as it is.
 */
export class PackStorageError extends ProblemError {
  constructor(ref: MessageRef) {
    super('PackStorageError', ref);
    this.message = wordMessage(ref);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return error.message || error.name;
  return String(error);
}

function unavailable(error: unknown): PackStorageError {
  return new PackStorageError(
    messageRef('common:host.packs.unavailable', { reason: reasonOf(error) }),
  );
}

/** Every key of one pack's files: arrays sort after strings, so `[id, []]` is above them all. */
function packFiles(packId: string): IDBKeyRange {
  return IDBKeyRange.bound([packId], [packId, []]);
}

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Opens (creating or upgrading) the packs database. */
function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(PACKS_DATABASE, DATABASE_VERSION);
    } catch (error) {
      // Some browsers throw at once in a private window rather than failing the request.
      reject(unavailable(error));
      return;
    }
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES);
      if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE);
    };
    open.onsuccess = () => {
      const db = open.result;
      // A newer version of the app in another tab wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(unavailable(open.error));
    open.onblocked = () => reject(unavailable(new Error('another tab holds an older version')));
  });
}

/**
 * Runs `work` in one transaction and resolves with its value once the transaction has committed;
 * rejects with what aborted it. `work` must queue its requests from request callbacks (never
 * after an unrelated await), so the transaction stays active until it is done.
 */
function transact<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction, fail: (error: Error) => void) => () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([FILES, STATE], mode);
    let failure: Error | undefined;
    const fail = (error: Error): void => {
      failure = error;
      tx.abort();
    };
    const result = work(tx, fail);
    tx.oncomplete = () => resolve(result());
    tx.onabort = () => reject(failure ?? wordAbort(tx.error));
  });
}

/** Why a transaction was aborted, worded when the browser ran out of room. */
function wordAbort(error: DOMException | null): Error {
  if (error?.name === 'QuotaExceededError') {
    return new PackStorageError(messageRef('common:host.packs.full'));
  }
  return error ?? new Error('The IndexedDB transaction was aborted.');
}

/** Deletes, in `tx`, every file of the pack in a folder the state does not refer to. */
function deleteUnreferenced(tx: IDBTransaction, packId: string, state: PackState | null): void {
  const keep = new Set(state === null ? [] : [state.current.folder, state.previous?.folder]);
  const cursor = tx.objectStore(FILES).openKeyCursor(packFiles(packId));
  cursor.onsuccess = () => {
    const current = cursor.result;
    if (current === null) return;
    const [, folder] = current.primaryKey as FileKey;
    if (!keep.has(folder)) tx.objectStore(FILES).delete(current.primaryKey);
    current.continue();
  };
}

export class IndexedDbPacks implements PackStorage {
  private database: Promise<IDBDatabase> | undefined;

  /** `factory` is the browser's `indexedDB` (undefined where the browser has none). */
  constructor(private readonly factory: IDBFactory | undefined) {}

  async list(): Promise<InstalledPack[]> {
    const db = await this.db();
    return transact(db, 'readonly', (tx) => {
      const packs: InstalledPack[] = [];
      const cursor = tx.objectStore(STATE).openCursor();
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (current === null) return;
        const state = current.value as PackState;
        packs.push({
          id: current.key as string,
          current: state.current.version,
          previous: state.previous?.version ?? null,
        });
        current.continue();
      };
      // Keys come in code-unit order, as the desktop sorts ids.
      return () => packs;
    });
  }

  async readFile(packId: string, version: string, name: StoredPackFile): Promise<Uint8Array> {
    checkPackId(packId);
    checkPackVersion(version);
    checkStoredPackFile(name);
    const db = await this.db();
    return transact(db, 'readonly', (tx, fail) => {
      let bytes: Uint8Array | undefined;
      const stateRequest = tx.objectStore(STATE).get(packId);
      stateRequest.onsuccess = () => {
        const state = stateRequest.result as PackState | undefined;
        if (state === undefined) {
          fail(new PackRefusedError(`Pack ${packId} is not installed.`));
          return;
        }
        const ref = [state.current, state.previous].find((c) => c?.version.version === version);
        if (ref === undefined || ref === null) {
          fail(new PackRefusedError(`Pack ${packId} has no version ${version}.`));
          return;
        }
        const key: FileKey = [packId, ref.folder, name];
        const fileRequest = tx.objectStore(FILES).get(key);
        fileRequest.onsuccess = () => {
          const value: unknown = fileRequest.result;
          if (value instanceof Uint8Array) bytes = value;
          else fail(new Error(`Pack ${packId} ${version} is missing ${name}.`));
        };
      };
      return () => bytes ?? new Uint8Array();
    });
  }

  async install(pack: PackToStore): Promise<void> {
    checkPackToStore(pack);
    const db = await this.db();
    const { id } = pack;
    const folder = `v-${pack.version.version}-${randomSuffix()}`;
    await transact(db, 'readwrite', (tx) => {
      const stateRequest = tx.objectStore(STATE).get(id);
      stateRequest.onsuccess = () => {
        const before = stateRequest.result as PackState | undefined;
        const files = tx.objectStore(FILES);
        for (const name of STORED_PACK_FILES) {
          const key: FileKey = [id, folder, name];
          files.put(ownBytes(pack.files[name]), key);
        }
        const state: PackState = {
          current: { folder, version: pack.version },
          previous: before?.current ?? null,
        };
        tx.objectStore(STATE).put(state, id);
        deleteUnreferenced(tx, id, state);
      };
      return () => undefined;
    });
  }

  async rollback(packId: string): Promise<void> {
    checkPackId(packId);
    const db = await this.db();
    await transact(db, 'readwrite', (tx, fail) => {
      const stateRequest = tx.objectStore(STATE).get(packId);
      stateRequest.onsuccess = () => {
        const before = stateRequest.result as PackState | undefined;
        if (before === undefined) {
          fail(new PackRefusedError(`Pack ${packId} is not installed.`));
          return;
        }
        if (before.previous === null) {
          fail(new PackRefusedError(`Pack ${packId} has no previous version to roll back to.`));
          return;
        }
        const state: PackState = { current: before.previous, previous: null };
        tx.objectStore(STATE).put(state, packId);
        deleteUnreferenced(tx, packId, state);
      };
      return () => undefined;
    });
  }

  async remove(packId: string): Promise<void> {
    checkPackId(packId);
    const db = await this.db();
    await transact(db, 'readwrite', (tx) => {
      tx.objectStore(STATE).delete(packId);
      tx.objectStore(FILES).delete(packFiles(packId));
      return () => undefined;
    });
  }

  /** Closes the database (tests; a page simply goes away). */
  async close(): Promise<void> {
    const pending = this.database;
    this.database = undefined;
    if (pending !== undefined) (await pending.catch(() => undefined))?.close();
  }

  private db(): Promise<IDBDatabase> {
    const factory = this.factory;
    if (factory === undefined) {
      return Promise.reject(unavailable(new Error('indexedDB is not defined')));
    }
    this.database ??= openDatabase(factory).catch((error: unknown) => {
      // Asked again next time: the user may have left the private window, or freed room.
      this.database = undefined;
      throw error;
    });
    return this.database;
  }
}

/** The packs store of the browser the page runs in. */
export function createIndexedDbPacks(win: Window): IndexedDbPacks {
  // Reading `indexedDB` itself throws in some sandboxed or privacy modes.
  let factory: IDBFactory | undefined;
  try {
    factory = win.indexedDB;
  } catch {
    factory = undefined;
  }
  return new IndexedDbPacks(factory);
}
