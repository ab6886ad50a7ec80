import { attributionIssues } from './attributionIssues';
import type { DocId } from './ids';
import { compareIssues, type ContentIssue } from './issues';
import {
  compareForCatalog,
  toCatalogEntry,
  toContentDocument,
  type CatalogEntry,
  type ContentDocument,
} from './model';
import { parseContentFile, type ParsedDocument, type SourceFile } from './parseFile';
import { prepareReleaseText } from './releaseText';
import { validateCorpus } from './validateCorpus';
import type { Vocabulary } from './vocabulary';

/** A validated corpus, or the list of everything wrong with it. */
export interface CorpusResult {
  /** Every issue, sorted by file and line. Empty when the corpus is valid. */
  issues: ContentIssue[];
  /** Documents sorted by id (only those whose front matter parsed). */
  documents: ContentDocument[];
  /** Library entries in library order. */
  catalog: CatalogEntry[];
  /** File line of each document's body line 1, for reports that point into the body. */
  bodyStartLines: ReadonlyMap<DocId, number>;
  /** Every file whose front matter parsed, as parsed (the French versions are checked against them). */
  parsed: ParsedDocument[];
}

/** What the corpus is checked against besides its own files. */
export interface CorpusOptions {
  /**
   * The text of AMO's release (`content/sources/amo-release-2017-08-14.txt`), which quotations
   * attributed to AMO, the report or the Task Force must match. Null or absent: no quotation
   * can be verified, so each one is reported as "cannot be verified".
   */
  releaseText?: string | null;
}

/**
 * Parses and validates a set of content files as one corpus: each file alone, then the
 * cross-document rules. Pure (no file system): the caller reads the files, and the release text
 * too. The app could run these rules on an imported content pack (a later issue), but it ships
 * no release text today, so every quotation a pack gives as AMO's would be reported as one that
 * cannot be verified; a pack check must first bring the release text (in the pack or in the app)
 * and pass it here as `releaseText`.
 */
export function buildCorpus(
  files: readonly SourceFile[],
  vocabulary: Vocabulary,
  options: CorpusOptions = {},
): CorpusResult {
  const issues: ContentIssue[] = [];
  const parsed: ParsedDocument[] = [];
  const unparsedIds = new Set<string>();
  for (const file of files) {
    const result = parseContentFile(file, vocabulary);
    issues.push(...result.issues);
    if (result.document) parsed.push(result.document);
    else unparsedIds.add(file.relativePath.replace(/^.*\//, '').replace(/\.md$/, ''));
  }
  const check = validateCorpus(parsed, unparsedIds);
  issues.push(...check.issues);
  const release = options.releaseText == null ? null : prepareReleaseText(options.releaseText);
  for (const doc of parsed) issues.push(...attributionIssues(doc, release));

  const seen = new Set<string>();
  const documents = parsed
    .filter((doc) => (seen.has(doc.frontMatter.id) ? false : (seen.add(doc.frontMatter.id), true)))
    .map((doc) => toContentDocument(doc, check.backlinks.get(doc.frontMatter.id) ?? []))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const catalog = [...documents].sort(compareForCatalog).map(toCatalogEntry);
  const bodyStartLines = new Map<DocId, number>();
  for (const doc of parsed)
    if (!bodyStartLines.has(doc.frontMatter.id))
      bodyStartLines.set(doc.frontMatter.id, doc.bodyStartLine);
  return { issues: issues.sort(compareIssues), documents, catalog, bodyStartLines, parsed };
}
