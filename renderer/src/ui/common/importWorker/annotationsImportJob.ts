/**
 * The annotations side of the import worker: the real `importAnnotationCollection`,
 * `previewMerge` and `mergeAnnotations`, and the summary of the preview that crosses to the page.
 * Anchoring (which annotations will be orphaned) needs each document's text as the reader renders
 * it, which only the page can make (it needs a DOM), so a valid file first names the documents it
 * needs. Pure functions over text and data, so they run the same in the worker and in unit tests.
 */
import {
  annotationLanguageOf,
  authorOf,
  documentVersionKey,
  importAnnotationCollection,
  meaningOf,
  mergeAnnotations,
  previewMerge,
  quoteOf,
  type Annotation,
  type AnnotationSet,
  type AnnotationsDatabase,
  type MergePreview,
} from '../../../core/annotations';
import { shortQuote } from '../../../core/annotations/shortQuote';
import {
  MAX_PREVIEW_ITEMS,
  type AnnotationsPreviewSummary,
  type NamedRefusal,
  type PreviewAnnotation,
  type PreviewGroup,
} from './importProtocol';

/** Longest quote a preview line shows (the preview lists, it does not read). */
const PREVIEW_QUOTE_LENGTH = 120;

/** A checked file: what the worker keeps, and the documents whose texts the preview needs. */
export type AnnotationsCheck =
  { ok: true; incoming: AnnotationSet; docIds: string[] } | { ok: false; reply: NamedRefusal };

/** Parses and checks an annotations file against the current annotations. Never throws. */
export function checkAnnotationsFile(
  text: string,
  local: AnnotationsDatabase,
  knownDocIds: readonly string[],
  now: number,
): AnnotationsCheck {
  const result = importAnnotationCollection(text, {
    knownDocIds: new Set(knownDocIds),
    local,
    now: new Date(now),
  });
  if (!result.ok) {
    return { ok: false, reply: { type: 'refused-named', message: null, problems: result.errors } };
  }
  // The versions the annotations were made on: a document's French version is another text.
  const docIds = new Set<string>(
    result.incoming.annotations.map((a) =>
      documentVersionKey(a.target.docId, annotationLanguageOf(a)),
    ),
  );
  return { ok: true, incoming: result.incoming, docIds: [...docIds] };
}

/** The preview of merging a checked file, given the texts of the documents it named. */
export function previewAnnotationsFile(
  local: AnnotationsDatabase,
  incoming: AnnotationSet,
  texts: ReadonlyMap<string, string | null>,
): AnnotationsPreviewSummary {
  return summarizeMergePreview(
    previewMerge(
      local,
      incoming,
      (docId, language) => texts.get(documentVersionKey(docId, language)) ?? null,
    ),
  );
}

/** The database a merge produces, computed in the worker so the page only receives it. */
export function mergeAnnotationsFile(
  local: AnnotationsDatabase,
  incoming: AnnotationSet,
): AnnotationsDatabase {
  return mergeAnnotations(local, incoming);
}

/** Counts, and only the first few annotations of each group as short lines. */
export function summarizeMergePreview(preview: MergePreview): AnnotationsPreviewSummary {
  const first = (group: PreviewGroup) => preview[group].slice(0, MAX_PREVIEW_ITEMS).map(line);
  return {
    counts: preview.counts,
    changesAnything: preview.changesAnything,
    shown: {
      added: first('added'),
      updated: first('updated'),
      deleted: first('deleted'),
      orphaned: first('orphaned'),
    },
  };
}

function line(annotation: Annotation): PreviewAnnotation {
  return {
    id: annotation.id,
    meaning: meaningOf(annotation),
    author: authorOf(annotation),
    quote: shortQuote(quoteOf(annotation), PREVIEW_QUOTE_LENGTH),
  };
}
