/**
 * Where user data lives. By default Electron's per-user folder (`userData`). Two things move the
 * whole profile (and with it the single-instance lock and the logs):
 * - the portable Windows `.exe`, which keeps its data in a folder beside itself, so a copy on a
 *   USB stick carries its plans and notes from one computer to the next with nothing to set;
 * - the environment variable ONMUNI_DATA_DIR, absolute, or relative to the program's folder.
 *
 * "The program's folder" is where the person put the program, not where the OS runs it from: the
 * portable `.exe` unpacks itself to a temporary folder, an AppImage runs from a read-only mount
 * under /tmp, and a macOS app's executable sits deep inside its `.app` bundle. Data must never
 * land inside the mount or the bundle (read-only, or wiped on update, or it breaks the signature).
 *
 * Pure: every input is passed in, so the rules are unit-tested for each platform.
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The environment variable that moves the whole profile. */
export const DATA_DIR_ENV = 'ONMUNI_DATA_DIR';
/** The folder the portable `.exe` keeps its data in, beside itself. */
export const PORTABLE_DATA_FOLDER = 'OnMuni Toolkit Data';

type Env = Readonly<Record<string, string | undefined>>;

/** What the rules read about the running program. */
export interface ProgramLocation {
  env: Env;
  /** `app.getPath('exe')`. */
  exePath: string;
  platform: NodeJS.Platform;
}

/** Where the profile goes: the default (`dir` undefined) or a folder, with a warning to log. */
export interface ProfileChoice {
  dir: string | undefined;
  reason: 'default' | 'portable' | 'environment';
  warning?: string;
}

/** The `.app` bundle that holds a macOS executable, or undefined. */
function macBundle({ exePath, platform }: ProgramLocation): string | undefined {
  if (platform !== 'darwin') return undefined;
  const match = /^(.*?\.app)(?:\/|$)/.exec(exePath);
  return match?.[1];
}

/** The folder the person put the program in (see the module comment). */
export function programDir(location: ProgramLocation): string {
  const { env, exePath } = location;
  if (env.PORTABLE_EXECUTABLE_DIR) return resolve(env.PORTABLE_EXECUTABLE_DIR);
  if (location.platform === 'linux' && env.APPIMAGE) return dirname(resolve(env.APPIMAGE));
  const bundle = macBundle(location);
  if (bundle !== undefined) return dirname(bundle);
  return dirname(exePath);
}

/** Folders the program runs from that must never hold data. */
export function readOnlyRoots(location: ProgramLocation): string[] {
  const roots: string[] = [];
  if (location.platform === 'linux' && location.env.APPDIR)
    roots.push(resolve(location.env.APPDIR));
  const bundle = macBundle(location);
  if (bundle !== undefined) roots.push(bundle);
  return roots;
}

function isInsideOrSame(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Decides the profile folder. Call before the app is ready (app.setPath('userData', dir)). */
export function chooseProfileDir(location: ProgramLocation): ProfileChoice {
  const base = programDir(location);
  const value = location.env[DATA_DIR_ENV]?.trim();
  if (value) {
    const dir = isAbsolute(value) ? resolve(value) : resolve(base, value);
    const inside = readOnlyRoots(location).find((root) => isInsideOrSame(root, dir));
    if (inside === undefined) return { dir, reason: 'environment' };
    const warning = `${DATA_DIR_ENV} (${value}) points inside the program's read-only folder (${inside}); using the default data folder instead.`;
    return location.env.PORTABLE_EXECUTABLE_DIR
      ? { dir: join(base, PORTABLE_DATA_FOLDER), reason: 'portable', warning }
      : { dir: undefined, reason: 'default', warning };
  }
  if (location.env.PORTABLE_EXECUTABLE_DIR) {
    return { dir: join(base, PORTABLE_DATA_FOLDER), reason: 'portable' };
  }
  return { dir: undefined, reason: 'default' };
}

/** The folder that holds the stored JSON documents, inside a profile folder. */
export function documentsDir(profileDir: string): string {
  return join(profileDir, 'data');
}

/** The log folder of a moved profile, so a portable copy keeps its logs beside its data too. */
export function logsDir(profileDir: string): string {
  return join(profileDir, 'logs');
}
