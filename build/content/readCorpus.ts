import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../../renderer/src/core/content/parseFile';

/** The folder of the French versions (`content/fr/<type-folder>/<id>.md`), read on its own. */
export const FRENCH_FOLDER = 'fr';

/**
 * Reads every `*.md` under the content folder except its top-level README.md and the French
 * versions under `fr/` (a second corpus with the same ids), in path order.
 * `displayPath` is relative to the working directory so `file:line` links open in editors.
 */
export async function readCorpusFiles(contentDir: string): Promise<SourceFile[]> {
  return readMarkdownFiles(
    contentDir,
    (relativePath) => relativePath !== 'README.md' && !relativePath.startsWith(`${FRENCH_FOLDER}/`),
  );
}

/**
 * Reads the French versions, `fr/<type-folder>/<id>.md`, with `relativePath` relative to `fr/`
 * (as an English file's is to the content folder); none when the folder has no `fr/`.
 */
export async function readFrenchFiles(contentDir: string): Promise<SourceFile[]> {
  const frenchDir = path.join(contentDir, FRENCH_FOLDER);
  if (!(await isDirectory(frenchDir))) return [];
  return readMarkdownFiles(frenchDir, () => true);
}

/** True when the content folder has French versions (`fr/`). */
export async function hasFrenchFolder(contentDir: string): Promise<boolean> {
  return isDirectory(path.join(contentDir, FRENCH_FOLDER));
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

async function readMarkdownFiles(
  dir: string,
  include: (relativePath: string) => boolean,
): Promise<SourceFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const relativePaths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter(include)
    .sort();
  return Promise.all(
    relativePaths.map(async (relativePath) => ({
      relativePath,
      displayPath: displayPathOf(path.join(dir, relativePath)),
      text: await readFile(path.join(dir, relativePath), 'utf8'),
    })),
  );
}

/** A path as short as possible for messages: relative to the working directory when inside it. */
export function displayPathOf(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative)
    .split(path.sep)
    .join('/');
}
