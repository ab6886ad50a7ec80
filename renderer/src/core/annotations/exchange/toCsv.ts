import type { DocId } from '../../content/ids';
import { csvFile, type CsvDialect } from '../../csv/csvCell';
import { meaningOf, noteOf, quoteOf, tagsOf } from '../accessors';
import { sortAnnotations } from '../query';
import type { Annotation } from '../schema';
import { ANNOTATION_CSV_COLUMNS, type AnnotationExportWords } from './exportWords';

/**
 * The annotations as a CSV file that Excel opens correctly, every cell quoted and safe from
 * formula injection (see `csvFile`). Rows are in document order; tags are joined with "; ".
 * The headings and meanings are worded by the UI (`words`), which also says how the reader's
 * Excel splits cells (`dialect`).
 */
export function toAnnotationsCsv(
  annotations: readonly Annotation[],
  options: {
    titleOf: (docId: DocId) => string | null;
    words: Pick<AnnotationExportWords, 'meaning' | 'csvColumn'>;
    dialect: CsvDialect;
  },
): string {
  const { words } = options;
  const rows = sortAnnotations(annotations, 'document').map((a) => [
    options.titleOf(a.target.docId) ?? '',
    a.target.docId,
    words.meaning(meaningOf(a)),
    quoteOf(a),
    noteOf(a),
    tagsOf(a).join('; '),
    a.creator.name,
    a.created,
    a.modified,
    a.id,
  ]);
  return csvFile(
    [ANNOTATION_CSV_COLUMNS.map((column) => words.csvColumn(column)), ...rows],
    options.dialect,
  );
}
