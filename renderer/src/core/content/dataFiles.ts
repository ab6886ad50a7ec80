import { z } from 'zod';
import type { Language } from '../../../../electron/shared/language';
import { frontMatterSchemas } from './frontMatter';
import { LIBRARY_DOC_ID_PATTERN, type DocId } from './ids';
import {
  CONTENT_DATA_VERSION,
  type CatalogEntry,
  type CatalogFile,
  type DocumentStoreFile,
} from './model';
import { DOC_TYPES, POPULATION_BANDS } from './types';
import { vocabularySchema, type Vocabulary } from './vocabulary';

/**
 * The data files the pipeline writes and the app fetches from `./data/`; the search index is
 * written beside them as fragments (`fragmentFileName` in core/search/layout/format.ts). These
 * are the English library's; {@link dataFileName} names each language's.
 */
export const DATA_FILES = {
  documents: 'documents.json',
  catalog: 'catalog.json',
  /**
   * The text of AMO's release (content/sources), shipped so that a content pack's quotations of
   * AMO are checked in the app exactly as `npm run content:check` checks the bundled library.
   */
  release: 'amo-release.txt',
} as const;

/** The data files each language of the library has (the release is English only). */
export type LanguageDataFile = 'documents' | 'catalog';

/**
 * The rule for every file the library has per language (data files, search fragments): the
 * English library's name as it is (`documents.json`, `search-core.bin`), another language's with
 * the language before the extension (`documents.fr.json`, `search-core.fr.bin`).
 */
export function languageFileName(file: string, language: Language): string {
  if (language === 'en') return file;
  const dot = file.lastIndexOf('.');
  return dot === -1 ? `${file}.${language}` : `${file.slice(0, dot)}.${language}${file.slice(dot)}`;
}

/** A language's data file: `documents.json`, `documents.fr.json`, `catalog.fr.json`... */
export function dataFileName(name: LanguageDataFile, language: Language): string {
  return languageFileName(DATA_FILES[name], language);
}

const docId = z
  .string()
  .regex(LIBRARY_DOC_ID_PATTERN)
  .transform((value) => value as DocId);
const version = z.literal(CONTENT_DATA_VERSION, {
  error: `data was built by another version of the toolkit (expected version ${CONTENT_DATA_VERSION}); rebuild the content`,
});

const catalogEntrySchema = z.object({
  id: docId,
  type: z.enum(DOC_TYPES),
  title: z.string(),
  summary: z.string(),
  topics: z.array(z.string()),
  updated: z.string(),
  municipality: z
    .object({
      name: z.string(),
      tier: z.string(),
      region: z.string(),
      population: z.number().optional(),
      censusYear: z.number().optional(),
      smallRuralNorthern: z.boolean(),
    })
    .optional(),
  populationBand: z.enum(POPULATION_BANDS).optional(),
  years: z.string().optional(),
  step: z.number().optional(),
  number: z.number().optional(),
  term: z.string().optional(),
  audience: z.string().optional(),
  durationMinutes: z.number().int().positive().optional(),
  blockCount: z.number().int().positive().optional(),
  lang: z.literal('fr').optional(),
});

/**
 * The language fields refused in a collection's documents and entries: a collection (a content
 * pack, own documents) is English only, so a stored one claiming `lang: fr` (tampered with, or
 * written by something else) would otherwise get the French glossary, French annotations and the
 * French marks of a bundled French version.
 */
const ENGLISH_ONLY =
  "is only for the bundled library's French versions; a collection's documents (content packs, own documents) are in English";
const englishOnly = {
  lang: z.undefined({ error: ENGLISH_ONLY }).optional(),
  bodyLang: z.undefined({ error: ENGLISH_ONLY }).optional(),
};

const catalogFileSchema = z.object({
  version,
  vocabulary: vocabularySchema,
  entries: z.array(catalogEntrySchema),
});

/**
 * Parses library entries without a vocabulary: a stored content pack's `catalog.json` (issue 15),
 * whose vocabulary is the bundled library's. A pack's entries are English (issue 18: only the
 * bundled library has French versions), so `lang` is refused.
 */
export function parseCatalogEntries(json: unknown): CatalogEntry[] {
  return z.array(catalogEntrySchema.extend({ lang: englishOnly.lang })).parse(json);
}

/** Parses `catalog.json` from `unknown` (fetched or imported data is never trusted). */
export function parseCatalogFile(json: unknown): CatalogFile {
  return catalogFileSchema.parse(json);
}

const extras = {
  path: z.string(),
  body: z.string(),
  headings: z.array(z.object({ level: z.number().int(), text: z.string(), slug: z.string() })),
  plainText: z.string(),
  backlinks: z.array(docId),
  lang: z.literal('fr').optional(),
  bodyLang: z.literal('en').optional(),
};

/**
 * Whose documents a file holds: the bundled library's (which has language versions: `lang`,
 * `bodyLang`) or a collection's (a content pack's, own documents: English only).
 */
export type DocumentsOrigin = 'library' | 'collection';

/**
 * Parses `documents.json` from `unknown`, checking every document against the same
 * front-matter schema the pipeline used (with the catalog's vocabulary). A collection's documents
 * (`origin: 'collection'`) must not carry `lang` or `bodyLang`.
 */
export function parseDocumentStoreFile(
  json: unknown,
  vocabulary: Vocabulary,
  origin: DocumentsOrigin = 'library',
): DocumentStoreFile {
  const schemas = frontMatterSchemas(vocabulary);
  const fields = origin === 'library' ? extras : { ...extras, ...englishOnly };
  const documentSchema = z.discriminatedUnion('type', [
    schemas.about.extend(fields),
    schemas.recommendation.extend(fields),
    schemas['key-issue'].extend(fields),
    schemas.opportunity.extend(fields),
    schemas['guide-step'].extend(fields),
    schemas['case-study'].extend(fields),
    schemas.glossary.extend(fields),
    schemas.workshop.extend(fields),
    schemas['local-document'].extend(fields),
  ]);
  const parsed = z.object({ version, documents: z.array(documentSchema) }).parse(json);
  return { version: parsed.version, documents: parsed.documents };
}
