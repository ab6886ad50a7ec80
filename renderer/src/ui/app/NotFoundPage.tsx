import { Trans, useTranslation } from 'react-i18next';
import { Page } from '../common/Page';
import { DEFAULT_ROUTE, routeHref } from '../../core/routing/hashRoutes';

/** Shown for a hash that names no page, e.g. an old or mistyped deep link. */
export function NotFoundPage({ path }: { path: string }) {
  const { t } = useTranslation('app');
  return (
    <Page title={t('notFound.title')}>
      <p>
        <Trans
          t={t}
          i18nKey="notFound.body"
          values={{ path }}
          components={{ libraryLink: <a href={routeHref(DEFAULT_ROUTE)} /> }}
        />
      </p>
    </Page>
  );
}
