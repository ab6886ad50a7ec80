import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vocabulary } from '../../core/content/vocabulary';
import {
  emptyFilters,
  FACET_NAMES,
  type FacetName,
  type LibraryFilters,
} from '../../core/library/filters';
import { formatNumber } from '../common/i18n/format';
import type { CollectionInfo } from '../content/contentData';
import { facetOptions } from './facetOptions';
import './filters.css';

export interface FacetFiltersProps {
  /** Per dimension, how many documents each value would show (see `facetCounts`). */
  counts: Record<FacetName, ReadonlyMap<string, number>>;
  filters: LibraryFilters;
  vocabulary: Vocabulary;
  /**
   * The collections (content packs, own documents) with documents in the list (`collectionsIn`):
   * the Source choices beside the bundled library. With none there is nothing to choose, and no
   * Source group.
   */
  collections: readonly CollectionInfo[];
  onChange: (filters: LibraryFilters) => void;
}

/** Wide screens show the filters open beside the list; narrow ones start with them folded. */
const WIDE = '(min-width: 48em)';

/**
 * Filter groups as fieldsets of checkboxes, each label ending in its count. Values within a group
 * are alternatives; groups combine. A value with no documents is left out unless it is ticked
 * (so it can be unticked).
 */
export function FacetFilters(props: FacetFiltersProps) {
  const { t } = useTranslation('library');
  const prefix = useId();
  const [open, setOpen] = useState(() => window.matchMedia(WIDE).matches);
  // A ticked box shows as ticked at once, before the URL change comes back as new props (the
  // hashchange event arrives a moment later); new props always win.
  const [pending, setPending] = useState<{ from: LibraryFilters; to: LibraryFilters } | null>(null);
  const shown = pending && pending.from === props.filters ? pending.to : props.filters;
  const { counts, vocabulary, collections, onChange } = props;
  const active = FACET_NAMES.reduce((sum, facet) => sum + shown[facet].length, 0);

  const change = (next: LibraryFilters) => {
    setPending({ from: props.filters, to: next });
    onChange(next);
  };
  const toggle = (facet: FacetName, value: string, checked: boolean) => {
    const current: readonly string[] = shown[facet];
    const next = checked ? [...current, value] : current.filter((v) => v !== value);
    change({ ...shown, [facet]: next });
  };

  return (
    <details
      className="filters"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="filters__summary">
        {active > 0
          ? t('filters.summarySelected', { count: active, shown: formatNumber(active) })
          : t('filters.summary')}
      </summary>
      {FACET_NAMES.map((facet) => {
        const selected: readonly string[] = shown[facet];
        if (facet === 'source' && collections.length === 0 && selected.length === 0) return null;
        const options = facetOptions(facet, vocabulary, collections).filter(
          (option) => (counts[facet].get(option.value) ?? 0) > 0 || selected.includes(option.value),
        );
        if (options.length === 0) return null;
        return (
          <fieldset key={facet} className="filters__group">
            <legend className="filters__legend">{t(`filters.legend.${facet}`)}</legend>
            {options.map((option) => {
              const id = `${prefix}-${facet}-${option.value}`;
              return (
                <div key={option.value} className="filters__option">
                  <input
                    id={id}
                    type="checkbox"
                    checked={selected.includes(option.value)}
                    onChange={(event) => toggle(facet, option.value, event.target.checked)}
                  />
                  <label htmlFor={id}>
                    {option.label}{' '}
                    <span className="filters__count">
                      ({formatNumber(counts[facet].get(option.value) ?? 0)})
                    </span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
      {active > 0 && (
        <button
          type="button"
          className="button button--secondary filters__clear"
          onClick={() => change(emptyFilters())}
        >
          {t('filters.clearAll')}
        </button>
      )}
    </details>
  );
}
