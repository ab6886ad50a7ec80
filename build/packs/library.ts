import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RELEASE_PATH } from '../../renderer/src/core/content/releaseText';
import { parseVocabulary } from '../../renderer/src/core/content/vocabulary';
import type { ReadPackOptions } from '../../renderer/src/core/packs/readPack';
import { DEFAULT_CONTENT_DIR } from '../content/commands';

/**
 * What a pack is checked against on the publisher's machine: the bundled library as this
 * repository's `content/` folder holds it (vocabulary, document ids for links, AMO's release for
 * quotations). The app checks against the library it ships, built from the same folder.
 */
export async function libraryContext(
  contentDir: string = DEFAULT_CONTENT_DIR,
): Promise<Omit<ReadPackOptions, 'trustedKeys'>> {
  const vocabularyFile = path.join(contentDir, 'vocabulary.yml');
  const { vocabulary, issues } = parseVocabulary(
    await readFile(vocabularyFile, 'utf8'),
    vocabularyFile,
  );
  // The repository's own vocabulary: content:check keeps it valid, so a problem here is a bug.
  if (vocabulary === null)
    throw new Error(`${vocabularyFile}: ${issues.map((i) => i.message).join('; ')}`);
  return {
    vocabulary,
    bundledIds: await bundledIds(contentDir),
    releaseText: await readFile(path.join(contentDir, RELEASE_PATH), 'utf8').catch(() => null),
  };
}

/** Every document id of the library: each Markdown file's name, as content:check requires. */
async function bundledIds(contentDir: string): Promise<Set<string>> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      .filter(
        (entry) => entry.isFile() && entry.name.endsWith('.md') && entry.parentPath !== contentDir,
      )
      .map((entry) => entry.name.slice(0, -'.md'.length)),
  );
}
