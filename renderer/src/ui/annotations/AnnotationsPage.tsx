import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  annotationFacets,
  deleteAnnotation,
  filterAnnotations,
  quoteOf,
  restoreAnnotation,
  sortAnnotations,
  type Annotation,
} from '../../core/annotations';
import type { DocId } from '../../core/content/ids';
import { useCatalog } from '../content/useContent';
import { compareText, formatNumber } from '../common/i18n/format';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { AnnotationsLoadNotice } from './AnnotationsLoadNotice';
import { SaveStatus } from '../common/SaveStatus';
import { UndoStatus } from '../common/UndoStatus';
import { useUndo } from '../common/useUndo';
import { saveStatusProps, UNDO_STATUS } from './labels';
import { shortQuote } from '../../core/annotations/shortQuote';
import { AnnotationList } from './page/AnnotationList';
import {
  AnnotationFilters,
  NO_FILTERS,
  toAnnotationFilter,
  type FilterState,
} from './page/AnnotationFilters';
import { ExportPanel } from './page/ExportPanel';
import { ImportPanel } from './page/ImportPanel';
import { missingDocumentLabel } from './page/missingDocument';
import { ReviewAfterUpdate } from './page/ReviewAfterUpdate';
import { useAnnotations } from './useAnnotations';
import './annotations.css';
import './page/annotationsPage.css';

/**
 * A count on the "Showing 3 of 3000" line: grouped only from five digits (`useGrouping: 'min2'`),
 * so "3000" reads as this line has always shown it in English, and French groups what it should
 * ("10 000", "1 000 000").
 */
const formatCount = (count: number): string => formatNumber(count, { useGrouping: 'min2' });

/**
 * `#/annotations` (optionally `?doc=<id>`): every annotation, filtered and sorted, each linking to
 * its place in the text (a long list draws only the entries near the screen); exports; and
 * import with a preview before merging.
 */
export function AnnotationsPage() {
  const { t } = useTranslation('annotations');
  const state = useAnnotations();
  const catalog = useCatalog();
  const route = useHashRoute();
  const initialDoc =
    route.kind === 'page' ? (new URLSearchParams(route.query).get('doc') ?? '') : '';
  const [filters, setFilters] = useState<FilterState>({ ...NO_FILTERS, docId: initialDoc });
  const undo = useUndo(t('undoDone'));

  const entries = catalog.status === 'ready' ? catalog.value.entries : null;
  const collections = catalog.status === 'ready' ? catalog.value.collections : null;
  const missingOf = useCallback(
    (docId: string) => missingDocumentLabel(docId, collections ?? []),
    [collections],
  );
  const { titleOf, docRank, knownDocIds } = useMemo(() => {
    const titles = new Map((entries ?? []).map((entry) => [entry.id as string, entry.title]));
    const ranks = new Map((entries ?? []).map((entry, index) => [entry.id as string, index]));
    return {
      titleOf: (docId: DocId) => titles.get(docId) ?? null,
      docRank: (docId: DocId) => ranks.get(docId) ?? Number.MAX_SAFE_INTEGER,
      knownDocIds: new Set(titles.keys()),
    };
  }, [entries]);

  const all = state.status === 'ready' ? state.snapshot.db.annotations : null;
  const facets = useMemo(() => annotationFacets(all ?? [], compareText), [all]);
  const shown = useMemo(
    () =>
      sortAnnotations(
        filterAnnotations(all ?? [], toAnnotationFilter(filters)),
        filters.sort,
        docRank,
      ),
    [all, filters, docRank],
  );

  if (state.status === 'error' || catalog.status === 'error') {
    return (
      <Page title={t('page.title')}>
        <p role="alert">
          {t('load.failed', {
            message:
              state.status === 'error'
                ? state.message
                : catalog.status === 'error'
                  ? catalog.message
                  : '',
          })}
        </p>
      </Page>
    );
  }
  if (state.status === 'loading' || catalog.status === 'loading') {
    return (
      <Page title={t('page.title')}>
        <p role="status">{t('page.loading')}</p>
      </Page>
    );
  }

  const { session, snapshot } = state;
  const library = catalog.value;
  const remove = (annotation: Annotation) => {
    session.apply((db) => deleteAnnotation(db, annotation.id, session.clock));
    undo.offerUndo({
      message: t('page.deleted', { quote: shortQuote(quoteOf(annotation), 60) }),
      undo: () => void session.apply((db) => restoreAnnotation(db, annotation, session.clock)),
    });
  };
  const docIds =
    filters.docId && !facets.docIds.includes(filters.docId as DocId)
      ? [...facets.docIds, filters.docId as DocId]
      : facets.docIds;
  const titleOrId = (docId: DocId) => titleOf(docId) ?? docId;
  const total = snapshot.db.annotations.length;

  return (
    <Page title={t('page.title')}>
      <p className="lead anno-page__lead">{t('page.lead')}</p>
      <AnnotationsLoadNotice report={snapshot.loadReport} />
      <SaveStatus state={snapshot.saveState} {...saveStatusProps()} />
      <div className="anno-page">
        <div className="anno-page__main">
          <ReviewAfterUpdate
            annotations={snapshot.db.annotations}
            session={session}
            catalog={library}
            titleOf={titleOf}
          />
          <AnnotationFilters
            state={filters}
            facets={{ ...facets, docIds }}
            titleOf={titleOrId}
            onChange={setFilters}
          />
          <p className="anno-page__count" role="status">
            {total === 0
              ? t('page.none')
              : t('page.showing', {
                  count: total,
                  shown: formatCount(shown.length),
                  total: formatCount(total),
                })}
          </p>
          <UndoStatus undo={undo} {...UNDO_STATUS} />
          {shown.length > 0 ? (
            <AnnotationList
              annotations={shown}
              titleOf={titleOf}
              missingOf={missingOf}
              onDelete={remove}
            />
          ) : null}
        </div>
        <div className="anno-page__side">
          <ImportPanel session={session} knownDocIds={knownDocIds} />
          <ExportPanel
            db={snapshot.db}
            filtered={shown}
            docIds={facets.docIds}
            titleOf={titleOf}
            docRank={docRank}
          />
        </div>
      </div>
    </Page>
  );
}
