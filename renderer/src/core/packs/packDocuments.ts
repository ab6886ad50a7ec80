import { attributionIssues } from '../content/attributionIssues';
import { PACK_DOC_ID_SEPARATOR, type DocId } from '../content/ids';
import { compareIssues, type ContentIssue } from '../content/issues';
import {
  compareForCatalog,
  toCatalogEntry,
  toContentDocument,
  type CatalogEntry,
  type ContentDocument,
} from '../content/model';
import { parseContentFile, type ParsedDocument, type SourceFile } from '../content/parseFile';
import { prepareReleaseText } from '../content/releaseText';
import { validateCorpus } from '../content/validateCorpus';
import type { Vocabulary } from '../content/vocabulary';
import { DOCS_PREFIX } from './archivePath';
import { SLOW_PATH_CANDIDATES, addressBodyLinks } from './packBodyLinks';

/**
 * The documents of a pack, checked with the rules of `npm run content:check`: each file alone
 * (front matter schema of its type, id equal to the file name, folder of its type, body, case
 * study and workshop rules, attribution of quotations), then across the pack (unique ids,
 * `related`, block documents and `doc:` links, headings of `#section` links, unique glossary
 * terms). What only the bundled library has does not apply: minimum counts, guide-step and
 * recommendation sequences (a pack holds neither type).
 *
 * References resolve inside the pack first, then to the bundled library (`bundledIds`); a
 * reference to neither is a warning, not a refusal: the pack may have been made against a newer
 * library. Sections of bundled documents are not checked here (their headings are not at hand).
 */

/** Separates a pack's id from a document's own id: `<packId>--<docId>` (defined with the ids). */
export { PACK_DOC_ID_SEPARATOR };

/**
 * A pack document as the app stores it: ids addressed within the pack, and `path` the archive
 * path (`docs/case-studies/x.md`) where a bundled document has its path under `content/`.
 */
export type PackDocument = ContentDocument & {
  /** The document's id inside the pack, as its file names it. */
  localId: string;
};

/** What the documents of a pack need to be checked against. */
export interface PackDocumentsContext {
  packId: string;
  /** The controlled vocabulary of the bundled library (topics, regions, tiers). */
  vocabulary: Vocabulary;
  /** Ids of the bundled library's documents. */
  bundledIds: ReadonlySet<string>;
  /** The text of AMO's release, as for `buildCorpus`; null: no quotation can be verified. */
  releaseText: string | null;
}

/** The checked documents, the issues that refuse the pack and the warnings that do not. */
export interface PackDocumentsResult {
  issues: ContentIssue[];
  warnings: ContentIssue[];
  /** Sorted by id; meaningful only when `issues` is empty. */
  documents: PackDocument[];
  /** Library entries in library order. */
  catalog: CatalogEntry[];
}

/** The id a document of pack `packId` has in the app. */
export function packDocumentId(packId: string, localId: string): DocId {
  // Not a kebab-case DocId (it has a double hyphen on purpose); the brand says "an id the app
  // resolves", which it is.
  return `${packId}${PACK_DOC_ID_SEPARATOR}${localId}` as DocId;
}

/** Checks the documents (archive path and UTF-8 text each); see the file comment. */
export function checkPackDocuments(
  files: ReadonlyArray<{ path: string; text: string }>,
  context: PackDocumentsContext,
): PackDocumentsResult {
  const issues: ContentIssue[] = [];
  const parsed: ParsedDocument[] = [];
  const unparsedIds = new Set<string>();
  for (const { path, text } of files) {
    const source: SourceFile = {
      relativePath: path.slice(DOCS_PREFIX.length),
      displayPath: path,
      text,
    };
    const result = parseContentFile(source, context.vocabulary);
    issues.push(...result.issues);
    if (result.document) parsed.push(result.document);
    else unparsedIds.add(localIdOf(path));
  }
  // A bundled id resolves like a file that exists: accepted, its sections unchecked.
  const elsewhere = new Set([...unparsedIds, ...context.bundledIds]);
  const check = validateCorpus(parsed, elsewhere, 'warning');
  issues.push(...check.issues);
  const release = context.releaseText === null ? null : prepareReleaseText(context.releaseText);
  for (const doc of parsed) issues.push(...attributionIssues(doc, release));

  const localIds = new Set<string>(parsed.map((doc) => doc.frontMatter.id));
  const resolve = (id: string): DocId =>
    localIds.has(id) ? packDocumentId(context.packId, id) : (id as DocId);
  const documents = parsed
    .map((doc) =>
      addressed(
        toContentDocument(doc, check.backlinks.get(doc.frontMatter.id) ?? []),
        doc,
        resolve,
        () => issues.push(unaddressableBody(doc)),
      ),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const catalog = [...documents].sort(compareForCatalog).map(toCatalogEntry);
  return {
    issues: issues.sort(compareIssues),
    warnings: check.warnings.sort(compareIssues),
    documents,
    catalog,
  };
}

/** The issue that refuses a body whose `doc:` links cannot be addressed safely (packBodyLinks.ts). */
function unaddressableBody(doc: ParsedDocument): ContentIssue {
  return {
    file: doc.file.displayPath,
    line: doc.bodyStartLine,
    field: 'body',
    message: `more than ${SLOW_PATH_CANDIDATES} doc: links to the pack's documents, and some doc: text that is not a link (in inline code, say), so its links cannot be addressed safely; use fewer doc: links, or keep doc: out of code in this document`,
  };
}

function localIdOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.md$/, '');
}

/**
 * The document with its own id, every id it names in front matter and the `doc:` links of its
 * body addressed for the app (pack first, then the bundled library), so the stored document
 * renders and links without knowing which pack it came from.
 */
function addressed(
  document: ContentDocument,
  parsed: ParsedDocument,
  resolve: (id: string) => DocId,
  unaddressable: () => void,
): PackDocument {
  const localId = parsed.frontMatter.id;
  const body = addressBodyLinks(document.body, (id) => {
    const addressedId = resolve(id);
    return addressedId === id ? null : addressedId;
  });
  if (body === null) unaddressable();
  const common = {
    localId,
    id: resolve(localId),
    path: parsed.file.displayPath,
    body: body ?? document.body,
    related: document.related.map(resolve),
    backlinks: document.backlinks.map(resolve),
  };
  if (document.type === 'workshop')
    return {
      ...document,
      ...common,
      blocks: document.blocks.map((block) => ({
        ...block,
        documents: block.documents.map(resolve),
      })),
    };
  return { ...document, ...common };
}
