import type { ContentIssue } from '../content/issues';
import type { CatalogEntry } from '../content/model';
import type { Vocabulary } from '../content/vocabulary';
import { PACK_LIMITS } from '../packs/limits';
import { checkPackDocuments, type PackDocument } from '../packs/packDocuments';
import { OWN_DOCUMENTS_PACK_ID } from '../packs/packStorage';
import { utf8ByteLength } from '../safeJson/utf8ByteLength';
import { buildSegment } from '../search/layout/buildSegment';
import type { SegmentFragments } from '../search/layout/format';
import { ownDocumentFile, storedDocumentFile } from './documentFile';
import type { OwnContent, OwnDocument } from './schema';

/** What own documents are built against: the bundled library's vocabulary and ids. */
export interface OwnCollectionContext {
  vocabulary: Vocabulary;
  /** Ids of the bundled library: links to them resolve (to neither, they are warnings). */
  bundledIds: ReadonlySet<string>;
  /**
   * AMO's release as the app ships it: an own document's quotations of AMO are checked against
   * it as the bundled library's are; null when the build has none (then they cannot be verified).
   */
  releaseText: string | null;
}

/** The collection `own` as the library, the reader and search take it. */
export interface BuiltOwnCollection {
  /** Ids `own--<id>`, sorted by id. */
  documents: PackDocument[];
  /** Library entries, in library order. */
  catalog: CatalogEntry[];
  /** The collection's search index segment; null when there is no document. */
  fragments: SegmentFragments | null;
}

/**
 * Builds the collection from the stored documents, with the functions that read a content pack:
 * each document becomes its `local-document` file and is parsed and checked as a pack's would be
 * (so headings, plain text and links are the reader's and the search index's own), then indexed
 * into one segment. A document that does not parse (a topic the vocabulary no longer has left it
 * none, say) is left out here; the "Your documents" list still shows it, for its writer to fix.
 * Pure: the app runs it in a Worker.
 */
export function buildOwnCollection(
  docs: readonly OwnDocument[],
  context: OwnCollectionContext,
): BuiltOwnCollection {
  const files = docs.map((doc) => storedDocumentFile(doc, context.vocabulary));
  const checked = checkPackDocuments(files, {
    packId: OWN_DOCUMENTS_PACK_ID,
    vocabulary: context.vocabulary,
    bundledIds: context.bundledIds,
    releaseText: context.releaseText,
  });
  const { documents, catalog } = checked;
  const fragments = documents.length === 0 ? null : buildSegment(documents, context.vocabulary);
  return { documents, catalog, fragments };
}

/** What `checkOwnContent` found. */
export interface OwnContentCheck {
  /** What the content rules would refuse. */
  issues: ContentIssue[];
  /** Links to documents that are neither own nor bundled. */
  warnings: ContentIssue[];
  /** The file line of the body's first line (issues on the body count from it). */
  bodyStartLine: number;
  /**
   * The file's size in UTF-8 bytes, front matter included, when it is more than a pack may hold
   * in one Markdown file (`limit`); null when it fits.
   */
  tooLarge: { bytes: number; limit: number } | null;
}

/**
 * What the content rules say of `content` saved as document `id`, as a pack's reader would say
 * it: the issues that would refuse it (in `issues`) and links to documents that are neither own
 * nor bundled (in `warnings`). `ownIds` are the other own documents' ids, which links may name.
 * The file is also measured as the export writes it (`tooLarge`): the store counts the body in
 * characters, a pack counts the whole file in bytes, and what saves must also export.
 */
export function checkOwnContent(
  id: string,
  content: OwnContent,
  now: string,
  context: OwnCollectionContext & { ownIds: ReadonlySet<string> },
): OwnContentCheck {
  const file = ownDocumentFile(id, content, now);
  const checked = checkPackDocuments([file], {
    packId: OWN_DOCUMENTS_PACK_ID,
    vocabulary: context.vocabulary,
    bundledIds: new Set([...context.bundledIds, ...context.ownIds]),
    releaseText: context.releaseText,
  });
  const bytes = utf8ByteLength(file.text);
  const limit = PACK_LIMITS.maxMarkdownBytes;
  return {
    issues: checked.issues,
    warnings: checked.warnings,
    bodyStartLine: file.bodyStartLine,
    tooLarge: bytes > limit ? { bytes, limit } : null,
  };
}
