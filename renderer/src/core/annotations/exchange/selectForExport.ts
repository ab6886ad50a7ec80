import type { DocId } from '../../content/ids';
import type { Annotation, AnnotationSet, AnnotationsDatabase } from '../schema';

/** What to export: everything, one document's annotations, or a chosen (e.g. filtered) list. */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'document'; docId: DocId }
  | { kind: 'selection'; annotations: readonly Annotation[] };

/**
 * The annotations and deletions an export carries. All: everything. One document: its
 * annotations and the deletions recorded on it. A selection: just those annotations (a filter
 * says nothing about which deletions belong with it, so none travel).
 */
export function selectForExport(db: AnnotationsDatabase, scope: ExportScope): AnnotationSet {
  switch (scope.kind) {
    case 'all':
      return { annotations: db.annotations, tombstones: db.tombstones };
    case 'document':
      return {
        annotations: db.annotations.filter((a) => a.target.docId === scope.docId),
        tombstones: db.tombstones.filter((t) => t.docId === scope.docId),
      };
    case 'selection':
      return { annotations: scope.annotations, tombstones: [] };
  }
}
