/**
 * The team folder on the desktop: core's `FolderAccess` over a directory the user chose (a
 * OneDrive or Dropbox folder, a network drive, a Syncthing folder). Pure Node (no Electron), so
 * unit tests, the kill test's child process and the Syncthing integration test run the real code.
 *
 * The folder is shared with other people's machines, so nothing in it is trusted:
 * - every path is checked with `isFolderPath` (relative, no `..`, no hidden or odd names), and the
 *   real location of its parent folder must lie inside the root, so a symbolic link a teammate
 *   (or their sync tool) placed in the folder never leads a read or a write outside it; a file
 *   that is itself a link is not listed and not read;
 * - a read is bounded: the size is checked before reading, and at most `maxBytes + 1` bytes are
 *   read, so a file that grows meanwhile is reported too large instead of read whole;
 * - temporary files that writers killed mid-write left in a member folder are removed at the next
 *   write there;
 * - writes never create the root: when it is gone (network drive offline, disk unplugged) every
 *   call rejects with `FolderUnavailableError` rather than writing to the empty mount point.
 */
import { constants, promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join, relative, resolve, sep, isAbsolute } from 'node:path';
import {
  FolderUnavailableError,
  isFolderPath,
  type FolderAccess,
  type FolderEntry,
  type FolderReadResult,
} from '../../../renderer/src/core/team/folderAccess';
import { TEMP_FILE_PATTERN, writeFileAtomic, type AtomicWriteOptions } from '../atomicFile';

/** The path was refused: not a folder path, or leading outside the root. */
export class FolderPathError extends Error {
  constructor(readonly path: string) {
    super(`not a path inside the team folder: ${JSON.stringify(path)}`);
    this.name = 'FolderPathError';
  }
}

/** Files in a shared folder must be readable by the teammates' accounts on a network share. */
const SHARED_FILE_MODE = 0o666;
// Not defined on Windows, where links in a synced folder are rare and reparse points are
// checked through the parent's real path like everything else.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

export class NodeFolderAccess implements FolderAccess {
  private readonly root: string;

  constructor(
    root: string,
    private readonly options: AtomicWriteOptions = {},
  ) {
    this.root = resolve(root);
  }

  async list(dir: string): Promise<FolderEntry[]> {
    const absolute = await this.existingInside(dir);
    if (absolute === undefined) return [];
    let dirents;
    try {
      dirents = await fsp.readdir(absolute, { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        await this.realRoot();
        return [];
      }
      throw error;
    }
    const entries: FolderEntry[] = [];
    for (const dirent of dirents) {
      // Hidden names (temp files, .stfolder, .DS_Store) and names no other host could open.
      if (!isFolderPath(dirent.name)) continue;
      // Links are neither: whatever they point at is not the teammate's file.
      if (!dirent.isFile() && !dirent.isDirectory()) continue;
      try {
        const stats = await fsp.lstat(join(absolute, dirent.name));
        if (stats.isFile()) {
          entries.push({
            name: dirent.name,
            kind: 'file',
            size: stats.size,
            modifiedMs: stats.mtimeMs,
          });
        } else if (stats.isDirectory()) {
          entries.push({
            name: dirent.name,
            kind: 'directory',
            size: 0,
            modifiedMs: stats.mtimeMs,
          });
        }
      } catch (error) {
        // Removed between the listing and the look (a sync tool at work): not there.
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
    return entries;
  }

  async read(path: string, maxBytes: number): Promise<FolderReadResult> {
    if (path === '') throw new FolderPathError(path);
    const absolute = await this.existingInside(path);
    if (absolute === undefined) return { status: 'missing' };
    let handle: FileHandle;
    try {
      handle = await fsp.open(absolute, constants.O_RDONLY | NO_FOLLOW);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        await this.realRoot();
        return { status: 'missing' };
      }
      // O_NOFOLLOW on a link: not the teammate's file; treat it like one that is not there.
      if (code === 'ELOOP') return { status: 'missing' };
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { status: 'missing' };
      if (stats.size > maxBytes) return { status: 'tooLarge', size: stats.size };
      // One byte more than allowed tells a file that grew past the bound from one that did not.
      const limit = maxBytes + 1;
      let buffer = new Uint8Array(Math.min(stats.size + 1, limit));
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled === buffer.length) {
          if (filled === limit) return { status: 'tooLarge', size: filled };
          // Grown since the stat (a sync tool still writing it), but within the bound so far.
          const larger = new Uint8Array(Math.min(buffer.length * 2, limit));
          larger.set(buffer);
          buffer = larger;
        }
      }
      return { status: 'ok', bytes: buffer.slice(0, filled) };
    } finally {
      await handle.close();
    }
  }

