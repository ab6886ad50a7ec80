import { useId } from 'react';
import {
  authorOf,
  meaningOf,
  noteOf,
  quoteOf,
  tagsOf,
  type Annotation,
} from '../../../core/annotations';
import { routeHref } from '../../shell/routes';
import { MeaningLabel } from '../MeaningLabel';
import { NoteText } from '../NoteText';
import { formatDate, shortQuote } from '../labels';

/** The reader route that scrolls to an annotation. */
export function annotationHref(annotation: Annotation): string {
  return `${routeHref('doc', annotation.target.docId)}?annotation=${encodeURIComponent(annotation.id)}`;
}

export interface AnnotationEntryProps {
  annotation: Annotation;
  /** The document's title, or null when it is not in this library. */
  title: string | null;
  onDelete: () => void;
  /** Its place in the list, and the list's length when only some entries are drawn. */
  place?: { index: number; of?: number };
  /** Measures the drawn entry when the list draws only some (see AnnotationList). */
  measureRow?: (element: Element | null) => void;
}

/** One annotation on the Annotations page: where it is, its meaning, quote, note, tags, author. */
export function AnnotationEntry({
  annotation,
  title,
  onDelete,
  place,
  measureRow,
}: AnnotationEntryProps) {
  const id = useId();
  const tags = tagsOf(annotation);
  const created = formatDate(annotation.created);
  const modified = formatDate(annotation.modified);
  return (
    <li
      ref={measureRow}
      className="anno-item anno-entry"
      data-index={place?.index}
      aria-setsize={place?.of}
      aria-posinset={place?.of === undefined ? undefined : place.index + 1}
    >
      <p className="anno-item__meta">
        <MeaningLabel meaning={meaningOf(annotation)} />
        {title === null ? (
          <span>Document not in this library ({annotation.target.docId})</span>
        ) : (
          <a href={annotationHref(annotation)} aria-describedby={`${id}-quote`}>
            {title}
          </a>
        )}
      </p>
      <blockquote className="anno-quote" id={`${id}-quote`}>
        {shortQuote(quoteOf(annotation), 400)}
      </blockquote>
      <NoteText note={noteOf(annotation)} />
      {tags.length > 0 ? (
        <p className="anno-tags">
          <span className="anno-tags__label">Tags:</span>{' '}
          {tags.map((tag) => (
            <span key={tag} className="anno-tag">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      <p className="anno-item__by">
        {authorOf(annotation)}, {created}
        {modified !== created ? `, edited ${modified}` : ''}
      </p>
      <div className="anno-actions anno-actions--small">
        <button
          type="button"
          className="button button--secondary anno-button"
          aria-describedby={`${id}-quote`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
