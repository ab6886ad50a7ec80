import { useId, type CSSProperties } from 'react';
import {
  authorOf,
  meaningOf,
  noteOf,
  quoteOf,
  tagsOf,
  type AnchoredAnnotation,
} from '../../../core/annotations';
import { MeaningLabel } from '../MeaningLabel';
import { NoteText } from '../NoteText';
import { formatDate, shortQuote } from '../labels';

/** Where a list item sits in a list drawn in part (see useBoxedRows). */
export interface RowPlacement {
  index: number;
  /** How many items the whole list has, drawn or not. */
  setSize: number;
  rowStyle: CSSProperties | undefined;
  measureRow: (element: Element | null) => void;
}

export interface MarginItemProps extends RowPlacement {
  item: AnchoredAnnotation;
  onGo: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One highlight in the margin list: meaning, quote, note, tags, author and date, and actions. */
export function MarginItem({
  item,
  index,
  setSize,
  rowStyle,
  measureRow,
  onGo,
  onEdit,
  onDelete,
}: MarginItemProps) {
  const id = useId();
  const { annotation } = item;
  const tags = tagsOf(annotation);
  return (
    <li
      className="anno-item"
      ref={measureRow}
      data-index={index}
      style={rowStyle}
      aria-posinset={index + 1}
      aria-setsize={setSize}
    >
      <p className="anno-item__meta">
        <MeaningLabel meaning={meaningOf(annotation)} />
        {item.textChanged ? <span className="anno-item__changed"> (text changed)</span> : null}
      </p>
      <blockquote className="anno-quote" id={`${id}-quote`}>
        {shortQuote(quoteOf(annotation))}
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
        {authorOf(annotation)}, {formatDate(annotation.modified)}
      </p>
      <div className="anno-actions anno-actions--small">
        <button
          type="button"
          className="button button--secondary anno-button"
          aria-describedby={`${id}-quote`}
          onClick={onGo}
        >
          Go to highlight
        </button>
        <button
          type="button"
          className="button button--secondary anno-button"
          aria-describedby={`${id}-quote`}
          onClick={onEdit}
        >
          Edit
        </button>
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
