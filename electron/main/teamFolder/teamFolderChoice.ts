/**
 * Which team folder the user chose, remembered across restarts in the data folder.
 *
 * The file's name has a dot before `.json` so that no storage key names it (keys are lowercase
 * words and dashes, stored as `<key>.json`): the page can write any stored document, and must
 * never be able to point main at a folder of its choosing. Only the folder dialog sets it.
 * Written atomically; a file that does not hold an absolute path is treated as no choice.
 * Pure Node (no Electron), so it is unit-tested.
 */
import { promises as fsp } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../atomicFile';

/** The file in the data folder that holds the chosen folder's absolute path. */
export const TEAM_FOLDER_CHOICE_FILE = 'team-folder.choice.json';

interface StoredChoice {
  /** The chosen folder's absolute path. */
  path: string;
}

function choiceFile(dataDir: string): string {
  return join(dataDir, TEAM_FOLDER_CHOICE_FILE);
}

/** The folder chosen before, or undefined when none was (or the file is not one this wrote). */
export async function readTeamFolderChoice(dataDir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(choiceFile(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { path } = value as Partial<StoredChoice>;
    return typeof path === 'string' && isAbsolute(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `path` (absolute) as the chosen folder. */
export async function saveTeamFolderChoice(dataDir: string, path: string): Promise<void> {
  if (!isAbsolute(path)) throw new Error(`A team folder path must be absolute: ${path}`);
  const stored: StoredChoice = { path };
  await writeFileAtomic(choiceFile(dataDir), `${JSON.stringify(stored, null, 2)}\n`);
}

/** Forgets the chosen folder (the folder itself is left alone). */
export async function forgetTeamFolderChoice(dataDir: string): Promise<void> {
  await fsp.rm(choiceFile(dataDir), { force: true });
}
