import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SORT_ORDERS, type SortOrder } from '../../core/library/filters';

/** The library's sort order, as a labelled select. */
export function SortSelect({
  value,
  onChange,
}: {
  value: SortOrder;
  onChange: (sort: SortOrder) => void;
}) {
  const { t } = useTranslation('library');
  const id = useId();
  return (
    <div className="sort-select">
      <label htmlFor={id} className="sort-select__label">
        {t('sort.label')}
      </label>
      <select
        id={id}
        className="sort-select__control"
        value={value}
        onChange={(event) => {
          const next = SORT_ORDERS.find((order) => order === event.target.value);
          if (next) onChange(next);
        }}
      >
        {SORT_ORDERS.map((order) => (
          <option key={order} value={order}>
            {t(`sort.order.${order}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
