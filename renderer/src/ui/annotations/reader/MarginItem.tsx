import { useId } from 'react';
import { quoteOf, type AnchoredAnnotation } from '../../../core/annotations';
import { AnnotationItem, type RowPlacement } from '../AnnotationItem';
import { formatDate } from '../labels';
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
  const quoteId = `${useId()}-quote`;
  const { annotation } = item;
  return (
    <AnnotationItem
      annotation={annotation}
      placement={placement}
      meta={item.textChanged ? <span className="anno-item__changed"> (text changed)</span> : null}
      quote={shortQuote(quoteOf(annotation))}
      quoteId={quoteId}
      when={formatDate(annotation.modified)}
      actions={[
        { label: 'Go to highlight', onClick: onGo },
        { label: 'Edit', onClick: onEdit },
        { label: 'Delete', onClick: onDelete },
      ]}
    />
  );
}
