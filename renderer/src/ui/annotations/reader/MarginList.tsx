import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation } from '../../../core/annotations';
import { MarginItem } from './MarginItem';
import { useBoxedRows } from './useBoxedRows';

/** A margin item's usual height (meaning, two lines of quote, author, buttons). */
const ESTIMATED_ITEM_HEIGHT = 190;

export interface MarginListProps {
  anchored: readonly AnchoredAnnotation[];
  onGo: (item: AnchoredAnnotation) => void;
  onEdit: (item: AnchoredAnnotation) => void;
  onDelete: (item: AnchoredAnnotation) => void;
}

/**
 * The document's highlights in text order. A long list (thousands, from a shared file) is drawn
 * only near what is in view, in a scroll box of its own (see useBoxedRows).
 */
export function MarginList({ anchored, onGo, onEdit, onDelete }: MarginListProps) {
  const { t } = useTranslation('annotations');
  const rows = useBoxedRows({
    count: anchored.length,
    estimatedHeight: ESTIMATED_ITEM_HEIGHT,
    getKey: (index) => anchored[index]?.annotation.id ?? String(index),
  });
  return (
    <div {...rows.box}>
      <ol className="anno-list" aria-label={t('reader.listLabel')} style={rows.listStyle}>
        {rows.rows.map(({ index, style }) => {
          const item = anchored[index];
          if (!item) return null;
          return (
            <MarginItem
              key={item.annotation.id}
              item={item}
              placement={{
                index,
                setSize: anchored.length,
                rowStyle: style,
                measureRow: rows.measureRow,
              }}
              onGo={() => onGo(item)}
              onEdit={() => onEdit(item)}
              onDelete={() => onDelete(item)}
            />
          );
        })}
      </ol>
    </div>
  );
}
