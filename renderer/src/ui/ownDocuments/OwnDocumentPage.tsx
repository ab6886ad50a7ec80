import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findOwnDocument, newOwnDocumentId } from '../../core/ownDocuments/operations';
import { OWN_DOCUMENTS_PACK_ID } from '../../core/packs/packStorage';
import { packDocumentId } from '../../core/packs/packDocuments';
import { routeHref } from '../../core/routing/hashRoutes';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { UndoStatus } from '../common/UndoStatus';
import { useUndo } from '../common/useUndo';
import { OwnDocumentEditor } from './OwnDocumentEditor';
import { useOwnDocuments } from './useOwnDocuments';
import { keptNewDocumentId } from './ownDrafts';
import { useBundledContext } from './useBundledContext';
import './ownDocuments.css';

/** The address of the editor of own document `id` (`new`: of a new one). */
export function ownEditorHref(id: string): string {
  return routeHref('own', id);
}

/**
 * The own-document editor's page: `#/own/new` starts a document (under a fresh id, which the
 * address takes once it is first saved) and `#/own/<id>` edits one. The page holds the undo, so a
 * deleted document can still be put back after its editor has gone.
 */
export function OwnDocumentPage() {
  const { t } = useTranslation(['own', 'app']);
  const route = useHashRoute();
  const target = (route.kind === 'page' ? route.rest[0] : undefined) ?? 'new';
  const state = useOwnDocuments();
  const context = useBundledContext();
  const undo = useUndo();
  // A new document left unsaved is taken up again (its draft is kept), not started afresh.
  const [freshId, setFreshId] = useState(() => keptNewDocumentId() ?? newOwnDocumentId());
  /** Bumped when the stored document changed outside the fields: the editor starts again. */
  const [revision, setRevision] = useState(0);
  const db = state.status === 'ready' ? state.snapshot.db : null;
  const id = target === 'new' ? freshId : target;
  const stored = db ? (findOwnDocument(db, id) ?? null) : null;

  // Back on "new" after a new document was saved: start another one. (Saving moves the address
  // to the document in the same event, so this never replaces the document just saved.)
  if (target === 'new' && db && findOwnDocument(db, freshId)) setFreshId(newOwnDocumentId());

  const title =
    target === 'new'
      ? t('page.newTitle')
      : stored
        ? t('page.editTitle', { title: stored.title })
        : t('app:routes.own');

  let body;
  if (state.status === 'loading' || context.status === 'loading')
    body = (
      <p role="status">
        {state.status === 'loading' ? t('page.loading') : t('page.libraryLoading')}
      </p>
    );
  else if (state.status === 'error')
    body = (
      <p role="alert" className="callout callout--warning">
        {t('page.loadFailed', { reason: state.message })}
      </p>
    );
  else if (context.status === 'error')
    body = (
      <p role="alert" className="callout callout--warning">
        {t('page.libraryFailed', { reason: context.message })}
      </p>
    );
  else if (target !== 'new' && !stored)
    body = undo.offer ? null : <p>{t('page.notFound', { id: target })}</p>;
  else
    body = (
      <>
        {stored && (
          <p className="own-page__links">
            <a href={routeHref('doc', packDocumentId(OWN_DOCUMENTS_PACK_ID, id))}>
              {t('page.read')}
            </a>
          </p>
        )}
        <OwnDocumentEditor
          key={`${id}-${revision}`}
          id={id}
          document={stored}
          session={state.session}
          context={context.value}
          undo={undo}
          onCreated={(created) => {
            // Replace, not push: Back from the document goes where the user came from.
            window.location.replace(ownEditorHref(created));
          }}
          onReplaced={() => setRevision((value) => value + 1)}
        />
      </>
    );

  return (
    <Page title={title}>
      <p className="own-page__links">
        <a href={routeHref('library')}>{t('page.backToLibrary')}</a>
      </p>
      <UndoStatus undo={undo} className="own-undo" buttonClassName="button--small" />
      {body}
    </Page>
  );
}
