import { Trans, useTranslation } from 'react-i18next';
import { Page } from '../common/Page';
import { routeHref } from '../../core/routing/hashRoutes';
import { useHashRoute } from '../common/routing/useHashRoute';
import { AssessmentPage } from './assessment/AssessmentPage';
import { PlannerHome } from './home/PlannerHome';
import { PlanPage } from './plan/PlanPage';
import { PlannerLoadNotice } from './PlannerLoadNotice';
import { parsePlannerRoute } from './plannerRoutes';
import { CouncilReport } from './report/CouncilReport';
import { usePlanner } from './usePlanner';
import './planner.css';

/**
 * The planner route, `#/planner/...`: home (profile, plans, data), the self-assessment, a plan
 * with its views and task editor, and a plan's council report. Loads the planner once and hands
 * the shared session to the screen.
 */
export function PlannerPage() {
  const { t } = useTranslation('planner');
  const route = useHashRoute();
  const planner = usePlanner();
  const target = parsePlannerRoute(route.kind === 'page' ? route.rest : []);

  if (planner.status === 'error') {
    return (
      <Page title={t('page.title')}>
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">{t('page.cannotOpen')}</p>
          <p>{planner.message}</p>
        </div>
      </Page>
    );
  }
  if (planner.status === 'loading') {
    return <p role="status">{t('page.loading')}</p>;
  }
  const { session, snapshot } = planner;
  const notice = <PlannerLoadNotice report={snapshot.loadReport} />;
  switch (target.screen) {
    case 'home':
      return <PlannerHome session={session} snapshot={snapshot} notice={notice} />;
    case 'assessment':
      return <AssessmentPage session={session} snapshot={snapshot} />;
    case 'plan':
    case 'task':
      return (
        <PlanPage
          key={target.planId}
          session={session}
          snapshot={snapshot}
          planId={target.planId}
          view={target.screen === 'task' ? { task: target.taskId } : target.view}
        />
      );
    case 'report':
      return <CouncilReport session={session} snapshot={snapshot} planId={target.planId} />;
    case 'unknown':
      return (
        <Page title={t('page.notFoundTitle')}>
          <p>
            <Trans
              t={t}
              i18nKey="page.notFound"
              components={{ a: <a href={routeHref('planner')} /> }}
            />
          </p>
        </Page>
      );
  }
}
