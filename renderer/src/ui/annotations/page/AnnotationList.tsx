import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../core/annotations';
import type { DocId } from '../../../core/content/ids';
import { ROWS_RENDERED_IN_FULL, useWindowedRows } from '../../common/useWindowedRows';
import { AnnotationEntry } from './AnnotationEntry';

/** An entry's usual height (meaning, a two-line quote, author, Delete) before it is measured. */
const ENTRY_HEIGHT = 200;

export interface AnnotationListProps {
  /** The annotations to list, filtered and sorted. */
  annotations: readonly Annotation[];
  titleOf: (docId: DocId) => string | null;
  /** Says why a document is not in the library (a removed content pack, say). */
  missingOf: (docId: string) => string;
  onDelete: (annotation: Annotation) => void;
}

/**
 * The Annotations page's list. Thousands of annotations (a task force's merged files) draw only
 * the entries near the screen; the page keeps its full height, so the scroll bar tells how long
 * the list is, and each entry tells screen readers its place ("12 of 3,000").
 */
export function AnnotationList({ annotations, titleOf, missingOf, onDelete }: AnnotationListProps) {
  const { t } = useTranslation('annotations');
  const windowed = annotations.length > ROWS_RENDERED_IN_FULL;
  const getKey = useCallback(
    (index: number) => annotations[index]?.id ?? String(index),
    [annotations],
  );
  const { after, before, indexes, listStart, measureRow } = useWindowedRows({
    count: annotations.length,
    windowed,
    estimatedHeight: ENTRY_HEIGHT,
    getKey,
  });
  return (
    <ul
      ref={listStart}
      className="anno-list"
      aria-label={t('page.listLabel')}
      // CSSOM properties (not a style attribute), which the app's CSP allows.
      style={
        windowed
          ? {
              paddingTop: before,
              paddingBottom: after,
              overflowAnchor: 'none',
              display: 'flow-root',
            }
          : undefined
      }
    >
      {indexes.map((index) => {
        const annotation = annotations[index];
        return annotation ? (
          <AnnotationEntry
            key={annotation.id}
            annotation={annotation}
            title={titleOf(annotation.target.docId)}
            missing={missingOf}
            onDelete={() => onDelete(annotation)}
            // The list's length only when windowed: a whole list tells its own size.
            placement={{ index, setSize: windowed ? annotations.length : undefined, measureRow }}
          />
        ) : null;
      })}
    </ul>
  );
}
