import type { DocId } from '../content/ids';
import type { Meaning } from './meanings';
import { isMeaning } from './meanings';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from './schema';

/** The quote an annotation highlights, with its context (every valid annotation has one). */
export function quoteSelectorOf(annotation: Annotation): TextQuoteSelector {
  const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
  if (!quote) throw new Error(`annotation ${annotation.id} has no TextQuoteSelector`);
  return quote;
}

/** Where the quote was in the text it was made on, if recorded. */
export function positionSelectorOf(annotation: Annotation): TextPositionSelector | null {
  return annotation.target.selector.find((s) => s.type === 'TextPositionSelector') ?? null;
}

/** The highlighted passage. */
export function quoteOf(annotation: Annotation): string {
  return quoteSelectorOf(annotation).exact;
}

/** The meaning of the highlight (Important, Question, ...). */
export function meaningOf(annotation: Annotation): Meaning {
  const value = annotation.body.find((b) => b.purpose === 'classifying')?.value ?? '';
  // The schema guarantees a valid meaning; the fallback only keeps the type honest.
  return isMeaning(value) ? value : 'important';
}

/** The plain-text note, or '' when there is none. */
export function noteOf(annotation: Annotation): string {
  return annotation.body.find((b) => b.purpose === 'commenting')?.value ?? '';
}

/** The tags, in the order they were given. */
export function tagsOf(annotation: Annotation): string[] {
  return annotation.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
}

/** The document the annotation is on. */
export function docIdOf(annotation: Annotation): DocId {
  return annotation.target.docId;
}

/** The author's name. */
export function authorOf(annotation: Annotation): string {
  return annotation.creator.name;
}
