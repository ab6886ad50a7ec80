import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  annotationLanguageOf,
  authorOf,
  meaningOf,
  noteOf,
  tagsOf,
  type Annotation,
} from '../../core/annotations';
import { useLangMark } from '../content/ContentText';
import { MeaningLabel } from './MeaningLabel';
import { NoteText } from './NoteText';

/** Where an item sits in a list that may be drawn only in part (see useBoxedRows). */
export interface RowPlacement {
  index: number;
  /** How many items the whole list has, drawn or not; left out when the whole list is drawn. */
  setSize?: number;
  rowStyle?: CSSProperties;
  measureRow?: (element: Element | null) => void;
}

/** A button under the item; screen readers hear the quote as its description. */
export interface AnnotationAction {
  label: string;
  onClick: () => void;
}

export interface AnnotationItemProps {
  annotation: Annotation;
  /** A class beside `anno-item`, for the list's own look. */
  className?: string;
  placement?: RowPlacement;
  /** What follows the meaning label: the document, or what became of the passage. */
  meta: ReactNode;
  /** The passage as shown (shortened by the caller, which knows how much room it has). */
  quote: string;
  /**
   * The quote's element id. The caller chooses it so that a link in `meta` can be described by
   * the quote too, as the action buttons are.
   */
  quoteId: string;
  /** False leaves the tags out (orphans show only what helps to find the passage again). */
  showTags?: boolean;
  /** When, after the author's name: "26 Nov 2026", or with ", edited …". */
  when: string;
  actions: readonly AnnotationAction[];
  /** A control after the actions (the Annotations page's "Private" box). */
  extra?: ReactNode;
}

/**
 * One annotation in a list, as the Annotations page, the reader's margin and its orphans all show
 * it: meaning, quote, note, tags, author and date, then its actions. The quote is the text of the
 * document's version the annotation was made on, so it carries that version's `lang` when the
 * interface speaks another (WCAG 3.1.2); the note and tags are the author's, in no known language.
 */
export function AnnotationItem({
  annotation,
  className,
  placement,
  meta,
  quote,
  quoteId,
  showTags = true,
  when,
  actions,
  extra,
}: AnnotationItemProps) {
  const { t } = useTranslation('annotations');
  const tags = showTags ? tagsOf(annotation) : [];
  const setSize = placement?.setSize;
  const quoteLang = useLangMark()(annotationLanguageOf(annotation));
  return (
    <li
      ref={placement?.measureRow}
      className={className === undefined ? 'anno-item' : `anno-item ${className}`}
      data-index={placement?.index}
      style={placement?.rowStyle}
      aria-posinset={
        placement === undefined || setSize === undefined ? undefined : placement.index + 1
      }
      aria-setsize={setSize}
    >
      <p className="anno-item__meta">
        <MeaningLabel meaning={meaningOf(annotation)} />
        {meta}
      </p>
      <blockquote className="anno-quote" id={quoteId} lang={quoteLang}>
        {quote}
      </blockquote>
      <NoteText note={noteOf(annotation)} />
      {tags.length > 0 ? (
        <p className="anno-tags">
          <span className="anno-tags__label">{t('item.tags')}</span>{' '}
          {tags.map((tag) => (
            <span key={tag} className="anno-tag">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      <p className="anno-item__by">{t('item.byline', { author: authorOf(annotation), when })}</p>
      <div className="anno-actions anno-actions--small">
        {actions.map(({ label, onClick }) => (
          <button
            key={label}
            type="button"
            className="button button--secondary anno-button"
            aria-describedby={quoteId}
            onClick={onClick}
          >
            {label}
          </button>
        ))}
        {extra}
      </div>
    </li>
  );
}
