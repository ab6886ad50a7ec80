/**
 * Crash-safe file replacement: write a temp file beside the target, fsync it, rename it over the
 * target, then fsync the folder. A reader (or the app after a crash or power cut) sees either the
 * old file or the new one, never a mix. Pure Node: no Electron, so it is unit- and crash-tested.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Errors Windows raises while an antivirus, indexer, viewer or sync tool holds the file open. */
const TRANSIENT_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Waits between rename attempts: about 6 s in all, like the retry loops of graceful-fs/atomically. */
export const DEFAULT_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640, 1000, 1500, 2000];

/** The file-system calls the writer uses; tests may wrap them to inject faults. */
export interface AtomicFs {
  rename: (from: string, to: string) => Promise<void>;
}

export interface AtomicWriteOptions {
  /** Delays between retries of a rename that failed with EPERM, EBUSY or EACCES. */
  retryDelaysMs?: readonly number[];
  fs?: AtomicFs;
  /**
   * Permissions of the new file (before the umask). Default 0o600: the app's own data is the
   * user's alone. A shared team folder passes 0o666, so teammates on a network share can read it.
   */
  mode?: number;
}

/** Temp files are named `.<target>.tmp-<pid>-<random>` so stray ones can be recognised and removed. */
export const TEMP_FILE_PATTERN = /^\..+\.tmp-\d+-[0-9a-f]{12}$/;

function tempPathFor(target: string): string {
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  return join(dirname(target), `.${basename(target)}.tmp-${suffix}`);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Renames, retrying while Windows reports the target as locked. */
export async function renameWithRetry(
  from: string,
  to: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const rename = options.fs?.rename ?? fsp.rename;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const wait = delays[attempt];
      if (wait === undefined || !TRANSIENT_CODES.has(errorCode(error) ?? '')) throw error;
      await delay(wait);
    }
  }
}

/**
 * Flushes a folder's entry list so a completed rename survives a power cut. Not possible on
 * Windows (opening a folder fails there), where NTFS journals the rename itself; errors are ignored.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort only: see above.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Replaces `target` with `data` atomically and durably. The temp file is removed on failure. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(target);
  let renamed = false;
  try {
    // 'wx': never follow or reuse an existing file at the temp path.
    const handle = await fsp.open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target, options);
    renamed = true;
    await fsyncDirectory(dirname(target));
  } finally {
    if (!renamed) await fsp.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Deletes temp files left in `dir` by a writer that was killed mid-write. Returns their names. */
export async function removeStrayTempFiles(dir: string): Promise<string[]> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const stray = names.filter((name) => TEMP_FILE_PATTERN.test(name));
  await Promise.all(stray.map((name) => fsp.rm(join(dir, name), { force: true })));
  return stray;
}
