import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOTATION_SORTS,
  isMeaning,
  type AnnotationFacets,
  type AnnotationFilter,
  type AnnotationSort,
} from '../../../core/annotations';
import type { DocId } from '../../../core/content/ids';

/** The filters as the form holds them: '' means "any". */
export interface FilterState {
  docId: string;
  author: string;
  meaning: string;
  tag: string;
  text: string;
  sort: AnnotationSort;
}

export const NO_FILTERS: FilterState = {
  docId: '',
  author: '',
  meaning: '',
  tag: '',
  text: '',
  sort: 'document',
};

/** The form's values as a core filter (absent fields do not filter). */
export function toAnnotationFilter(state: FilterState): AnnotationFilter {
  const filter: AnnotationFilter = {};
  if (state.docId) filter.docId = state.docId as DocId;
  if (state.author) filter.author = state.author;
  if (isMeaning(state.meaning)) filter.meaning = state.meaning;
  if (state.tag) filter.tag = state.tag;
  if (state.text.trim()) filter.text = state.text;
  return filter;
}

export interface AnnotationFiltersProps {
  state: FilterState;
  facets: AnnotationFacets;
  titleOf: (docId: DocId) => string;
  onChange: (next: FilterState) => void;
}

/** Filters by document, author, meaning, tag and text, and the sort order; all labelled. */
export function AnnotationFilters({ state, facets, titleOf, onChange }: AnnotationFiltersProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...state, ...patch });
  const select = (
    key: 'docId' | 'author' | 'meaning' | 'tag',
    label: string,
    any: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <div className="anno-filter">
      <label className="ontario-label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        className="ontario-input anno-filter__control"
        value={state[key]}
        onChange={(event) => set({ [key]: event.target.value })}
      >
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="anno-filters"
      aria-label={t('filters.label')}
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="anno-filter anno-filter--text">
        <label className="ontario-label" htmlFor={`${id}-text`}>
          {t('filters.text')}
        </label>
        <input
          id={`${id}-text`}
          className="ontario-input anno-filter__control"
          type="search"
          value={state.text}
          onChange={(event) => set({ text: event.target.value })}
        />
      </div>
      {select(
        'docId',
        t('filters.document'),
        t('filters.allDocuments'),
        facets.docIds.map((docId) => ({ value: docId, label: titleOf(docId) })),
      )}
      {select(
        'author',
        t('filters.author'),
        t('filters.allAuthors'),
        facets.authors.map((author) => ({ value: author, label: author })),
      )}
      {select(
        'meaning',
        t('filters.meaning'),
        t('filters.allMeanings'),
        facets.meanings.map((meaning) => ({ value: meaning, label: t(`meaning.${meaning}`) })),
      )}
      {select(
        'tag',
        t('filters.tag'),
        t('filters.allTags'),
        facets.tags.map((tag) => ({ value: tag, label: tag })),
      )}
      <div className="anno-filter">
        <label className="ontario-label" htmlFor={`${id}-sort`}>
          {t('filters.sortBy')}
        </label>
        <select
          id={`${id}-sort`}
          className="ontario-input anno-filter__control"
          value={state.sort}
          onChange={(event) => set({ sort: event.target.value as AnnotationSort })}
        >
          {ANNOTATION_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`filters.sort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="anno-filter anno-filter--reset">
        <button
          type="button"
          className="button button--secondary anno-button"
          onClick={() => onChange({ ...NO_FILTERS, sort: state.sort })}
        >
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
