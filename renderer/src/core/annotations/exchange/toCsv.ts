import type { DocId } from '../../content/ids';
import { csvFile } from '../../csv/csvCell';
import { meaningOf, noteOf, quoteOf, tagsOf } from '../accessors';
import { MEANING_LABELS } from '../meanings';
import { sortAnnotations } from '../query';
import type { Annotation } from '../schema';

/** Column headings, in order. */
export const CSV_COLUMNS = [
  'Document',
  'Document ID',
  'Meaning',
  'Quote',
  'Note',
  'Tags',
  'Author',
  'Created',
  'Modified',
  'Annotation ID',
] as const;

/**
 * The annotations as a CSV file that Excel opens correctly, every cell quoted and safe from
 * formula injection (see `csvFile`). Rows are in document order; tags are joined with "; ".
 */
export function toAnnotationsCsv(
  annotations: readonly Annotation[],
  options: { titleOf: (docId: DocId) => string | null },
): string {
  const rows = sortAnnotations(annotations, 'document').map((a) => [
    options.titleOf(a.target.docId) ?? '',
    a.target.docId,
    MEANING_LABELS[meaningOf(a)],
    quoteOf(a),
    noteOf(a),
    tagsOf(a).join('; '),
    a.creator.name,
    a.created,
    a.modified,
    a.id,
  ]);
  return csvFile([[...CSV_COLUMNS], ...rows]);
}
