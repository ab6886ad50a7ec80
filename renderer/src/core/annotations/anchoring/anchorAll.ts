import { quoteOf } from '../accessors';
import { contentVersion } from '../contentVersion';
import type { Annotation } from '../schema';
import { anchor, type AnchorMethod } from './anchor';

/** An annotation found in the current text. */
export interface AnchoredAnnotation {
  annotation: Annotation;
  start: number;
  end: number;
  method: AnchorMethod;
  /** True when the document's text changed since the annotation was made or re-attached. */
  textChanged: boolean;
}

/** An annotation whose passage could not be found: shown with its quote, never dropped. */
export interface OrphanedAnnotation {
  annotation: Annotation;
  quote: string;
}

export interface AnchoringOutcome {
  /** In document order (by start, then end). */
  anchored: AnchoredAnnotation[];
  /** In the order given. */
  orphaned: OrphanedAnnotation[];
}

/**
 * Anchors every given annotation in the document's current text (pass the annotations of that
 * one document). Each annotation ends up in exactly one of the two lists.
 */
export function anchorAll(text: string, annotations: readonly Annotation[]): AnchoringOutcome {
  const version = contentVersion(text);
  const anchored: AnchoredAnnotation[] = [];
  const orphaned: OrphanedAnnotation[] = [];
  for (const annotation of annotations) {
    const found = anchor(text, annotation.target.selector);
    if (found) {
      anchored.push({
        annotation,
        ...found,
        textChanged: annotation.target.contentVersion !== version,
      });
    } else {
      orphaned.push({ annotation, quote: quoteOf(annotation) });
    }
  }
  anchored.sort((a, b) => a.start - b.start || a.end - b.end);
  return { anchored, orphaned };
}
