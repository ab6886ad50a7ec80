import type { Language } from '../../../../../electron/shared/language';
import type { Meaning } from '../meanings';

/** The columns of the CSV export, in order. Ids only: the heading is `words.csvColumn(id)`. */
export const ANNOTATION_CSV_COLUMNS = [
  'document',
  'documentId',
  'meaning',
  'quote',
  'note',
  'tags',
  'author',
  'created',
  'modified',
  'annotationId',
] as const;

export type AnnotationCsvColumn = (typeof ANNOTATION_CSV_COLUMNS)[number];

/**
 * The words of the exports made for people to read (Markdown and CSV). Core has no words of its
 * own (the interface comes in more than one language), so the UI passes these in, worded in the
 * interface language. Counts and dates arrive as the values to put in.
 */
export interface AnnotationExportWords {
  /** The label of a meaning, e.g. "Idea for us". */
  meaning: (meaning: Meaning) => string;
  /** The Markdown report's title. */
  markdownTitle: string;
  /** The line under the title, e.g. "Exported 2026-11-26: 3 annotations." */
  markdownExported: (date: string, count: number) => string;
  /** The interface language, in which the report is worded. */
  language: Language;
  /**
   * The heading of a section about a document's version in another language than the
   * interface's (an annotation belongs to the version it was made on), e.g. "Title (English
   * version)", given that version's title.
   */
  otherVersion: (title: string, language: Language) => string;
  /** A section heading for a document that is not in this library. */
  notInLibrary: (docId: string) => string;
  /**
   * An annotation's heading from its meaning's label, author and date, e.g. "Idea for us: Ada,
   * 2026-11-01" (French puts a space before the colon).
   */
  entryHeading: (meaning: string, author: string, when: string) => string;
  /** When an annotation was made and last edited, e.g. "2026-11-01, edited 2026-11-03". */
  createdAndEdited: (created: string, modified: string) => string;
  /** The tags line, given the tags joined with ", ". */
  tagsLine: (tags: string) => string;
  /** A CSV column heading. */
  csvColumn: (column: AnnotationCsvColumn) => string;
  /** Orders two document titles as the interface language sorts them. */
  compareText: (a: string, b: string) => number;
}
