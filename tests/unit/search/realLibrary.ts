import { DEFAULT_CONTENT_DIR } from '../../../build/content/commands';
import { runContentPipeline } from '../../../build/content/pipeline';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import type { SegmentFragments } from '../../../renderer/src/core/search/layout/format';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { searchFields, type SearchField } from '../../../renderer/src/core/search/searchFields';

/** Each document's indexed text, by field. */
export type FieldTexts = ReadonlyMap<string, Readonly<Record<SearchField, string>>>;

/** The real library as search sees it. */
export interface RealLibrary {
  documents: ContentDocument[];
  vocabulary: Vocabulary;
  /** Each document's indexed text, by field. */
  texts: FieldTexts;
}

/**
 * Reads `content/` through the content pipeline's own reader and parser, in memory, so the index
 * under test is always built by the code under test (a data folder left over from an earlier
 * build would test an old analyzer). Validation issues do not stop it: content being written
 * elsewhere is `content:check`'s business, and every document whose front matter parsed is
 * searchable.
 */
export async function loadRealLibrary(): Promise<RealLibrary> {
  const result = await runContentPipeline({ contentDir: DEFAULT_CONTENT_DIR, outDir: null });
  const { vocabulary, documents } = result;
  if (!vocabulary || documents.length === 0)
    throw new Error(`content/ could not be read: ${result.issues[0]?.message ?? 'no documents'}`);
  return {
    documents,
    vocabulary,
    texts: new Map(documents.map((doc) => [doc.id as string, searchFields(doc, vocabulary)])),
  };
}

/** The library's index, built by the content pipeline's builder. */
export function buildFragments(library: RealLibrary): SegmentFragments {
  return buildSegment(library.documents, library.vocabulary);
}

/**
 * The engine over fragments as the app opens it: the core first, the other fragments when a
 * query first needs them (copies, so nothing is shared with the caller's bytes).
 */
export function openEngine(fragments: SegmentFragments): Promise<SearchEngine> {
  return SearchEngine.open([(kind) => Promise.resolve(fragments[kind].slice())]);
}