  async writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    if (path === '' || !isFolderPath(path)) throw new FolderPathError(path);
    const parts = path.split('/');
    const name = parts.pop() ?? '';
    const realRoot = await this.realRoot();
    // Below the root only (the root itself missing is FolderUnavailableError above), one level
    // at a time, each checked before the next is made in it: a linked folder on the way never
    // gets a folder made outside the root.
    let realParent = realRoot;
    for (const part of parts) {
      const next = join(realParent, part);
      await fsp.mkdir(next).catch((error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error;
      });
      realParent = await fsp.realpath(next);
      if (!isInside(realRoot, realParent)) throw new FolderPathError(path);
    }
    await writeFileAtomic(join(realParent, name), bytes, {
      ...this.options,
      mode: SHARED_FILE_MODE,
    });
    // Only below the root: the root is everyone's, while a member writes only their own folder.
    if (parts.length > 0) await removeTempFilesOfDeadWriters(realParent);
  }

  async remove(path: string): Promise<void> {
    if (path === '') throw new FolderPathError(path);
    const absolute = await this.existingInside(path);
    if (absolute === undefined) return;
    try {
      // unlink removes a link itself, never what it points at.
      await fsp.unlink(absolute);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      throw error;
    }
  }

  /**
   * The absolute path of `path` with its parent's real location checked to be inside the root;
   * undefined when the parent does not exist (so neither does the path). Rejects with
   * FolderUnavailableError when the root is gone and FolderPathError for a refused path.
   */
  private async existingInside(path: string): Promise<string | undefined> {
    if (!isFolderPath(path)) throw new FolderPathError(path);
    const realRoot = await this.realRoot();
    if (path === '') return realRoot;
    const parts = path.split('/');
    const name = parts.pop() ?? '';
    let realParent: string;
    try {
      realParent = await fsp.realpath(join(this.root, ...parts));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
    if (!isInside(realRoot, realParent)) throw new FolderPathError(path);
    return join(realParent, name);
  }

  /** The root's real location, or FolderUnavailableError when it is not there as a folder. */
  private async realRoot(): Promise<string> {
    try {
      const real = await fsp.realpath(this.root);
      const stats = await fsp.stat(real);
      if (stats.isDirectory()) return real;
    } catch (error) {
      throw new FolderUnavailableError(errorCode(error) ?? 'unreachable');
    }
    throw new FolderUnavailableError('ENOTDIR');
  }
}

/**
 * Removes the temporary files a writer killed mid-write left (`.<name>.tmp-<pid>-<random>`, see
 * atomicFile.ts): hidden, so no reader sees them, but a sync tool would carry them to every
 * teammate. Those of a process still running (this one included) may be writes in progress.
 */
async function removeTempFilesOfDeadWriters(dir: string): Promise<void> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!TEMP_FILE_PATTERN.test(name)) continue;
    const pid = Number(/\.tmp-(\d+)-/.exec(name)?.[1]);
    if (isRunning(pid)) continue;
    await fsp.rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errorCode(error) !== 'ESRCH';
  }
}

/** True when `path` is `root` or lies below it (both real, absolute paths). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
