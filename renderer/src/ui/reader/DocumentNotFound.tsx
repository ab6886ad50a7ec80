import { Trans, useTranslation } from 'react-i18next';
import { routeHref } from '../../core/routing/hashRoutes';
import { Page } from '../common/Page';
import type { DocumentSource } from '../library/documentSource';

/**
 * What the reader says when an id names no document. A document of a content pack that is not
 * installed (removed, or never installed here) is "not available", naming the pack by its id (all
 * that is left of it) and saying that the reader's annotations on it are kept; a pack installed
 * without the document says which version lacks it; anything else is simply not found.
 */
export function DocumentNotFound({ id, source }: { id: string; source: DocumentSource }) {
  const { t } = useTranslation('reader');
  const annotationsKept = (
    <p>
      <Trans
        t={t}
        i18nKey="notFound.annotationsKept"
        components={{ a: <a href={routeHref('annotations')} /> }}
      />
    </p>
  );
  if (source.kind === 'missing' && !source.own)
    return (
      <Page title={t('notFound.unavailableTitle')}>
        <p>
          <Trans
            t={t}
            i18nKey="notFound.packMissing"
            values={{ packId: source.packId }}
            components={{ a: <a href={routeHref('packs')} /> }}
          />
        </p>
        {annotationsKept}
      </Page>
    );
  const gone = source.kind === 'collection' && source.collection.kind === 'pack';
  return (
    <Page title={t('notFound.title')}>
      <p>
        {gone
          ? t('notFound.packDocumentGone', {
              title: source.collection.title,
              version: source.collection.version ?? '',
              id,
            })
          : id
            ? t('notFound.named', { id })
            : t('notFound.unnamed')}
      </p>
      {gone && annotationsKept}
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
