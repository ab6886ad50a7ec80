import { useId } from 'react';
import { SORT_ORDERS, type SortOrder } from '../../core/library/filters';

const SORT_LABELS: Readonly<Record<SortOrder, string>> = {
  relevance: 'Library order',
  title: 'Title (A to Z)',
  population: 'Population (largest first)',
  updated: 'Recently updated',
};

/** The library's sort order, as a labelled select. */
export function SortSelect({
  value,
  onChange,
}: {
  value: SortOrder;
  onChange: (sort: SortOrder) => void;
}) {
  const id = useId();
  return (
    <div className="sort-select">
      <label htmlFor={id} className="sort-select__label">
        Sort by
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
            {SORT_LABELS[order]}
          </option>
        ))}
      </select>
    </div>
  );
}
