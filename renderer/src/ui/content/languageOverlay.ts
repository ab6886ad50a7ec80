import type { CatalogEntry, CatalogFile, ContentDocument } from '../../core/content/model';

/**
 * The library in a language other than English: that language's versions of the bundled
 * documents laid over the English library by id. Every bundled document has a French version;
 * one that has none yet (a translation not written) shows in English, as content packs and the
 * user's own documents always do. Each entry and document says its own language (`lang`, absent
 * for English), so the screens can mark English shown in a French interface with `lang="en"`.
 */

// Defined in core (the workshop deck needs them too), used by the screens from here.
export { bodyLanguageOf, contentLanguageOf } from '../../core/content/documentLanguage';

/**
 * The catalog in the translated library's order (its titles sort in its own language), then any
 * English entry it has no version of, in English order; the translation's vocabulary (same ids,
 * its labels) replaces the English one.
 */
export function overlayCatalog(english: CatalogFile, translated: CatalogFile): CatalogFile {
  const translatedIds = new Set(translated.entries.map((entry) => entry.id));
  const englishOnly: CatalogEntry[] = english.entries.filter(
    (entry) => !translatedIds.has(entry.id),
  );
  const known = new Set(english.entries.map((entry) => entry.id));
  return {
    version: english.version,
    vocabulary: translated.vocabulary,
    // A version of a document the English library does not have would be an orphan: left out.
    entries: [...translated.entries.filter((entry) => known.has(entry.id)), ...englishOnly],
  };
}

/** The English documents with each one that has a translated version replaced by it. */
export function overlayDocuments(
  english: readonly ContentDocument[],
  translated: readonly ContentDocument[],
): ContentDocument[] {
  const byId = new Map(translated.map((doc) => [doc.id as string, doc]));
  return english.map((doc) => byId.get(doc.id) ?? doc);
}
