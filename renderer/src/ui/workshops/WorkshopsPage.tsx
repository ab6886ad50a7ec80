import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useCatalog, useDocuments } from '../content/useContent';
import { Page } from '../common/Page';
import { routeHref } from '../../core/routing/hashRoutes';
import { useHashRoute } from '../common/routing/useHashRoute';
import { AudienceView } from './present/AudienceView';
import { HandoutPage } from './handout/HandoutPage';
import { PresenterView } from './present/PresenterView';
import { WorkshopDetail } from './detail/WorkshopDetail';
import { WorkshopList } from './list/WorkshopList';
import { findWorkshop } from '../../core/workshops/workshopModel';
import { parseWorkshopsRoute } from './workshopRoutes';
import { useWorkshops } from './useWorkshops';
import './workshops.css';

/**
 * `#/workshops/...`: the list, a workshop, its audience view (`present`), presenter view
 * (`presenter`) and printable handout (`handout`).
 */
export function WorkshopsPage() {
  const { t } = useTranslation('workshops');
  const route = useHashRoute();
  const catalog = useCatalog();
  const documents = useDocuments();
  const workshops = useWorkshops();
  const rest = route.kind === 'page' ? route.rest : [];
  const query = route.kind === 'page' ? route.query : '';
  const screen = parseWorkshopsRoute(rest);
  const screenId = 'id' in screen ? screen.id : null;
  const db = workshops.status === 'ready' ? workshops.snapshot.db : null;
  const byIdOrNull = documents.status === 'ready' ? documents.value.byId : null;
  // One view object per data change, not per render: the presentation keys its slides on it.
  const workshop = useMemo(
    () => (screenId && db && byIdOrNull ? findWorkshop(screenId, db, byIdOrNull) : null),
    [screenId, db, byIdOrNull],
  );

  const failed =
    catalog.status === 'error'
      ? catalog.message
      : documents.status === 'error'
        ? documents.message
        : workshops.status === 'error'
          ? workshops.message
          : null;
  if (failed)
    return (
      <Page title={t('page.title')}>
        <p role="alert">{t('page.loadFailed', { reason: failed })}</p>
      </Page>
    );
  if (catalog.status !== 'ready' || documents.status !== 'ready' || workshops.status !== 'ready')
    return <p role="status">{t('page.loading')}</p>;

  const byId = documents.value.byId;
  const { session, snapshot } = workshops;
  if (screen.screen === 'list')
    return (
      <WorkshopList
        bundled={catalog.value.entries.filter((e) => e.type === 'workshop')}
        documents={byId}
        session={session}
        snapshot={snapshot}
      />
    );
  if (!workshop)
    return (
      <Page title={t('page.notFoundTitle')}>
        <p>
          <Trans
            t={t}
            i18nKey="page.notFound"
            components={{ a: <a href={routeHref('workshops')} /> }}
          />
        </p>
      </Page>
    );
  const props = { workshop, documents: byId, session, snapshot };
  switch (screen.screen) {
    case 'present':
      return <AudienceView {...props} />;
    case 'presenter':
      return <PresenterView {...props} sessionId={new URLSearchParams(query).get('session')} />;
    case 'handout':
      return <HandoutPage {...props} />;
    default:
      return <WorkshopDetail {...props} catalog={catalog.value} />;
  }
}
