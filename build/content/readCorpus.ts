import { readdir, readFile } from 'node:fs/promises';
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
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const relativePaths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) =>
      path.relative(contentDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter(
      (relativePath) =>
        relativePath !== 'README.md' && !relativePath.startsWith(`${FRENCH_FOLDER}/`),
    )
    .sort();
  return Promise.all(
    relativePaths.map(async (relativePath) => ({
      relativePath,
      displayPath: displayPathOf(path.join(contentDir, relativePath)),
      text: await readFile(path.join(contentDir, relativePath), 'utf8'),
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
