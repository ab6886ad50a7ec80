import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runContentPipeline } from '../../../build/content/pipeline';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import type { SearchableDocument } from '../../../renderer/src/core/search/searchFields';

/** The repository root (this file is tests/bench/search/corpus.ts). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** A corpus as every engine sees it: documents plus the vocabulary that labels their topics. */
export interface BenchCorpus {
  /** Short name used in the table: "real", "1k", "10k". */
  name: string;
  /** How the documents were obtained, for the report. */
  origin: string;
  vocabulary: Vocabulary;
  docs: SearchableDocument[];
}

/** Keeps only what the index reads, so corpus files handed to workers stay small. */
function toSearchable(doc: SearchableDocument): SearchableDocument {
  const kept: SearchableDocument = {
    id: doc.id,
    type: doc.type,
    title: doc.title,
    summary: doc.summary,
    topics: [...doc.topics],
    headings: doc.headings.map((heading) => ({ ...heading })),
    plainText: doc.plainText,
  };
  if (doc.municipality) kept.municipality = { ...doc.municipality };
  if (doc.term !== undefined) kept.term = doc.term;
  if (doc.aliases !== undefined) kept.aliases = [...doc.aliases];
  return kept;
}

/**
 * The real corpus of `content/`, through the content pipeline's own reader and parser. Validation
 * issues (the corpus is still being written) do not stop the benchmark: the pipeline returns
 * every document whose front matter parsed, which is all search needs. Falls back to the emitted
 * `renderer/public/data/documents.json` if the pipeline cannot read the vocabulary.
 */
export async function loadRealCorpus(): Promise<BenchCorpus> {
  const contentDir = path.join(REPO_ROOT, 'content');
  const result = await runContentPipeline({ contentDir, outDir: null });
  if (result.vocabulary && result.documents.length > 0) {
    const note =
      result.issues.length === 0
        ? 'content/ (valid)'
        : `content/ (${result.issues.length} validation issues ignored)`;
    return {
      name: 'real',
      origin: note,
      vocabulary: result.vocabulary,
      docs: result.documents.map(toSearchable),
    };
  }
  const dataDir = path.join(REPO_ROOT, 'renderer/public/data');
  const store = JSON.parse(await readFile(path.join(dataDir, 'documents.json'), 'utf8')) as {
    documents: SearchableDocument[];
  };
  const catalog = JSON.parse(await readFile(path.join(dataDir, 'catalog.json'), 'utf8')) as {
    vocabulary: Vocabulary;
  };
  return {
    name: 'real',
    origin: 'renderer/public/data/documents.json',
    vocabulary: catalog.vocabulary,
    docs: store.documents.map(toSearchable),
  };
}
