/**
 * Where the browser edition remembers the team folder's directory handle between visits: in
 * IndexedDB, which can hold a handle (a structured-cloneable object) but not in localStorage.
 * The browser keeps the permission with it: after a restart it is usually to be asked for again.
 */

const DATABASE = 'onmuni-team-folder';
const STORE = 'handles';
/** The one record: the folder the user chose. */
const CHOSEN = 'chosen';

function request<T>(make: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const pending = make();
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed.'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onsuccess = () => {
      const db = opening.result;
      // A newer version of the app in another tab wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB did not open.'));
    opening.onblocked = () => reject(new Error('IndexedDB is held by another tab.'));
  });
}

/** Runs one request on the store, then closes the database. */
async function withStore<T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  make: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open(factory);
  try {
    return await request(() => make(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}

export class TeamFolderHandleStore {
  constructor(private readonly factory: IDBFactory) {}

  /** Remembers `handle` as the chosen folder. */
  async remember(handle: FileSystemDirectoryHandle): Promise<void> {
    await withStore(this.factory, 'readwrite', (store) => store.put(handle, CHOSEN));
  }

  /** The folder chosen before, or undefined. */
  async recall(): Promise<FileSystemDirectoryHandle | undefined> {
    const value: unknown = await withStore(this.factory, 'readonly', (store) => store.get(CHOSEN));
    const isFolder =
      typeof value === 'object' &&
      value !== null &&
      (value as FileSystemHandle).kind === 'directory';
    return isFolder ? (value as FileSystemDirectoryHandle) : undefined;
  }

  /** Forgets the chosen folder (the folder itself is left alone). */
  async forget(): Promise<void> {
    await withStore(this.factory, 'readwrite', (store) => store.delete(CHOSEN));
  }
}
