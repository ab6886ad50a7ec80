import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CONTENT_DATA_VERSION,
  type CatalogEntry,
  type CatalogFile,
  type ContentDocument,
  type DocumentStoreFile,
} from '../../renderer/src/core/content/model';
import type { Vocabulary } from '../../renderer/src/core/content/vocabulary';
import { DATA_FILES } from '../../renderer/src/core/content/dataFiles';
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

/**
 * Writes the data files: the documents, the catalog and the search index fragments. Each is
 * written to a temporary name and renamed, so a running dev server never serves half a file.
 * Output depends only on the content (no timestamps).
 */
export async function writeDataFiles(
  outDir: string,
  data: {
    documents: ContentDocument[];
    catalog: CatalogEntry[];
    vocabulary: Vocabulary;
    index: SegmentFragments;
    /** AMO's release; written beside the data when the content folder has it. */
    releaseText: string | null;
  },
): Promise<WrittenFile[]> {
  await mkdir(outDir, { recursive: true });
  const store: DocumentStoreFile = { version: CONTENT_DATA_VERSION, documents: data.documents };
  const catalog: CatalogFile = {
    version: CONTENT_DATA_VERSION,
    vocabulary: data.vocabulary,
    entries: data.catalog,
  };
  const outputs: Array<[string, string | Uint8Array]> = [
    [DATA_FILES.documents, `${JSON.stringify(store)}\n`],
    [DATA_FILES.catalog, `${JSON.stringify(catalog)}\n`],
    ...FRAGMENT_KINDS.map((kind): [string, Uint8Array] => [
      fragmentFileName(kind),
      data.index[kind],
    ]),
    ...(data.releaseText === null
      ? []
      : [[DATA_FILES.release, data.releaseText] as [string, string]]),
  ];
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
