import { MIB } from '../../../../../electron/shared/byteSize';

/** The JSON-LD context of the W3C Web Annotation vocabulary. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Largest annotations file accepted for import. */
export const MAX_IMPORT_BYTES = 20 * MIB;

/** File types of the three exports, for the host's save dialog and the import file input. */
export const ANNOTATION_EXPORT_FORMATS = {
  jsonld: { mimeType: 'application/ld+json', extensions: ['jsonld', 'json'] },
  markdown: { mimeType: 'text/markdown', extensions: ['md'] },
  csv: { mimeType: 'text/csv', extensions: ['csv'] },
} as const;

export type AnnotationExportFormat = keyof typeof ANNOTATION_EXPORT_FORMATS;

/** A file name such as `annotations-2026-11-26.jsonld`; `scope` names a document if given. */
export function annotationExportFileName(
  format: AnnotationExportFormat,
  now: Date,
  scope?: string,
): string {
  const date = now.toISOString().slice(0, 10);
  const stem = scope ? `annotations-${scope}-${date}` : `annotations-${date}`;
  return `${stem}.${ANNOTATION_EXPORT_FORMATS[format].extensions[0]}`;
}
