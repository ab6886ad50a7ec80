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
  installedState,
  parsePackState,
  referencedFolders,
  rolledBackState,
  versionFolderName,
  versionIn,
  PackRefusedError,
  type PackState,
} from '../../../electron/shared/packRules';
import { messageRef, type MessageRef } from '../core/common/messageRef';
import { ProblemError } from '../core/common/ProblemError';
import type {
  InstalledPack,
  PackStorage,
  PackToStore,
  StoredPackFile,
} from '../core/packs/packStorage';
import { wordMessage } from '../ui/common/i18n/wordMessage';
import { ownBytes } from './ownBytes';
import { wordedPackError } from './packRefusal';

/** The database's name and version (a new version means an upgrade step in {@link openDatabase}). */
export const PACKS_DATABASE = 'onmuni-content-packs';
const DATABASE_VERSION = 1;
const FILES = 'files';
const STATE = 'state';

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

/** Runs a request's checks; a refusal is thrown as one the page can word. */
function checkRequest(check: () => void): void {
  try {
    check();
  } catch (error) {
    throw error instanceof Error ? wordedPackError(error) : error;
  }
}

/** Every key of one pack's files: arrays sort after strings, so `[id, []]` is above them all. */
function packFiles(packId: string): IDBKeyRange {
  return IDBKeyRange.bound([packId], [packId, []]);
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
    open.onblocked = () => reject(new PackStorageError(messageRef('common:host.packs.blocked')));
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
    tx.onabort = () =>
      reject(failure === undefined ? wordAbort(tx.error) : wordedPackError(failure));
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
  const keep = referencedFolders(state);
  const cursor = tx.objectStore(FILES).openKeyCursor(packFiles(packId));
  cursor.onsuccess = () => {
    const current = cursor.result;
    if (current === null) return;
    const [, folder] = current.primaryKey as FileKey;
    if (!keep.has(folder)) tx.objectStore(FILES).delete(current.primaryKey);
    current.continue();
  };
}

/** What the store asks of the browser's `navigator.storage`. */
export type PersistentStorage = Pick<StorageManager, 'persist' | 'persisted'>;

export class IndexedDbPacks implements PackStorage {
  private database: Promise<IDBDatabase> | undefined;
  /** Whether the browser keeps this site's storage under pressure; asked after an install. */
  private persistence: Promise<boolean> | undefined;

  /**
   * `factory` is the browser's `indexedDB` (undefined where the browser has none); `storage`
   * its `navigator.storage`, where it has one.
   */
  constructor(
    private readonly factory: IDBFactory | undefined,
    private readonly storage?: PersistentStorage,
  ) {}

  /**
   * Asks the browser, once, not to evict this site's storage: without it a browser short of room
   * may delete installed packs (and everything else the toolkit stores) without asking. Resolves
   * with whether storage is persistent; false where the browser refused or cannot say.
   */
  requestPersistence(): Promise<boolean> {
    const storage = this.storage;
    this.persistence ??=
      storage === undefined
        ? Promise.resolve(false)
        : storage
            .persisted()
            .then((already) => already || storage.persist())
            .catch(() => false);
    return this.persistence;
  }

  async list(): Promise<InstalledPack[]> {
    const packs: InstalledPack[] = [];
    for (const [id, state] of await this.states()) {
      if (state === undefined) continue;
      packs.push({ id, current: state.current.version, previous: state.previous?.version ?? null });
    }
    return packs;
  }

  async listDamaged(): Promise<string[]> {
    const states = await this.states();
    return states.filter(([, state]) => state === undefined).map(([id]) => id);
  }

  /**
   * Every stored state by pack id, in code-unit order (as the desktop sorts ids); undefined for
   * one that is not a state this store wrote, so one damaged record hides no other pack.
   */
  private async states(): Promise<Array<[string, PackState | undefined]>> {
    const db = await this.db();
    return transact(db, 'readonly', (tx) => {
      const states: Array<[string, PackState | undefined]> = [];
      const cursor = tx.objectStore(STATE).openCursor();
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (current === null) return;
        states.push([current.key as string, parsePackState(current.value)]);
        current.continue();
      };
      return () => states;
    });
  }

  async readFile(packId: string, version: string, name: StoredPackFile): Promise<Uint8Array> {
    checkRequest(() => {
      checkPackId(packId);
      checkPackVersion(version);
      checkStoredPackFile(name);
    });
    const db = await this.db();
    return transact(db, 'readonly', (tx, fail) => {
      let bytes: Uint8Array | undefined;
      const stateRequest = tx.objectStore(STATE).get(packId);
      stateRequest.onsuccess = () => {
        const state = parsePackState(stateRequest.result);
        if (state === undefined) {
          fail(new PackRefusedError({ code: 'notInstalled', packId }));
          return;
        }
        let ref;
        try {
          ref = versionIn(packId, state, version);
        } catch (error) {
          fail(error as Error);
          return;
        }
        const key: FileKey = [packId, ref.folder, name];
        const fileRequest = tx.objectStore(FILES).get(key);
        fileRequest.onsuccess = () => {
          const value: unknown = fileRequest.result;
          if (value instanceof Uint8Array) bytes = value;
          else fail(new PackRefusedError({ code: 'storedFileMissing', packId, version, name }));
        };
      };
      return () => bytes ?? new Uint8Array();
    });
  }

  async install(pack: PackToStore): Promise<void> {
    checkRequest(() => checkPackToStore(pack));
    const db = await this.db();
    const { id } = pack;
    const folder = versionFolderName(pack.version.version);
    await transact(db, 'readwrite', (tx) => {
      const stateRequest = tx.objectStore(STATE).get(id);
      stateRequest.onsuccess = () => {
        // A damaged record is replaced (the browser has nowhere to keep it aside).
        const before = parsePackState(stateRequest.result) ?? null;
        const files = tx.objectStore(FILES);
        for (const name of STORED_PACK_FILES) {
          const key: FileKey = [id, folder, name];
          files.put(ownBytes(pack.files[name]), key);
        }
        const state = installedState(before, { folder, version: pack.version });
        tx.objectStore(STATE).put(state, id);
        deleteUnreferenced(tx, id, state);
      };
      return () => undefined;
    });
    // Once there is something worth keeping; not awaited: a browser may ask the user first.
    void this.requestPersistence();
  }

  async rollback(packId: string): Promise<void> {
    checkRequest(() => checkPackId(packId));
    const db = await this.db();
    await transact(db, 'readwrite', (tx, fail) => {
      const stateRequest = tx.objectStore(STATE).get(packId);
      stateRequest.onsuccess = () => {
        const before = parsePackState(stateRequest.result);
        if (before === undefined) {
          fail(new PackRefusedError({ code: 'notInstalled', packId }));
          return;
        }
        let state: PackState;
        try {
          state = rolledBackState(packId, before);
        } catch (error) {
          fail(error as Error);
          return;
        }
        tx.objectStore(STATE).put(state, packId);
        deleteUnreferenced(tx, packId, state);
      };
      return () => undefined;
    });
  }

  async remove(packId: string): Promise<void> {
    checkRequest(() => checkPackId(packId));
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
      return Promise.reject(new PackStorageError(messageRef('common:host.packs.noDatabase')));
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
  let storage: PersistentStorage | undefined;
  try {
    storage = win.navigator.storage;
  } catch {
    storage = undefined;
  }
  return new IndexedDbPacks(factory, storage);
}
