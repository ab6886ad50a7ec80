import { useMemo } from 'react';
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
      <Page title="The document could not be opened">
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">The library's documents could not be loaded</p>
          <p>{reason}</p>
          <p>
            Reload the app to try again. If this keeps happening, the app's files may be damaged;
            reinstalling it will restore them.
          </p>
        </div>
      </Page>
    );
  }
  if (documents.status === 'loading' || catalog.status === 'loading') {
    return (
      <p className="reader-loading" role="status">
        Loading the document…
      </p>
    );
  }
  const doc = documents.value.byId.get(docId);
  if (!doc) {
    return (
      <Page title="Document not found">
        <p>
          We could not find that document{docId ? <> (“{docId}”)</> : null}. It may have been
          renamed or removed, or the link may be mistyped.
        </p>
        <p>
          <a href={routeHref('library')}>Browse the Library</a> to find what you were looking for.
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
