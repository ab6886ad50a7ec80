import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteOf, type Annotation } from '../../../core/annotations';
import { routeHref } from '../../../core/routing/hashRoutes';
import { AnnotationItem, type RowPlacement } from '../AnnotationItem';
import { createdAndEdited } from '../labels';
import { VersionLabel } from '../VersionLabel';
import { shortQuote } from '../../../core/annotations/shortQuote';
import { PrivateToggle } from '../../team/PrivateToggle';

/** The reader route that scrolls to an annotation. */
export function annotationHref(annotation: Annotation): string {
  return `${routeHref('doc', annotation.target.docId)}?annotation=${encodeURIComponent(annotation.id)}`;
}

export interface AnnotationEntryProps {
  annotation: Annotation;
  /** The document's title, or null when it is not in this library. */
  title: string | null;
  /** Says why the document is not in the library (shown when `title` is null). */
  missing: (docId: string) => string;
  onDelete: () => void;
  /** Its place in the list; the list's length only when some entries are drawn (AnnotationList). */
  placement?: RowPlacement;
}

/** One annotation on the Annotations page: where it is, its meaning, quote, note, tags, author. */
export function AnnotationEntry({
  annotation,
  title,
  missing,
  onDelete,
  placement,
}: AnnotationEntryProps) {
  const { t } = useTranslation('annotations');
  const quoteId = `${useId()}-quote`;
  return (
    <AnnotationItem
      annotation={annotation}
      className="anno-entry"
      placement={placement}
      meta={
        <>
          {title === null ? (
            <span>{missing(annotation.target.docId)}</span>
          ) : (
            <a href={annotationHref(annotation)} aria-describedby={quoteId}>
              {title}
            </a>
          )}
          <VersionLabel annotation={annotation} />
        </>
      }
      quote={shortQuote(quoteOf(annotation), 400)}
      quoteId={quoteId}
      when={createdAndEdited(annotation.created, annotation.modified)}
      actions={[{ label: t('item.delete'), onClick: onDelete }]}
      extra={<PrivateToggle annotation={annotation} describedBy={quoteId} />}
    />
  );
}
