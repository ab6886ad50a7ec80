import type { Annotation, AnnotationsDatabase } from '../../core/annotations';

/**
 * Puts a just-deleted annotation back. Its tombstone goes, and its `modified` time moves past
 * the deletion, so that even a copy of the deletion that has already left in an export cannot
 * remove it again when that file is merged back.
 */
export function restoreDeleted(
  db: AnnotationsDatabase,
  annotation: Annotation,
  now: Date = new Date(),
): AnnotationsDatabase {
  const tombstone = db.tombstones.find((t) => t.id === annotation.id);
  const after = Math.max(
    now.getTime(),
    Date.parse(annotation.modified) + 1,
    tombstone ? Date.parse(tombstone.deleted) + 1 : 0,
  );
  const restored: Annotation = { ...annotation, modified: new Date(after).toISOString() };
  return {
    ...db,
    annotations: [...db.annotations.filter((a) => a.id !== annotation.id), restored],
    tombstones: db.tombstones.filter((t) => t.id !== annotation.id),
  };
}
