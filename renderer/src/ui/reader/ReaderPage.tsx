import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { useCatalog, useDocuments } from '../content/useContent';
import { sourceOf } from '../library/documentSource';
import { DocumentNotFound } from './DocumentNotFound';
import { DocumentView } from './DocumentView';
import { contentLanguageOf } from '../content/languageOverlay';
import { useSectionAcrossLanguages } from './useSectionAcrossLanguages';
import './reader.css';
import './print.css';

/**
 * The reader route, `#/doc/<id>` (optionally `?section=<slug>`): loads the documents and shows
 * one, or says plainly that it is loading, missing or could not be loaded. Documents of content
 * packs and the user's own (`#/doc/<packId>--<docId>`) open here too, saying where they come from.
 */
export function ReaderPage() {
  const { t } = useTranslation('reader');
  const route = useHashRoute();
  const documents = useDocuments();
  const catalog = useCatalog();
  const docId = route.kind === 'page' ? (route.rest[0] ?? '') : '';
  const query = route.kind === 'page' ? route.query : '';
  const asked = useMemo(() => new URLSearchParams(query).get('section'), [query]);
  const doc = documents.status === 'ready' ? documents.value.byId.get(docId) : undefined;
  const section = useSectionAcrossLanguages(doc, asked);

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
  const source = sourceOf(docId, catalog.value.collections);
  if (!doc) return <DocumentNotFound id={docId} source={source} />;
  return (
    <DocumentView
      // A new document is a new page: fresh state, focus on its h1, its own reading position. So
      // is the same document in another language (its text, headings and annotations differ).
      key={`${doc.id}:${contentLanguageOf(doc)}`}
      doc={doc}
      store={documents.value}
      vocabulary={catalog.value.vocabulary}
      section={section}
      collection={source.kind === 'collection' ? source.collection : undefined}
    />
  );
}
