import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { routeHref } from '../../core/routing/hashRoutes';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { useCatalog, useDocuments } from '../content/useContent';
import { DocumentView } from './DocumentView';
import './reader.css';
import './print.css';

/**
 * The reader route, `#/doc/<id>` (optionally `?section=<slug>`): loads the documents and shows
 * one, or says plainly that it is loading, missing or could not be loaded.
 */
export function ReaderPage() {
  const { t } = useTranslation('reader');
  const route = useHashRoute();
  const documents = useDocuments();
  const catalog = useCatalog();
  const docId = route.kind === 'page' ? (route.rest[0] ?? '') : '';
  const query = route.kind === 'page' ? route.query : '';
  const section = useMemo(() => new URLSearchParams(query).get('section'), [query]);

  if (documents.status === 'error' || catalog.status === 'error') {
    const reason =
      documents.status === 'error'
        ? documents.message
        : catalog.status === 'error'
          ? catalog.message
          : '';
    return (
      <Page title={t('loadFailed.title')}>
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">{t('loadFailed.heading')}</p>
          <p>{reason}</p>
          <p>{t('loadFailed.advice')}</p>
        </div>
      </Page>
    );
  }
  if (documents.status === 'loading' || catalog.status === 'loading') {
    return (
      <p className="reader-loading" role="status">
        {t('loading')}
      </p>
    );
  }
  const doc = documents.value.byId.get(docId);
  if (!doc) {
    return (
      <Page title={t('notFound.title')}>
        <p>{docId ? t('notFound.named', { id: docId }) : t('notFound.unnamed')}</p>
        <p>
          <Trans
            t={t}
            i18nKey="notFound.browse"
            components={{ a: <a href={routeHref('library')} /> }}
          />
        </p>
      </Page>
    );
  }
  return (
    <DocumentView
      // A new document is a new page: fresh state, focus on its h1, its own reading position.
      key={doc.id}
      doc={doc}
      store={documents.value}
      vocabulary={catalog.value.vocabulary}
      section={section}
    />
  );
}
