import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  annotationLanguageOf,
  annotationsToReview,
  type DocumentTextOf,
  markReviewed,
  noteOf,
  sortAnnotations,
  type Annotation,
  type AnnotationToReview,
} from '../../../core/annotations';
import { shortQuote } from '../../../core/annotations/shortQuote';
import { packIdOf, type DocId } from '../../../core/content/ids';
import type { LibraryCatalog } from '../../content/contentData';
import type { AnnotationsSession } from '../annotationsSession';
import { annotationHref } from './AnnotationEntry';
import { documentTextReader } from './documentTexts';

export interface ReviewAfterUpdateProps {
  annotations: readonly Annotation[];
  session: AnnotationsSession;
  /** The library as it is now; a new one (a pack installed or updated) checks again. */
  catalog: LibraryCatalog;
  titleOf: (docId: DocId) => string | null;
}

interface Review {
  items: AnnotationToReview[];
  textOf: DocumentTextOf;
}

/**
 * "Review after update": annotations on documents of content packs and own documents whose text
 * changed since they were made, placed again in the new text (core/annotations/review.ts). Each
 * one that moved, changed or is gone is listed until its owner marks it reviewed; none is lost.
 * The bundled library is not checked here: it changes only with the app, and the reader already
 * says when a highlight's text changed.
 */
export function ReviewAfterUpdate({
  annotations,
  session,
  catalog,
  titleOf,
}: ReviewAfterUpdateProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [marked, setMarked] = useState<string | null>(null);

  // In document order: stored annotations come in no order a person would follow.
  const candidates = useMemo(
    () =>
      sortAnnotations(
        annotations.filter((a) => packIdOf(a.target.docId) !== null),
        'document',
      ),
    [annotations],
  );
  useEffect(() => {
    if (candidates.length === 0) return;
    let live = true;
    // The reader's own rendering of each document, so offsets match what the reader anchors on.
    // Only the languages of the annotations reviewed: pack annotations, so English (packs have
    // no other version), and an English user never fetches the French library for them.
    documentTextReader(candidates.map(annotationLanguageOf)).then(
      (textOf) => {
        if (live) setReview({ items: annotationsToReview(candidates, textOf), textOf });
      },
      // The documents could not be loaded: the reader and the list say so; nothing to review.
      () => live && setReview(null),
    );
    return () => {
      live = false;
    };
  }, [candidates, catalog]);

  const items = candidates.length === 0 ? [] : (review?.items ?? []);
  if (items.length === 0 && marked === null) return null;

  const mark = (item: AnnotationToReview) => {
    const text = review?.textOf(
      item.annotation.target.docId,
      annotationLanguageOf(item.annotation),
    );
    if (text === null || text === undefined) return;
    session.apply((db) =>
      markReviewed(db, item.annotation.id, { text, found: item.found }, session.clock),
    );
    setMarked(t('review.marked', { quote: shortQuote(item.quote, 60) }));
    // The item and its button go away: keep keyboard focus in the section.
    heading.current?.focus();
  };

  return (
    <section className="anno-review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="anno-review__title" ref={heading} tabIndex={-1}>
        {t('review.title')}
      </h2>
      <p role="status" className="anno-review__status">
        {marked ?? ''}
      </p>
      {items.length === 0 ? (
        <p>{t('review.allDone')}</p>
      ) : (
        <>
          <p className="anno-hint">{t('review.lead')}</p>
          <ul className="anno-review__list">
            {items.map((item) => (
              <ReviewItem
                key={item.annotation.id}
                item={item}
                title={titleOf(item.annotation.target.docId)}
                onMark={() => mark(item)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ReviewItem({
  item,
  title,
  onMark,
}: {
  item: AnnotationToReview;
  title: string | null;
  onMark: () => void;
}) {
  const { t } = useTranslation('annotations');
  const quoteId = `${useId()}-quote`;
  return (
    <li className="anno-review__item">
      <p className="anno-review__doc">
        <a href={annotationHref(item.annotation)}>{title ?? item.annotation.target.docId}</a>
      </p>
      <p className="anno-review__reason">{t(`review.reason.${item.reason}`)}</p>
      <p id={quoteId} className="anno-review__quote">
        {t('review.was', { quote: shortQuote(item.quote, 300) })}
      </p>
      {item.reason === 'changed' && item.found ? (
        <p className="anno-review__quote">
          {t('review.now', { quote: shortQuote(item.found.text, 300) })}
        </p>
      ) : null}
      {noteOf(item.annotation) === '' ? null : (
        <p className="anno-review__note">
          {t('review.note', { note: shortQuote(noteOf(item.annotation), 300) })}
        </p>
      )}
      <button
        type="button"
        className="button button--secondary anno-button"
        aria-describedby={quoteId}
        onClick={onMark}
      >
        {t('review.markReviewed')}
      </button>
    </li>
  );
}
