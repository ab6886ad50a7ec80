import { frenchQuoteIssues } from './frenchQuotes';
import { inStepIssues } from './inStep';
import { compareIssues, type ContentIssue } from './issues';
import {
  compareForCatalog,
  toCatalogEntry,
  toContentDocument,
  type CatalogEntry,
  type ContentDocument,
} from './model';
import { parseContentFile, type ParsedDocument, type SourceFile } from './parseFile';
import { spanInLinkIssues } from './spanInLink';
import { TYPE_FOLDERS } from './types';
import { validateCorpus } from './validateCorpus';
import type { Vocabulary } from './vocabulary';

/** The French versions, validated and checked against the English library. */
export interface FrenchCorpusResult {
  /** Problems of the French files: their own rules and the in-step check, sorted. */
  issues: ContentIssue[];
  /**
   * English documents that have no French version yet, one issue each (at the path the French
   * version should have). Kept apart: the library is only complete when this is empty, but the
   * French versions that exist are valid data without the rest.
   */
  untranslated: ContentIssue[];
  /** French documents sorted by id; a `bodyFrom: en` one carries the English body. */
  documents: ContentDocument[];
  /** French library entries, titles in French collation. */
  catalog: CatalogEntry[];
  /** Every French file whose front matter parsed. */
  parsed: ParsedDocument[];
}

/**
 * Parses and validates the French versions (`content/fr/<folder>/<id>.md`, `relativePath`
 * relative to `content/fr/`) with the English per-file and corpus rules, and checks that each
 * is in step with its English version (`english`, the English corpus as parsed). References
 * resolve among the French versions first, then the English documents (a missing French version
 * is reported once, in `untranslated`). The English attribution rule is not applied: a French
 * version quotes AMO only in English spans (double quotation marks outside one are refused),
 * each of which must be word for word in the English version, where the rule applies.
 * `frenchPath` names the file a missing version should be.
 */
export function buildFrenchCorpus(
  files: readonly SourceFile[],
  vocabulary: Vocabulary,
  english: readonly ParsedDocument[],
  frenchPath: (relativePath: string) => string,
): FrenchCorpusResult {
  const issues: ContentIssue[] = [];
  const parsed: ParsedDocument[] = [];
  const unparsedIds = new Set<string>();
  for (const file of files) {
    const result = parseContentFile(file, vocabulary, 'fr');
    issues.push(...result.issues);
    if (result.document) parsed.push(result.document);
    else unparsedIds.add(file.relativePath.replace(/^.*\//, '').replace(/\.md$/, ''));
  }
  const englishById = new Map<string, ParsedDocument>();
  for (const doc of english)
    if (!englishById.has(doc.frontMatter.id)) englishById.set(doc.frontMatter.id, doc);

  // A `bodyFrom: en` version is checked and linked with the body it shows: the English one.
  const withBodies = parsed.map((doc) => {
    const counterpart = englishById.get(doc.frontMatter.id);
    return doc.bodyFrom === 'en' && counterpart
      ? { ...doc, body: counterpart.body, analysis: counterpart.analysis }
      : doc;
  });
  const check = validateCorpus(withBodies, unparsedIds, 'issue', englishById);
  issues.push(...check.issues);

  for (const doc of parsed) {
    const counterpart = englishById.get(doc.frontMatter.id);
    issues.push(...frenchQuoteIssues(doc));
    issues.push(...spanInLinkIssues(doc));
    if (counterpart) issues.push(...inStepIssues(doc, counterpart));
    else
      issues.push({
        file: doc.file.displayPath,
        line: doc.lineOf(['id']),
        field: 'id',
        message: `'${doc.frontMatter.id}' has no English version (no content/${doc.file.relativePath}); a French version translates an English document and keeps its id, so fix the id or remove this file`,
      });
  }

  const translated = new Set([...parsed.map((d) => d.frontMatter.id), ...unparsedIds]);
  const untranslated = [...englishById.values()]
    .filter((doc) => !translated.has(doc.frontMatter.id))
    .map((doc) => {
      const relativePath = `${TYPE_FOLDERS[doc.frontMatter.type]}/${doc.frontMatter.id}.md`;
      return {
        file: frenchPath(relativePath),
        line: 1,
        field: 'file',
        message: `is missing: ${doc.file.displayPath} has no French version; copy it here, add lang: fr after type: and translate it (content/README.md, "French versions")`,
      };
    })
    .sort(compareIssues);

  const seen = new Set<string>();
  const documents = withBodies
    .filter((doc) => (seen.has(doc.frontMatter.id) ? false : (seen.add(doc.frontMatter.id), true)))
    .map((doc) =>
      toContentDocument(
        doc,
        check.backlinks.get(doc.frontMatter.id) ?? [],
        doc.bodyFrom === 'en' ? englishBody(doc) : undefined,
      ),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const catalog = [...documents].sort((a, b) => compareForCatalog(a, b, 'fr')).map(toCatalogEntry);
  return { issues: issues.sort(compareIssues), untranslated, documents, catalog, parsed };
}

/** The English body a `bodyFrom: en` version shows (its checked copy already holds it). */
function englishBody(
  doc: ParsedDocument,
): Pick<ContentDocument, 'body' | 'headings' | 'plainText'> {
  return { body: doc.body, headings: doc.analysis.headings, plainText: doc.analysis.plainText };
}

/** French ids each vocabulary list must share with the English one (`content/fr/vocabulary.yml`). */
export function vocabularyInStep(
  french: Vocabulary,
  english: Vocabulary,
  file: { displayPath: string; text: string },
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const lines = file.text.split('\n');
  for (const list of ['topics', 'regions', 'tiers'] as const) {
    const frenchIds = Object.keys(french[list]);
    const englishIds = Object.keys(english[list]);
    const listLine =
      Math.max(
        0,
        lines.findIndex((line) => line.startsWith(`${list}:`)),
      ) + 1;
    const missing = englishIds.filter((id) => !frenchIds.includes(id));
    const extra = frenchIds.filter((id) => !englishIds.includes(id));
    if (missing.length > 0)
      issues.push({
        file: file.displayPath,
        line: listLine,
        field: list,
        message: `lacks ${missing.join(', ')} of content/vocabulary.yml; give each English id its French label`,
      });
    for (const id of extra)
      issues.push({
        file: file.displayPath,
        line:
          Math.max(
            0,
            lines.findIndex((line) => line.trim().startsWith(`${id}:`)),
          ) + 1,
        field: `${list}.${id}`,
        message: `is not an id of content/vocabulary.yml; the French vocabulary labels the English ids (rename or remove it)`,
      });
  }
  return issues;
}
