/**
 * Installed content packs on the desktop (issue 15): the `PackStorage` of core/packs/packStorage.ts,
 * whose comment states the guarantees. Main runs it for the page over IPC (`packs:*`): the page
 * names a pack by id, version and file name, never a path.
 *
 * Layout, under the data folder's `content-packs/`:
 *   pack-<id>/state.json              {"current": {folder, version}, "previous": … | null}
 *   pack-<id>/v-<version>-<random>/   the files of one version (STORED_PACK_FILES)
 *   pack-<id>/state.corrupt-<time>.json  an unreadable state an install replaced, kept to inspect
 * The state's shape, the folder names and the install/rollback rules are electron/shared/
 * packRules.ts's, shared with the browser's store.
 * The pack folder's name has a prefix so that no id (`con`, `nul`) is a name Windows reserves.
 *
 * An install writes the files into a temp folder, flushes them, renames the folder into place,
 * and only then replaces `state.json` atomically: that write is the commit point. A kill before
 * it leaves the old state (and a folder nobody refers to); after it, the new one. Folders no
 * state refers to are deleted after each change and before the first operation after start-up.
 * A state this code did not write (edited, damaged on disk) is never deleted silently: the pack
 * is left out of `list`, named by `listDamaged`, and left alone until the user removes it or
 * installs it again (then the state is copied aside first; its version folders, derived from a
 * pack the user can import again, are replaced).
 * A removal deletes `state.json` first, so a kill halfway leaves no half-deleted pack in the list.
 *
 * Pure Node (no Electron, no zod) so it runs in unit tests and in the kill test's child process;
 * the IPC contract has checked the page's input with zod before it gets here, and the same rules
 * (electron/shared/packRules.ts) are checked again here, so no caller can name a path.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type {
  InstalledPack,
  PackStorage,
  PackToStore,
} from '../../renderer/src/core/packs/packStorage';
import type { PackStoreAnswer } from '../shared/ipcContract';
import {
  PackRefusedError,
  STORED_PACK_FILES,
  checkPackId,
  checkPackToStore,
  checkPackVersion,
  checkStoredPackFile,
  installedState,
  isPackId,
  parsePackState,
  randomSuffix,
  referencedFolders,
  rolledBackState,
  versionFolderName,
  versionIn,
  type PackState,
  type StoredPackFile,
} from '../shared/packRules';
import {
  fsyncDirectory,
  renameWithRetry,
  writeFileAtomic,
  type AtomicWriteOptions,
} from './atomicFile';
import { CONTENT_PACKS_FOLDER } from './storage';

export { PackRefusedError };

/** The file in a pack's folder that says which version folders are current and previous. */
export const PACK_STATE_FILE = 'state.json';
/** Where an unreadable state is moved when an install replaces it: `state.corrupt-<time>.json`. */
const CORRUPT_STATE_PREFIX = 'state.corrupt-';
const PACK_FOLDER_PREFIX = 'pack-';

type StateRead =
  | { status: 'ok'; state: PackState }
  | { status: 'missing' }
  /**
   * Not written by this code (a torn write is impossible): the pack is not listed but
   * `listDamaged` names it; nothing of it is deleted until the user removes it, and an install
   * over it moves the state aside (`state.corrupt-<time>.json`) for inspection.
   */
  | { status: 'unreadable' };

