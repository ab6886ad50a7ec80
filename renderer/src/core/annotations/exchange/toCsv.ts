import type { DocId } from '../../content/ids';
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

/** A byte-order mark, so that spreadsheet programs read the file as UTF-8. */
const BOM = '\uFEFF';

/**
 * The annotations as CSV (RFC 4180): UTF-8 with a byte-order mark, CRLF line endings, every field
 * quoted, quotes doubled. A cell that a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) gets a leading apostrophe, so opening the file runs nothing.
 * Rows are in document order; tags are joined with "; ".
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
  return `${BOM}${[[...CSV_COLUMNS], ...rows].map(csvRow).join('\r\n')}\r\n`;
}

function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** One quoted cell; line breaks inside become CRLF as RFC 4180 writes them. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/\r\n|\r|\n/g, '\r\n').replace(/"/g, '""')}"`;
}
