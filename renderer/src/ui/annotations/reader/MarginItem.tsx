import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteOf, type AnchoredAnnotation } from '../../../core/annotations';
import { AnnotationItem, type RowPlacement } from '../AnnotationItem';
import { shortDate } from '../labels';
import { shortQuote } from '../../../core/annotations/shortQuote';

export interface MarginItemProps {
  item: AnchoredAnnotation;
  placement: RowPlacement;
  onGo: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One highlight in the margin list: meaning, quote, note, tags, author and date, and actions. */
export function MarginItem({ item, placement, onGo, onEdit, onDelete }: MarginItemProps) {
  const { t } = useTranslation('annotations');
  const quoteId = `${useId()}-quote`;
  const { annotation } = item;
  return (
    <AnnotationItem
      annotation={annotation}
      placement={placement}
      meta={
        item.textChanged ? (
          <span className="anno-item__changed"> {t('reader.textChanged')}</span>
        ) : null
      }
      quote={shortQuote(quoteOf(annotation))}
      quoteId={quoteId}
      when={shortDate(annotation.modified)}
      actions={[
        { label: t('reader.goTo'), onClick: onGo },
        { label: t('reader.edit'), onClick: onEdit },
        { label: t('item.delete'), onClick: onDelete },
      ]}
    />
  );
}
