import { useId } from 'react';
import { quoteOf, type Annotation } from '../../../core/annotations';
import { routeHref } from '../../../core/routing/hashRoutes';
import { AnnotationItem, type RowPlacement } from '../AnnotationItem';
import { formatDate } from '../labels';
import { shortQuote } from '../../../core/annotations/shortQuote';

/** The reader route that scrolls to an annotation. */
export function annotationHref(annotation: Annotation): string {
  return `${routeHref('doc', annotation.target.docId)}?annotation=${encodeURIComponent(annotation.id)}`;
}

export interface AnnotationEntryProps {
  annotation: Annotation;
  /** The document's title, or null when it is not in this library. */
  title: string | null;
  onDelete: () => void;
  /** Its place in the list; the list's length only when some entries are drawn (AnnotationList). */
  placement?: RowPlacement;
}

/** One annotation on the Annotations page: where it is, its meaning, quote, note, tags, author. */
export function AnnotationEntry({ annotation, title, onDelete, placement }: AnnotationEntryProps) {
  const quoteId = `${useId()}-quote`;
  const created = formatDate(annotation.created);
  const modified = formatDate(annotation.modified);
  return (
    <AnnotationItem
      annotation={annotation}
      className="anno-entry"
      placement={placement}
      meta={
        title === null ? (
          <span>Document not in this library ({annotation.target.docId})</span>
        ) : (
          <a href={annotationHref(annotation)} aria-describedby={quoteId}>
            {title}
          </a>
        )
      }
      quote={shortQuote(quoteOf(annotation), 400)}
      quoteId={quoteId}
      when={modified !== created ? `${created}, edited ${modified}` : created}
      actions={[{ label: 'Delete', onClick: onDelete }]}
    />
  );
}
