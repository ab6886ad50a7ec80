import type { ContentDocument } from '../../core/content/model';
import type { DocType } from '../../core/content/types';

/** A document's neighbours along an ordered path (the guide's steps, the recommendations). */
export interface Neighbours {
  /** The type of document the path runs through, which names it (the "How-to guide"). */
  pathType: DocType;
  previous: ContentDocument | null;
  next: ContentDocument | null;
}

/**
 * The previous and next guide step (by `step`) or recommendation (by `number`), or null when the
 * document is on no ordered path.
 */
export function neighboursOf(
  doc: ContentDocument,
  all: Iterable<ContentDocument>,
): Neighbours | null {
  const orderOf = orderKey(doc);
  if (orderOf === null) return null;
  const path = [...all]
    .filter((candidate) => candidate.type === doc.type)
    .sort((a, b) => (orderKey(a) ?? 0) - (orderKey(b) ?? 0) || a.id.localeCompare(b.id));
  const at = path.findIndex((candidate) => candidate.id === doc.id);
  if (at === -1) return null;
  return {
    pathType: doc.type,
    previous: path[at - 1] ?? null,
    next: path[at + 1] ?? null,
  };
}

function orderKey(doc: ContentDocument): number | null {
  if (doc.type === 'guide-step') return doc.step;
  if (doc.type === 'recommendation') return doc.number;
  return null;
}
