import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCorpus } from '../../renderer/src/core/content/corpus';
import type { DocId } from '../../renderer/src/core/content/ids';
import type { ContentIssue } from '../../renderer/src/core/content/issues';
import type { CatalogEntry, ContentDocument } from '../../renderer/src/core/content/model';
import { RELEASE_PATH } from '../../renderer/src/core/content/releaseText';
import { parseVocabulary, type Vocabulary } from '../../renderer/src/core/content/vocabulary';
import type { SegmentFragments } from '../../renderer/src/core/search/layout/format';
import { buildSegment } from '../../renderer/src/core/search/layout/buildSegment';
import { writeDataFiles, type WrittenFile } from './emit';
import { displayPathOf, readCorpusFiles } from './readCorpus';

/** Where the pipeline reads and writes. */
export interface PipelineOptions {
  /** The content folder: type folders of Markdown plus `vocabulary.yml`. */
  contentDir: string;
  /** Where to write the data files; null validates and builds the index without writing. */
  outDir: string | null;
}

/** Everything one run produced. `issues` empty means the content is valid. */
export interface PipelineResult {
  issues: ContentIssue[];
  vocabulary: Vocabulary | null;
  documents: ContentDocument[];
  catalog: CatalogEntry[];
  /** File line of each document's body line 1 (see CorpusResult). */
  bodyStartLines: ReadonlyMap<DocId, number>;
  /** The search index segment of the library, as its fragments. */
  index: SegmentFragments | null;
  written: WrittenFile[];
}

/**
 * Runs the content pipeline: read the vocabulary and every Markdown file, validate each file
 * and the corpus as a whole, and, only when nothing is wrong, build the search index and write
 * `documents.json`, `catalog.json` and the search index fragments (`search-*.bin`).
 */
export async function runContentPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const empty = {
    documents: [],
    catalog: [],
    bodyStartLines: new Map<DocId, number>(),
    index: null,
    written: [],
  };
  const vocabularyPath = path.join(options.contentDir, 'vocabulary.yml');
  let vocabularyText: string;
  try {
    vocabularyText = await readFile(vocabularyPath, 'utf8');
  } catch {
    return {
      ...empty,
      vocabulary: null,
      issues: [
        {
          file: displayPathOf(vocabularyPath),
          line: 1,
          field: 'vocabulary',
          message:
            'cannot be read; the content folder needs a vocabulary.yml (see content/README.md)',
        },
      ],
    };
  }
  const { vocabulary, issues: vocabularyIssues } = parseVocabulary(
    vocabularyText,
    displayPathOf(vocabularyPath),
  );
  if (!vocabulary) return { ...empty, vocabulary: null, issues: vocabularyIssues };

  const files = await readCorpusFiles(options.contentDir);
  const releaseText = await readOptional(path.join(options.contentDir, RELEASE_PATH));
  const corpus = buildCorpus(files, vocabulary, { releaseText });
  if (corpus.issues.length > 0)
    return {
      ...empty,
      vocabulary,
      issues: corpus.issues,
      documents: corpus.documents,
      catalog: corpus.catalog,
      bodyStartLines: corpus.bodyStartLines,
    };

  const index = buildSegment(corpus.documents, vocabulary);
  const written =
    options.outDir === null
      ? []
      : await writeDataFiles(options.outDir, {
          documents: corpus.documents,
          catalog: corpus.catalog,
          vocabulary,
          index,
          releaseText,
        });
  return {
    issues: [],
    vocabulary,
    documents: corpus.documents,
    catalog: corpus.catalog,
    bodyStartLines: corpus.bodyStartLines,
    index,
    written,
  };
}

/**
 * The shipped release, or null when the folder has none (test corpora): then a quotation given
 * as AMO's is reported as unverifiable rather than the whole build failing on a missing file.
 */
async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}
