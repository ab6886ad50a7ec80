/**
 * Where user data lives. By default Electron's per-user folder (`userData`); a portable copy (for
 * example on a USB stick) sets the environment variable ONMUNI_DATA_DIR to keep everything beside
 * the program instead. Stored documents go in its `data` subfolder; Chromium's own files stay in
 * the profile folder itself.
 */
import { isAbsolute, join, resolve } from 'node:path';

/** The environment variable that moves the whole profile. */
export const DATA_DIR_ENV = 'ONMUNI_DATA_DIR';

/**
 * The profile folder named by ONMUNI_DATA_DIR, or undefined when it is not set. A relative value is
 * taken relative to the program's folder (`baseDir`), so `ONMUNI_DATA_DIR=OnMuniData` works on a
 * stick whatever drive letter it gets.
 */
export function profileDirFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  baseDir: string,
): string | undefined {
  const value = env[DATA_DIR_ENV]?.trim();
  if (!value) return undefined;
  return isAbsolute(value) ? resolve(value) : resolve(baseDir, value);
}

/** The folder that holds the stored JSON documents, inside a profile folder. */
export function documentsDir(profileDir: string): string {
  return join(profileDir, 'data');
}
