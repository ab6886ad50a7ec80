import { useTranslation } from 'react-i18next';
import { routeHref } from '../../core/routing/hashRoutes';
import type { CollectionInfo } from '../content/contentData';
import { localIdOf } from '../library/documentSource';

/**
 * Where a document comes from, under its type: the content pack and its version, or "Your
 * document" with a link to its editor. Nothing for the bundled library, which is the default.
 */
export function DocumentOrigin({ id, collection }: { id: string; collection?: CollectionInfo }) {
  const { t } = useTranslation('reader');
  if (!collection) return null;
  if (collection.kind === 'own')
    return (
      <p className="reader__origin">
        {t('origin.own')} · <a href={routeHref('own', localIdOf(id))}>{t('origin.edit')}</a>
      </p>
    );
  return (
    <p className="reader__origin">
      {collection.version === undefined
        ? t('origin.packUnversioned', { title: collection.title })
        : t('origin.pack', { title: collection.title, version: collection.version })}
    </p>
  );
}
