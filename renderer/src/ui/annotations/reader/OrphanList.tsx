import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationId, OrphanedAnnotation } from '../../../core/annotations';
import { AnnotationItem, type RowPlacement } from '../AnnotationItem';
import { formatNumber } from '../../common/i18n/format';
import { shortDate } from '../labels';
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
  const { t } = useTranslation('annotations');
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
        {t('orphans.title', { shown: orphans.length })}
      </h3>
      {unsearched < orphans.length ? <p className="anno-hint">{t('orphans.hint')}</p> : null}
      {unsearched > 0 ? (
        <div className="anno-unsearched">
          <p className="anno-hint">
            {t('orphans.notSearched', { count: unsearched, shown: formatNumber(unsearched) })}
          </p>
          {onLookAgain ? (
            // Never disabled while a search runs: a disabled button would drop keyboard focus.
            // The "Finding…" status above says that the search is under way.
            <button
              type="button"
              className="button button--secondary anno-button"
              onClick={onLookAgain}
            >
              {t('orphans.lookNow')}
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
  const { t } = useTranslation('annotations');
  return (
    <AnnotationItem
      annotation={annotation}
      className="anno-item--orphan"
      placement={placement}
      meta={
        <>
          {' '}
          <strong>
            {reason === 'not-searched' ? t('orphans.notLookedFor') : t('orphans.orphaned')}
          </strong>
        </>
      }
      quote={shortQuote(quote)}
      quoteId={describedBy}
      showTags={false}
      when={shortDate(annotation.modified)}
      actions={[
        { label: t('orphans.reattach'), onClick: () => onReattach(annotation.id) },
        { label: t('item.delete'), onClick: () => onDelete(annotation.id) },
      ]}
    />
  );
}
