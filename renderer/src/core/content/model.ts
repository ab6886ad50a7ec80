import type { Language } from '../../../../electron/shared/language';
import { analyzeBody, type Heading } from './bodyAnalysis';
import type { FrontMatter } from './frontMatter';
import type { DocId } from './ids';
import type { ParsedDocument } from './parseFile';
import { DOC_TYPES, populationBand, type DocType, type PopulationBand } from './types';
import type { Vocabulary } from './vocabulary';
import { workshopLength } from './workshopRules';

/** Version of the emitted data files; bump when their shape changes. */
export const CONTENT_DATA_VERSION = 1;

/** Extras every stored document carries besides its front matter. */
interface DocumentExtras {
  /** Path under `content/`, e.g. `guide/guide-1-assess-readiness.md`. */
  path: string;
  /** The Markdown body, rendered by the reader. */
  body: string;
  headings: Heading[];
  /** The body as plain text (the search index's `body` field; snippets quote it). */
  plainText: string;
  /** Ids of documents that link to this one or list it in `related`, sorted. */
  backlinks: DocId[];
  /** `fr` for a French version (`documents.fr.json`); absent: English. */
  lang?: 'fr';
  /**
   * `en` when the body, headings and plain text are the English version's (a French version
   * with `bodyFrom: en`); absent: they are in the document's own language.
   */
  bodyLang?: 'en';
}

/** One document of the store: front matter, body and what the pipeline derived from it. */
export type ContentDocument = FrontMatter & DocumentExtras;

/** A light entry for the library, shown before the documents and the index have loaded. */
export interface CatalogEntry {
  id: DocId;
  type: DocType;
  title: string;
  summary: string;
  topics: string[];
  updated: string;
  municipality?: {
    name: string;
    tier: string;
    region: string;
    population?: number;
    censusYear?: number;
    smallRuralNorthern: boolean;
  };
  populationBand?: PopulationBand;
  years?: string;
  step?: number;
  number?: number;
  term?: string;
  /** Workshops: who the session is for. */
  audience?: string;
  /** Workshops: total length in minutes (the sum of the blocks). */
  durationMinutes?: number;
  /** Workshops: how many timed blocks the agenda has. */
  blockCount?: number;
  /** `fr` for a French version (`catalog.fr.json`); absent: English. */
  lang?: 'fr';
}

/** `documents.json`: the document store. */
export interface DocumentStoreFile {
  version: number;
  documents: ContentDocument[];
}

/** `catalog.json`: the vocabulary (for filter labels) and the library list. */
export interface CatalogFile {
  version: number;
  vocabulary: Vocabulary;
  entries: CatalogEntry[];
}

/**
 * Builds the stored document from a parsed file and its backlinks. A French version with
 * `bodyFrom: en` passes its English version as `englishBody`: the stored body, headings and plain
 * text are then that document's, marked `bodyLang: 'en'`.
 */
export function toContentDocument(
  parsed: ParsedDocument,
  backlinks: readonly DocId[],
  englishBody?: Pick<ContentDocument, 'body' | 'headings' | 'plainText'>,
): ContentDocument {
  const language = parsed.language === 'fr' ? ({ lang: 'fr' } as const) : {};
  if (englishBody !== undefined && parsed.bodyFrom === 'en')
    return {
      ...parsed.frontMatter,
      path: parsed.file.relativePath,
      body: englishBody.body,
      headings: englishBody.headings,
      plainText: englishBody.plainText,
      backlinks: [...backlinks],
      ...language,
      bodyLang: 'en',
    };
  return {
    ...parsed.frontMatter,
    path: parsed.file.relativePath,
    body: parsed.body,
    headings: parsed.analysis.headings,
    plainText: searchableText(parsed),
    backlinks: [...backlinks],
    ...language,
  };
}

/**
 * A workshop is found by what its blocks cover, not only by its short introduction, so its plain
 * text adds each block's title, purpose and activity after the body.
 */
function searchableText(parsed: ParsedDocument): string {
  const fm = parsed.frontMatter;
  if (fm.type !== 'workshop') return parsed.analysis.plainText;
  const blocks = fm.blocks.map((b) =>
    [b.title, analyzeBody(b.purpose).plainText, analyzeBody(b.activity).plainText].join('\n'),
  );
  return [parsed.analysis.plainText, ...blocks].filter((t) => t !== '').join('\n');
}

/** The library's light view of a document (`lang` passes through from a French version). */
export function toCatalogEntry(doc: FrontMatter & { lang?: 'fr' }): CatalogEntry {
  const entry: CatalogEntry = {
    id: doc.id,
    type: doc.type,
    title: doc.title,
    summary: doc.summary,
    topics: [...doc.topics],
    updated: doc.updated,
  };
  if (doc.type === 'case-study') {
    const m = doc.municipality;
    entry.municipality = {
      name: m.name,
      tier: m.tier,
      region: m.region,
      ...(m.population === undefined ? {} : { population: m.population }),
      ...(m.censusYear === undefined ? {} : { censusYear: m.censusYear }),
      smallRuralNorthern: m.smallRuralNorthern ?? false,
    };
    entry.populationBand = populationBand(m.population);
    if (doc.years !== undefined) entry.years = doc.years;
  }
  if (doc.type === 'guide-step') entry.step = doc.step;
  if (doc.type === 'recommendation') entry.number = doc.number;
  if (doc.type === 'glossary') entry.term = doc.term;
  if (doc.type === 'workshop') {
    entry.audience = doc.audience;
    entry.durationMinutes = workshopLength(doc.blocks);
    entry.blockCount = doc.blocks.length;
  }
  if (doc.lang === 'fr') entry.lang = 'fr';
  return entry;
}

/** The collation each language's library sorts titles with. */
export const CATALOG_LOCALES: Readonly<Record<Language, string>> = { en: 'en-CA', fr: 'fr-CA' };

/**
 * Library order: by type, then guide step or recommendation number, then title (in the
 * collation of the library's language: French sorts « École » with the e's), then id.
 * Deterministic, so the emitted files only change when content does.
 */
export function compareForCatalog(
  a: FrontMatter,
  b: FrontMatter,
  language: Language = 'en',
): number {
  const byType = DOC_TYPES.indexOf(a.type) - DOC_TYPES.indexOf(b.type);
  if (byType !== 0) return byType;
  const order = orderOf(a) - orderOf(b);
  if (order !== 0) return order;
  const byTitle = a.title.localeCompare(b.title, CATALOG_LOCALES[language]);
  if (byTitle !== 0) return byTitle;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function orderOf(doc: FrontMatter): number {
  if (doc.type === 'guide-step') return doc.step;
  if (doc.type === 'recommendation') return doc.number;
  return 0;
}
