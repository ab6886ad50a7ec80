import type { Language } from '../../../../electron/shared/language';
import type { ContentDocument } from '../content/model';
import type { Vocabulary } from '../content/vocabulary';
import { stripEnglishSpans } from '../markdown/englishSpanText';

/**
 * Indexed fields and their boosts, strongest first. A word in a title outranks the same word in
 * a summary, which outranks headings, then body. Glossary terms and aliases (`keywords`) and the
 * municipality's name and region rank near the title: typing "Middlesex" or "AODA" means them.
 */
export const SEARCH_FIELDS = [
  { name: 'title', boost: 10 },
  { name: 'keywords', boost: 8 },
  { name: 'municipality', boost: 6 },
  { name: 'summary', boost: 4 },
  { name: 'headings', boost: 3 },
  { name: 'topics', boost: 2 },
  { name: 'body', boost: 1 },
] as const;

/**
 * The fields that count as a document's title for ranking's title bonus (searchEngine.ts): its
 * title, and a glossary entry's term and aliases.
 */
export const TITLE_FIELDS: readonly string[] = ['title', 'keywords'];

/**
 * Document boosts by type: when guidance and an example match a query equally well, the guidance
 * (what to do) comes first and the case studies (who did it) follow.
 */
export const TYPE_BOOSTS: Readonly<Partial<Record<SearchableDocument['type'], number>>> = {
  recommendation: 1.3,
  'guide-step': 1.3,
  'key-issue': 1.15,
  opportunity: 1.15,
};

/** The name of an indexed field. */
export type SearchField = (typeof SEARCH_FIELDS)[number]['name'];

/** What the index needs of a document (a `ContentDocument` has all of it). */
export type SearchableDocument = Pick<
  ContentDocument,
  'id' | 'type' | 'title' | 'summary' | 'topics' | 'headings' | 'plainText'
> &
  Partial<Pick<Extract<ContentDocument, { type: 'case-study' }>, 'municipality'>> &
  Partial<Pick<Extract<ContentDocument, { type: 'glossary' }>, 'term' | 'aliases'>> & {
    /**
     * The language of the body (and headings) when it is not the document's own: a French
     * version that carries the English text (`bodyFrom: en`) says 'en'.
     */
    bodyLang?: Language;
  };

/**
 * The exact text of each field as indexed. Term positions in search results are offsets into
 * these strings, so the app must build snippets from this function's output, not its own. A
 * French title or summary quoting English (`[text]{lang=en}`) is indexed without the markup, as
 * bodies are (their plain text has none).
 */
export function searchFields(
  doc: SearchableDocument,
  vocabulary: Vocabulary,
): Record<SearchField, string> {
  const municipality = doc.municipality;
  return {
    title: stripEnglishSpans(doc.title),
    keywords: doc.term === undefined ? '' : [doc.term, ...(doc.aliases ?? [])].join('\n'),
    municipality:
      municipality === undefined
        ? ''
        : [municipality.name, vocabulary.regions[municipality.region] ?? municipality.region].join(
            '\n',
          ),
    summary: stripEnglishSpans(doc.summary),
    headings: doc.headings.map((heading) => heading.text).join('\n'),
    topics: doc.topics.map((topic) => vocabulary.topics[topic] ?? topic).join('\n'),
    body: doc.plainText,
  };
}

/**
 * The text of each field as a segment in `language` indexes it: `searchFields`, without the body
 * and headings of a version whose body is in another language (a French version with the English
 * text, `bodyLang: 'en'`), which that language's segment indexes instead. Snippets quote these
 * same strings, so their marks fall where the segment's terms are.
 */
export function segmentFields(
  doc: SearchableDocument,
  vocabulary: Vocabulary,
  language: Language,
): Record<SearchField, string> {
  const fields = searchFields(doc, vocabulary);
  return doc.bodyLang === undefined || doc.bodyLang === language
    ? fields
    : { ...fields, headings: '', body: '' };
}
