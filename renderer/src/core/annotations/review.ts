import type { Language } from '../../../../electron/shared/language';
import type { DocId } from '../content/ids';
import { findPassage } from './anchoring/anchor';
import { SearchableText } from './anchoring/searchableText';
import { WorkMeter } from './anchoring/workMeter';
import { quoteOf } from './accessors';
import { annotationLanguageOf, documentVersionKey, type DocumentTextOf } from './documentVersion';
import { contentVersion } from './contentVersion';
import type { AnnotationId } from './ids';
import { keepReviewedAnnotation, reattachAnnotation, type AnnotationClock } from './operations';
import type { Annotation, AnnotationsDatabase } from './schema';

/**
 * "Review after update" (issue 15): when a document's text changes (a content pack updated, an
 * own document edited), its annotations are anchored again in the new text. Each one records the
 * version of the text it was made on (`target.contentVersion`), so the ones to look at are those
 * whose text is not that version any more:
 * - still exactly at its recorded place: nothing to review;
 * - `moved`: the same words found elsewhere in the text;
 * - `changed`: found with some words changed (an approximate match);
 * - `gone`: its passage is not in the text any more.
 * Marking one reviewed keeps it: a moved or changed one is attached where it was found (so it is
 * placed there from now on); a gone one keeps its quote and records the version it was reviewed
 * on (`target.reviewedVersion`), so it is not listed again until the text changes once more. No
 * annotation is ever dropped; the reader lists one that does not anchor among its orphans.
 */
export type ReviewReason = 'moved' | 'changed' | 'gone';

export interface AnnotationToReview {
  annotation: Annotation;
  reason: ReviewReason;
  /** The quote as it was recorded. */
  quote: string;
  /** Where it is now, in the document's current text; null when gone. */
  found: { start: number; end: number; text: string } | null;
}

/**
 * The annotations to review, in the given order. `currentText` gives a document's current text
 * (the reader's rendered text, which offsets refer to), or null when the document is not in the
 * library (those are listed as orphaned elsewhere, not reviewed). One work budget covers every
 * search, so a crafted database cannot make this run without bound: an annotation the budget does
 * not reach is not listed (the reader looks for it when its document opens).
 */
export function annotationsToReview(
  annotations: readonly Annotation[],
  currentText: DocumentTextOf,
  meter: WorkMeter = new WorkMeter(),
): AnnotationToReview[] {
  const texts = new Map<string, { text: SearchableText; version: string } | null>();
  const current = (docId: DocId, language: Language) => {
    const key = documentVersionKey(docId, language);
    if (!texts.has(key)) {
      const text = currentText(docId, language);
      texts.set(
        key,
        text === null ? null : { text: new SearchableText(text), version: contentVersion(text) },
      );
    }
    return texts.get(key) ?? null;
  };
  const out: AnnotationToReview[] = [];
  for (const annotation of annotations) {
    const { docId, contentVersion: madeOn, reviewedVersion, selector } = annotation.target;
    // Compared with the version it was made on: the French text is not a change of the English.
    const now = current(docId, annotationLanguageOf(annotation));
    if (now === null || now.version === madeOn || now.version === reviewedVersion) continue;
    const finding = findPassage(now.text, selector, meter);
    const quote = quoteOf(annotation);
    if (finding.status === 'orphaned') {
      if (finding.reason === 'not-found')
        out.push({ annotation, reason: 'gone', quote, found: null });
      continue;
    }
    if (finding.method === 'position') continue;
    const reason = finding.method === 'quote' ? 'moved' : 'changed';
    // An approximate match can begin or end inside a word ("r use" for "Never use"); the passage
    // a person would recognise, and attach the note to, is the whole words.
    const { start, end } =
      reason === 'changed'
        ? wholeWords(now.text.text, finding.start, finding.end)
        : { start: finding.start, end: finding.end };
    out.push({
      annotation,
      reason,
      quote,
      found: { start, end, text: now.text.text.slice(start, end) },
    });
  }
  return out;
}

const WORD_CHARACTER = /[\p{L}\p{N}'’-]/u;

/** `start`..`end` widened so that it neither begins nor ends inside a word of `text`. */
export function wholeWords(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = start;
  let to = end;
  while (
    from > 0 &&
    WORD_CHARACTER.test(text[from - 1] ?? '') &&
    WORD_CHARACTER.test(text[from] ?? '')
  )
    from -= 1;
  while (
    to < text.length &&
    WORD_CHARACTER.test(text[to] ?? '') &&
    WORD_CHARACTER.test(text[to - 1] ?? '')
  )
    to += 1;
  return { start: from, end: to };
}

/**
 * Marks a reviewed annotation as seen on `text` (the document's current text): attached where it
 * was found, or, when gone, kept with its quote and the reviewed version recorded. Its note, tags,
 * meaning and author are kept; it gets a new stamp, so the review travels in merges.
 */
export function markReviewed(
  db: AnnotationsDatabase,
  id: AnnotationId,
  review: { text: string; found: { start: number; end: number } | null },
  clock: AnnotationClock,
  now: Date = new Date(),
): AnnotationsDatabase {
  if (review.found)
    return reattachAnnotation(
      db,
      id,
      { text: review.text, start: review.found.start, end: review.found.end },
      clock,
      now,
    );
  return keepReviewedAnnotation(db, id, review.text, clock, now);
}
