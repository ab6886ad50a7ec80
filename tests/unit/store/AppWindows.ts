import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDocumentFolder } from '../../../electron/main/storage';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import {
  inProcessLock,
  type OtherWindows,
  type StoreLock,
} from '../../../renderer/src/core/store/otherWindows';
import { wordStoredRead } from '../../../renderer/src/host/electronHost';
import { createWebStorageDocuments } from '../../../renderer/src/host/webStorageHost';
import { MapStorage } from '../host/MapStorage';
import { MemoryStorage } from './MemoryStorage';

/**
 * Several windows of the app over one storage, as the tests of the record-log store across
 * windows need them: each window has its own `DocumentStorage` over the same stored documents
 * (one MemoryStorage, one Web Storage, or one data folder), the lock all windows share (what the
 * Web Locks API is across renderer processes) and a channel that tells the other windows what one
 * stored, a turn later (what BroadcastChannel does). Real parts throughout: only the transport
 * between processes is this process.
 */
export class AppWindows {
  /** The lock every window takes; `noLock` makes it hold nothing, to show what it prevents. */
  readonly lock: StoreLock;
  private readonly watchers = new Set<{ from: object; listener: (name: string | null) => void }>();

  constructor(
    /** Opens one window's storage over the shared documents. */
    private readonly openStorage: () => DocumentStorage,
    options: { noLock?: boolean; quiet?: boolean } = {},
  ) {
    this.lock = options.noLock ? (_name, work) => work() : inProcessLock(this);
    this.quiet = options.quiet ?? false;
  }

  /** Windows do not hear what the others stored (a missed message): only focus tells them. */
  private readonly quiet: boolean;

  /** A new window's storage, with its view of the other windows. */
  open(): DocumentStorage {
    const storage = this.openStorage();
    const self = {};
    const otherWindows: OtherWindows = {
      lock: this.lock,
      stored: (name) => {
        if (this.quiet) return;
        for (const { from, listener } of this.watchers) {
          if (from !== self) setTimeout(() => listener(name), 0);
        }
      },
      watch: (listener) => {
        const entry = { from: self, listener };
        this.watchers.add(entry);
        return () => this.watchers.delete(entry);
      },
    };
    return { read: (k) => storage.read(k), write: (k, t) => storage.write(k, t), otherWindows };
  }

  /** Tells every window it came back to the front (as focus does). */
  focusAll(): void {
    for (const { listener } of this.watchers) listener(null);
  }
}

/** Where the windows' documents are kept: the three storages the app runs on. */
export const STORAGES: readonly [string, () => Promise<() => DocumentStorage>][] = [
  [
    'in memory',
    () => {
      const shared = new MemoryStorage();
      return Promise.resolve(() => ({
        read: (key) => shared.read(key),
        write: (key, text) => shared.write(key, text),
      }));
    },
  ],
  [
    'in Web Storage (two tabs)',
    () => {
      const shared = new MapStorage();
      return Promise.resolve(() => createWebStorageDocuments(shared));
    },
  ],
  ['in the desktop data folder (two windows)', desktopFolder],
];

const folders: string[] = [];

/** Removes the data folders the tests made. */
export async function removeFolders(): Promise<void> {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** The desktop's storage: main's data folder code, one instance per window as IPC sees it. */
async function desktopFolder(): Promise<() => DocumentStorage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'onmuni-windows-'));
  folders.push(dir);
  const folder = await openDocumentFolder(dir);
  return () => ({
    read: async (key) => wordStoredRead(await folder.read(key)),
    write: (key, text) => folder.write(key, text),
  });
}