/** The data folder's subfolder for content packs. */
export function contentPacksDir(dataDir: string): string {
  return join(dataDir, CONTENT_PACKS_FOLDER);
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** The state in `text`, or undefined when it is not one this code wrote. */
function parseState(text: string): PackState | undefined {
  try {
    return parsePackState(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Writes a new file and flushes it to disk before resolving. */
async function writeFileDurably(path: string, bytes: Uint8Array): Promise<void> {
  // 'wx': the temp folder is new, so the file must be too.
  const handle = await fsp.open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Installed packs in one folder. Everything waits for the first call's clean-up of a kill's leftovers. */
export class PackFolder implements PackStorage {
  private opened: Promise<void> | undefined;
  /** Changes of each pack, one at a time. */
  private readonly changes = new Map<string, Promise<unknown>>();
  /** Every install, rollback and removal from its call to its end (what quitting waits for). */
  private readonly underWay = new Set<Promise<unknown>>();
  /** Reads in progress, per pack: a change waits for them before deleting a folder. */
  private readonly reads = new Map<string, Set<Promise<unknown>>>();

  constructor(
    /** The `content-packs` folder (see {@link contentPacksDir}). */
    readonly dir: string,
    private readonly options: AtomicWriteOptions = {},
  ) {}

  async list(): Promise<InstalledPack[]> {
    await this.open();
    const packs: InstalledPack[] = [];
    for (const [id, read] of await this.states()) {
      if (read.status !== 'ok') continue;
      const { current, previous } = read.state;
      packs.push({ id, current: current.version, previous: previous?.version ?? null });
    }
    return packs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async listDamaged(): Promise<string[]> {
    await this.open();
    const states = await this.states();
    return states
      .filter(([, read]) => read.status === 'unreadable')
      .map(([id]) => id)
      .sort();
  }

  async readFile(packId: string, version: string, name: StoredPackFile): Promise<Uint8Array> {
    checkPackId(packId);
    checkPackVersion(version);
    checkStoredPackFile(name);
    await this.open();
    return this.tracked(packId, async () => {
      const read = await this.readState(packId);
      if (read.status !== 'ok') throw new PackRefusedError({ code: 'notInstalled', packId });
      const ref = versionIn(packId, read.state, version);
      const buffer = await fsp.readFile(join(this.packDir(packId), ref.folder, name));
      // A plain Uint8Array: what the page gets from IPC, and what the other store returns.
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    });
  }

  install(pack: PackToStore): Promise<void> {
    return this.tracking(this.doInstall(pack));
  }

  private async doInstall(pack: PackToStore): Promise<void> {
    checkPackToStore(pack);
    await this.open();
    const { id } = pack;
    await this.change(id, async () => {
      const packDir = this.packDir(id);
      await fsp.mkdir(this.dir, { recursive: true });
      await fsp.mkdir(packDir, { recursive: true });
      await fsyncDirectory(this.dir);
      const folder = await this.writeVersionFolder(packDir, pack);
      const before = await this.readState(id);
      const state = installedState(before.status === 'ok' ? before.state : null, {
        folder,
        version: pack.version,
      });
      try {
        if (before.status === 'unreadable') await this.keepAside(packDir);
        await writeFileAtomic(join(packDir, PACK_STATE_FILE), JSON.stringify(state), this.options);
      } catch (error) {
        await fsp.rm(join(packDir, folder), { recursive: true, force: true }).catch(() => {});
        throw error;
      }
      await this.deleteUnreferenced(id, state);
    });
  }

  rollback(packId: string): Promise<void> {
    return this.tracking(this.doRollback(packId));
  }

  private async doRollback(packId: string): Promise<void> {
    checkPackId(packId);
    await this.open();
    await this.change(packId, async () => {
      const read = await this.readState(packId);
      if (read.status !== 'ok') throw new PackRefusedError({ code: 'notInstalled', packId });
      const state = rolledBackState(packId, read.state);
      const path = join(this.packDir(packId), PACK_STATE_FILE);
      await writeFileAtomic(path, JSON.stringify(state), this.options);
      await this.deleteUnreferenced(packId, state);
    });
  }

  remove(packId: string): Promise<void> {
    return this.tracking(this.doRemove(packId));
  }

  private async doRemove(packId: string): Promise<void> {
    checkPackId(packId);
    await this.open();
    await this.change(packId, async () => {
      const packDir = this.packDir(packId);
      // The state first: from then on the pack is gone for every reader, and a kill before the
      // folder is deleted leaves only files the next start-up deletes.
      await fsp.rm(join(packDir, PACK_STATE_FILE), { force: true });
      await fsyncDirectory(packDir);
      await this.readsDone(packId);
      await fsp.rm(packDir, { recursive: true, force: true });
      await fsyncDirectory(this.dir);
    });
  }

  /** True while an install, rollback or removal is under way. */
  get busy(): boolean {
    return this.underWay.size > 0;
  }

  /** Resolves once every change started so far has finished. */
  async flush(): Promise<void> {
    while (this.underWay.size > 0) await Promise.all(this.underWay);
  }

  /** Counts `work` as under way from now (not only once it reaches its pack's queue). */
  private tracking(work: Promise<void>): Promise<void> {
    const settled = work.catch(() => undefined);
    this.underWay.add(settled);
    void settled.then(() => this.underWay.delete(settled));
    return work;
  }

  /** Deletes what a killed install or removal left, once, before the first operation. */
  private open(): Promise<void> {
    this.opened ??= (async () => {
      for (const [id, read] of await this.states()) {
        if (read.status === 'ok') await this.deleteUnreferenced(id, read.state);
        else if (read.status === 'missing') {
          await fsp.rm(this.packDir(id), { recursive: true, force: true });
        }
      }
    })().catch((error: unknown) => {
      // Tried again on the next call: the folder may have been locked for a moment.
      this.opened = undefined;
      throw error;
    });
    return this.opened;
  }

  private packDir(packId: string): string {
    return join(this.dir, `${PACK_FOLDER_PREFIX}${packId}`);
  }

  /** The ids of the pack folders there are (with or without a state). */
  private async packIds(): Promise<string[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    return names
      .filter((name) => name.startsWith(PACK_FOLDER_PREFIX))
      .map((name) => name.slice(PACK_FOLDER_PREFIX.length))
      .filter(isPackId);
  }

  /** Every pack folder's id with its state as read, one pack after the other. */
  private async states(): Promise<Array<[string, StateRead]>> {
    const states: Array<[string, StateRead]> = [];
    for (const id of await this.packIds()) states.push([id, await this.readState(id)]);
    return states;
  }

  private async readState(packId: string): Promise<StateRead> {
    let text: string;
    try {
      text = await fsp.readFile(join(this.packDir(packId), PACK_STATE_FILE), 'utf8');
    } catch (error) {
      if (isMissing(error)) return { status: 'missing' };
      throw error;
    }
    const state = parseState(text);
    return state === undefined ? { status: 'unreadable' } : { status: 'ok', state };
  }

  /** Writes the version's files into a temp folder, then renames it into place; its name. */
  private async writeVersionFolder(packDir: string, pack: PackToStore): Promise<string> {
    const suffix = randomSuffix();
    const temp = join(packDir, `.install-${suffix}`);
    const folder = versionFolderName(pack.version.version, suffix);
    try {
      await fsp.mkdir(temp);
      for (const name of STORED_PACK_FILES) {
        await writeFileDurably(join(temp, name), pack.files[name]);
      }
      await fsyncDirectory(temp);
      await renameWithRetry(temp, join(packDir, folder), this.options);
      await fsyncDirectory(packDir);
      return folder;
    } catch (error) {
      await fsp.rm(temp, { recursive: true, force: true }).catch(() => {});
      throw error;
    }
  }

  /**
   * Copies an unreadable `state.json` to `state.corrupt-<time>.json` before an install replaces
   * it: a copy, not a rename, so that a kill in between never leaves the pack without a state
   * (which start-up would take for a half-removed pack and delete).
   */
  private async keepAside(packDir: string): Promise<void> {
    const text = await fsp.readFile(join(packDir, PACK_STATE_FILE));
    const time = new Date().toISOString().replace(/[:.]/g, '-');
    await writeFileAtomic(join(packDir, `${CORRUPT_STATE_PREFIX}${time}.json`), text, this.options);
  }

  /** Deletes everything in the pack's folder but its state and the folders it refers to. */
  private async deleteUnreferenced(packId: string, state: PackState): Promise<void> {
    const keep = referencedFolders(state);
    const packDir = this.packDir(packId);
    const names = await fsp.readdir(packDir);
    const doomed = names.filter(
      (name) =>
        name !== PACK_STATE_FILE && !name.startsWith(CORRUPT_STATE_PREFIX) && !keep.has(name),
    );
    if (doomed.length === 0) return;
    // A read that began before the state changed may still be in a folder about to go.
    await this.readsDone(packId);
    for (const name of doomed) await fsp.rm(join(packDir, name), { recursive: true, force: true });
  }

  /** Runs the changes of one pack one at a time, in call order. */
  private change<T>(packId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.changes.get(packId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.changes.set(packId, settled);
    void settled.then(() => {
      if (this.changes.get(packId) === settled) this.changes.delete(packId);
    });
    return next;
  }

  /** Runs a read, recorded so that a change does not delete its folder under it. */
  private tracked<T>(packId: string, task: () => Promise<T>): Promise<T> {
    const running = task();
    const reads = this.reads.get(packId) ?? new Set<Promise<unknown>>();
    this.reads.set(packId, reads);
    const settled = running.catch(() => undefined);
    reads.add(settled);
    void settled.then(() => {
      reads.delete(settled);
      if (reads.size === 0 && this.reads.get(packId) === reads) this.reads.delete(packId);
    });
    return running;
  }

  private async readsDone(packId: string): Promise<void> {
    await Promise.all([...(this.reads.get(packId) ?? [])]);
  }
}

/**
 * What main answers to a pack request (`packs:*` in ipcContract.ts): the value, or the store's
 * refusal as its code, for the page to word. Any other failure still rejects.
 */
export async function packAnswer<T>(work: Promise<T>): Promise<PackStoreAnswer<T>> {
  try {
    return { status: 'done', value: await work };
  } catch (error) {
    if (error instanceof PackRefusedError) return { status: 'refused', refusal: error.refusal };
    throw error;
  }
}

/** The store of the data folder `dataDir`'s content packs (created on the first install). */
export function openPackFolder(dataDir: string, options: AtomicWriteOptions = {}): PackFolder {
  return new PackFolder(contentPacksDir(dataDir), options);
}
