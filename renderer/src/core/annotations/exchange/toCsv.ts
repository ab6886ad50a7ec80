import { csvFile, type CsvDialect } from '../../csv/csvCell';
import { stripEnglishSpans } from '../../markdown/englishSpanText';
import { meaningOf, noteOf, quoteOf, tagsOf } from '../accessors';
import { annotationLanguageOf } from '../documentVersion';
import { sortAnnotations } from '../query';
import type { Annotation } from '../schema';
import { ANNOTATION_CSV_COLUMNS, type AnnotationExportWords } from './exportWords';
import type { VersionTitleOf } from './toMarkdown';

/**
 * The annotations as a CSV file that Excel opens correctly, every cell quoted and safe from
 * formula injection (see `csvFile`). Rows are in document order; tags are joined with "; ". The
 * document is named by the title of the version the annotation was made on.
 * The headings and meanings are worded by the UI (`words`), which also says how the reader's
 * Excel splits cells (`dialect`).
 */
export function toAnnotationsCsv(
  annotations: readonly Annotation[],
  options: {
    titleOf: VersionTitleOf;
    words: Pick<AnnotationExportWords, 'meaning' | 'csvColumn'>;
    dialect: CsvDialect;
  },
): string {
  const { words } = options;
  const rows = sortAnnotations(annotations, 'document').map((a) => [
    stripEnglishSpans(options.titleOf(a.target.docId, annotationLanguageOf(a)) ?? ''),
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
