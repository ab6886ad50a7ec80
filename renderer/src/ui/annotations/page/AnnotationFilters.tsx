import { useId } from 'react';
import {
  MEANING_LABELS,
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

const SORT_LABELS: Record<AnnotationSort, string> = {
  document: 'Document order',
  newest: 'Newest first',
  oldest: 'Oldest first',
};

export interface AnnotationFiltersProps {
  state: FilterState;
  facets: AnnotationFacets;
  titleOf: (docId: DocId) => string;
  onChange: (next: FilterState) => void;
}

/** Filters by document, author, meaning, tag and text, and the sort order; all labelled. */
export function AnnotationFilters({ state, facets, titleOf, onChange }: AnnotationFiltersProps) {
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
      aria-label="Filter annotations"
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="anno-filter anno-filter--text">
        <label className="ontario-label" htmlFor={`${id}-text`}>
          Text contains
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
        'Document',
        'All documents',
        facets.docIds.map((docId) => ({ value: docId, label: titleOf(docId) })),
      )}
      {select(
        'author',
        'Author',
        'All authors',
        facets.authors.map((author) => ({ value: author, label: author })),
      )}
      {select(
        'meaning',
        'Meaning',
        'All meanings',
        facets.meanings.map((meaning) => ({ value: meaning, label: MEANING_LABELS[meaning] })),
      )}
      {select(
        'tag',
        'Tag',
        'All tags',
        facets.tags.map((tag) => ({ value: tag, label: tag })),
      )}
      <div className="anno-filter">
        <label className="ontario-label" htmlFor={`${id}-sort`}>
          Sort by
        </label>
        <select
          id={`${id}-sort`}
          className="ontario-input anno-filter__control"
          value={state.sort}
          onChange={(event) => set({ sort: event.target.value as AnnotationSort })}
        >
          {(Object.keys(SORT_LABELS) as AnnotationSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
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
          Clear filters
        </button>
      </div>
    </form>
  );
}
