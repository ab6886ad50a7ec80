import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type lunr from 'lunr';
import {
  CONTENT_DATA_VERSION,
  type CatalogEntry,
  type CatalogFile,
  type ContentDocument,
  type DocumentStoreFile,
} from '../../renderer/src/core/content/model';
import type { Vocabulary } from '../../renderer/src/core/content/vocabulary';
import { DATA_FILES } from '../../renderer/src/core/content/dataFiles';

/** A file the pipeline wrote, with its size in bytes. */
export interface WrittenFile {
  file: string;
  bytes: number;
}

/**
 * Writes the three data files. Each is written to a temporary name and renamed, so a running
 * dev server never serves half a file. Output depends only on the content (no timestamps).
 */
export async function writeDataFiles(
  outDir: string,
  data: {
    documents: ContentDocument[];
    catalog: CatalogEntry[];
    vocabulary: Vocabulary;
    index: lunr.Index;
  },
): Promise<WrittenFile[]> {
  await mkdir(outDir, { recursive: true });
  const store: DocumentStoreFile = { version: CONTENT_DATA_VERSION, documents: data.documents };
  const catalog: CatalogFile = {
    version: CONTENT_DATA_VERSION,
    vocabulary: data.vocabulary,
    entries: data.catalog,
  };
  const outputs: Array<[string, unknown]> = [
    [DATA_FILES.documents, store],
    [DATA_FILES.catalog, catalog],
    [DATA_FILES.searchIndex, data.index.toJSON()],
  ];
  const written: WrittenFile[] = [];
  for (const [name, value] of outputs) {
    const file = path.join(outDir, name);
    const text = `${JSON.stringify(value)}\n`;
    await writeFile(`${file}.tmp`, text, 'utf8');
    await rename(`${file}.tmp`, file);
    written.push({ file, bytes: Buffer.byteLength(text) });
  }
  return written;
}
