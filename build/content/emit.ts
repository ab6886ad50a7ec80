import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CONTENT_DATA_VERSION,
  type CatalogEntry,
  type CatalogFile,
  type ContentDocument,
  type DocumentStoreFile,
} from '../../renderer/src/core/content/model';
import type { Vocabulary } from '../../renderer/src/core/content/vocabulary';
import { DATA_FILES, dataFileName } from '../../renderer/src/core/content/dataFiles';
import type { Language } from '../../electron/shared/language';
import {
  FRAGMENT_KINDS,
  fragmentFileName,
  type SegmentFragments,
} from '../../renderer/src/core/search/layout/format';

/** A file the pipeline wrote, with its size in bytes. */
export interface WrittenFile {
  file: string;
  bytes: number;
}

/** One language's library: what its data files hold. */
export interface LanguageData {
  documents: ContentDocument[];
  catalog: CatalogEntry[];
  vocabulary: Vocabulary;
  index: SegmentFragments;
}

/**
 * Writes the data files: each language's documents, catalog and search index fragments (the
 * names from `dataFileName` and `fragmentFileName`: `documents.json`, `documents.fr.json`, ...).
 * Each is written to a temporary name and renamed, so a running dev server never serves half a
 * file. Output depends only on the content (no timestamps). A language with no data (a content
 * folder whose `fr/` was removed) has its files from an earlier build removed, or the app would
 * go on serving that old French library as if it were current.
 */
export async function writeDataFiles(
  outDir: string,
  data: {
    english: LanguageData;
    /** The French versions; null writes none (a content folder without `fr/`). */
    french: LanguageData | null;
    /** AMO's release; written beside the data when the content folder has it. */
    releaseText: string | null;
  },
): Promise<WrittenFile[]> {
  await mkdir(outDir, { recursive: true });
  const outputs: Array<[string, string | Uint8Array]> = [
    ...languageFiles(data.english, 'en'),
    ...(data.french === null ? [] : languageFiles(data.french, 'fr')),
    ...(data.releaseText === null
      ? []
      : [[DATA_FILES.release, data.releaseText] as [string, string]]),
  ];
  const stale: Language[] = data.french === null ? ['fr'] : [];
  await Promise.all(
    stale.flatMap(languageFileNames).map((name) => rm(path.join(outDir, name), { force: true })),
  );
  const written: WrittenFile[] = [];
  for (const [name, content] of outputs) {
    const file = path.join(outDir, name);
    await writeFile(`${file}.tmp`, content);
    await rename(`${file}.tmp`, file);
    written.push({
      file,
      bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
    });
  }
  return written;
}

/** The names of a language's files: its document store, its catalog and its index fragments. */
function languageFileNames(language: Language): string[] {
  return [
    dataFileName('documents', language),
    dataFileName('catalog', language),
    ...FRAGMENT_KINDS.map((kind) => fragmentFileName(kind, language)),
  ];
}

/** A language's files by name, with their content (named as {@link languageFileNames}). */
function languageFiles(
  data: LanguageData,
  language: Language,
): Array<[string, string | Uint8Array]> {
  const store: DocumentStoreFile = { version: CONTENT_DATA_VERSION, documents: data.documents };
  const catalog: CatalogFile = {
    version: CONTENT_DATA_VERSION,
    vocabulary: data.vocabulary,
    entries: data.catalog,
  };
  return [
    [dataFileName('documents', language), `${JSON.stringify(store)}\n`],
    [dataFileName('catalog', language), `${JSON.stringify(catalog)}\n`],
    ...FRAGMENT_KINDS.map((kind): [string, Uint8Array] => [
      fragmentFileName(kind, language),
      data.index[kind],
    ]),
  ];
}
