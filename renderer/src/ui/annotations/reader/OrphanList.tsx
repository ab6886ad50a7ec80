import { useId } from 'react';
import type { AnnotationId, OrphanedAnnotation } from '../../../core/annotations';
import { AnnotationItem, type RowPlacement } from '../AnnotationItem';
import { formatDate } from '../labels';
import { shortQuote } from '../../../core/annotations/shortQuote';
import { useBoxedRows } from './useBoxedRows';

/** An orphan's usual height (meaning, two lines of quote, author, buttons). */
const ESTIMATED_ITEM_HEIGHT = 190;

export interface OrphanListProps {
  orphans: readonly OrphanedAnnotation[];
  onReattach: (id: AnnotationId) => void;
  onDelete: (id: AnnotationId) => void;
  /** Looks for the annotations that were not looked for; null when there are none. */
  onLookAgain: (() => void) | null;
}

/**
 * Annotations whose passage can no longer be found in this document's text, or that were not
 * looked for because finding them all at once would cost too much (a crafted or very large
 * file). They are never dropped: each shows its quote so its owner can select the passage again
 * and re-attach it, or delete it; the ones not looked for can be looked for again. A long list is
 * drawn only near what is in view (see useBoxedRows).
 */
export function OrphanList({ orphans, onReattach, onDelete, onLookAgain }: OrphanListProps) {
  const id = useId();
  const rows = useBoxedRows({
    count: orphans.length,
    estimatedHeight: ESTIMATED_ITEM_HEIGHT,
    getKey: (index) => orphans[index]?.annotation.id ?? String(index),
  });
  if (orphans.length === 0) return null;
  const unsearched = orphans.filter((o) => o.reason === 'not-searched').length;
  return (
    <section className="anno-orphans" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="anno-panel__subtitle">
        Orphaned highlights ({orphans.length})
      </h3>
      {unsearched < orphans.length ? (
        <p className="anno-hint">
          The text changed and these passages can no longer be found. Select the passage in the
          document, then re-attach; or delete the highlight.
        </p>
      ) : null}
      {unsearched > 0 ? (
        <div className="anno-unsearched">
          <p className="anno-hint">
            {unsearched === 1
              ? '1 highlight was not looked for: '
              : `${unsearched.toLocaleString('en-CA')} highlights were not looked for: `}
            this document has too many annotations to look for all of them at once.
          </p>
          {onLookAgain ? (
            // Never disabled while a search runs: a disabled button would drop keyboard focus.
            // The "Finding…" status above says that the search is under way.
            <button
              type="button"
              className="button button--secondary anno-button"
              onClick={onLookAgain}
            >
              Look for them now
            </button>
          ) : null}
        </div>
      ) : null}
      <div {...rows.box}>
        <ul className="anno-list" style={rows.listStyle}>
          {rows.rows.map(({ index, style }) => {
            const orphan = orphans[index];
            if (!orphan) return null;
            return (
              <OrphanItem
                key={orphan.annotation.id}
                orphan={orphan}
                describedBy={`${id}-${orphan.annotation.id}`}
                placement={{
                  index,
                  setSize: orphans.length,
                  rowStyle: style,
                  measureRow: rows.measureRow,
                }}
                onReattach={onReattach}
                onDelete={onDelete}
              />
            );
          })}
        </ul>
      </div>
    </section>
  );
}

interface OrphanItemProps {
  orphan: OrphanedAnnotation;
  describedBy: string;
  placement: RowPlacement;
  onReattach: (id: AnnotationId) => void;
  onDelete: (id: AnnotationId) => void;
}

function OrphanItem({
  orphan: { annotation, quote, reason },
  describedBy,
  placement,
  onReattach,
  onDelete,
}: OrphanItemProps) {
  return (
    <AnnotationItem
      annotation={annotation}
      className="anno-item--orphan"
      placement={placement}
      meta={
        <>
          {' '}
          <strong>{reason === 'not-searched' ? 'not looked for yet' : 'orphaned'}</strong>
        </>
      }
      quote={shortQuote(quote)}
      quoteId={describedBy}
      showTags={false}
      when={formatDate(annotation.modified)}
      actions={[
        { label: 'Re-attach to selection', onClick: () => onReattach(annotation.id) },
        { label: 'Delete', onClick: () => onDelete(annotation.id) },
      ]}
    />
  );
}
