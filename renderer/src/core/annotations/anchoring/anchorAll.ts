import { quoteOf } from '../accessors';
import { contentVersion } from '../contentVersion';
import type { AnnotationId } from '../ids';
import type { Annotation, Selector } from '../schema';
import {
  findApproximately,
  findExactly,
  TRY_APPROXIMATELY,
  type AnchorFinding,
  type AnchorMethod,
  type OrphanReason,
} from './anchor';
import { SearchableText } from './searchableText';
import { WorkMeter } from './workMeter';

/** An annotation found in the current text. */
export interface AnchoredAnnotation {
  annotation: Annotation;
  start: number;
  end: number;
  method: AnchorMethod;
  /** True when the document's text changed since the annotation was made or re-attached. */
  textChanged: boolean;
}

/** An annotation whose passage could not be placed: shown with its quote, never dropped. */
export interface OrphanedAnnotation {
  annotation: Annotation;
  quote: string;
  reason: OrphanReason;
}

export interface AnchoringOutcome {
  /** In document order (by start, then end). */
  anchored: AnchoredAnnotation[];
  /** In the order given. */
  orphaned: OrphanedAnnotation[];
}

/** What anchoring needs of an annotation: small, so it is cheap to post to a worker. */
export interface AnchoringItem {
  id: AnnotationId;
  selectors: readonly Selector[];
}

/** The part of an annotation that anchoring reads. */
export function anchoringItemOf(annotation: Annotation): AnchoringItem {
  return { id: annotation.id, selectors: annotation.target.selector };
}

/**
 * Finds every item's passage in `text`, all paid for from one meter (by default one document's
 * budget), and returns one finding per item, in order. The cheap steps (position, exact quote)
 * run for every item before any approximate search, so annotations whose text merely moved are
 * never left unsearched because of costly ones; once the meter runs dry the rest are
 * `not-searched`.
 */
export function findAll(
  text: string,
  items: readonly AnchoringItem[],
  meter: WorkMeter = new WorkMeter(),
): AnchorFinding[] {
  const searchable = new SearchableText(text);
  const firstPass = items.map((item) => findExactly(searchable, item.selectors, meter));
  return firstPass.map((found, i) =>
    found === TRY_APPROXIMATELY
      ? findApproximately(searchable, items[i]?.selectors ?? [], meter)
      : found,
  );
}

/**
 * Anchors every given annotation in the document's current text (pass the annotations of that
 * one document). Each annotation ends up in exactly one of the two lists.
 */
export function anchorAll(
  text: string,
  annotations: readonly Annotation[],
  meter: WorkMeter = new WorkMeter(),
): AnchoringOutcome {
  const findings = findAll(text, annotations.map(anchoringItemOf), meter);
  return assembleOutcome(annotations, (_, i) => findings[i], contentVersion(text)).outcome;
}

/**
 * Sorts annotations into anchored and orphaned by their findings (looked up with `findingOf`,
 * e.g. from a cache). Annotations without a finding yet are returned as `pending`, in order.
 * `version` is the content version of the text the findings are for.
 */
export function assembleOutcome(
  annotations: readonly Annotation[],
  findingOf: (annotation: Annotation, index: number) => AnchorFinding | undefined,
  version: string,
): { outcome: AnchoringOutcome; pending: Annotation[] } {
  const anchored: AnchoredAnnotation[] = [];
  const orphaned: OrphanedAnnotation[] = [];
  const pending: Annotation[] = [];
  annotations.forEach((annotation, index) => {
    const found = findingOf(annotation, index);
    if (!found) pending.push(annotation);
    else if (found.status === 'anchored') {
      anchored.push({
        annotation,
        start: found.start,
        end: found.end,
        method: found.method,
        textChanged: annotation.target.contentVersion !== version,
      });
    } else orphaned.push({ annotation, quote: quoteOf(annotation), reason: found.reason });
  });
  anchored.sort((a, b) => a.start - b.start || a.end - b.end);
  return { outcome: { anchored, orphaned }, pending };
}
