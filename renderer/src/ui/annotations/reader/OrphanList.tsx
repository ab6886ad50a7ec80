import { useId } from 'react';
import {
  authorOf,
  meaningOf,
  noteOf,
  type AnnotationId,
  type OrphanedAnnotation,
} from '../../../core/annotations';
import { MeaningLabel } from '../MeaningLabel';
import { NoteText } from '../NoteText';
import { formatDate, shortQuote } from '../labels';

export interface OrphanListProps {
  orphans: readonly OrphanedAnnotation[];
  onReattach: (id: AnnotationId) => void;
  onDelete: (id: AnnotationId) => void;
}

/**
 * Annotations whose passage can no longer be found in this document's text. They are never
 * dropped: each shows its quote so its owner can select the passage again and re-attach it, or
 * delete it.
 */
export function OrphanList({ orphans, onReattach, onDelete }: OrphanListProps) {
  const id = useId();
  if (orphans.length === 0) return null;
  return (
    <section className="anno-orphans" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="anno-panel__subtitle">
        Orphaned highlights ({orphans.length})
      </h3>
      <p className="anno-hint">
        The text changed and these passages can no longer be found. Select the passage in the
        document, then re-attach; or delete the highlight.
      </p>
      <ul className="anno-list">
        {orphans.map(({ annotation, quote }) => (
          <li key={annotation.id} className="anno-item anno-item--orphan">
            <p className="anno-item__meta">
              <MeaningLabel meaning={meaningOf(annotation)} /> <strong>orphaned</strong>
            </p>
            <blockquote className="anno-quote" id={`${id}-${annotation.id}`}>
              {shortQuote(quote)}
            </blockquote>
            <NoteText note={noteOf(annotation)} />
            <p className="anno-item__by">
              {authorOf(annotation)}, {formatDate(annotation.modified)}
            </p>
            <div className="anno-actions anno-actions--small">
              <button
                type="button"
                className="button button--secondary anno-button"
                aria-describedby={`${id}-${annotation.id}`}
                onClick={() => onReattach(annotation.id)}
              >
                Re-attach to selection
              </button>
              <button
                type="button"
                className="button button--secondary anno-button"
                aria-describedby={`${id}-${annotation.id}`}
                onClick={() => onDelete(annotation.id)}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
