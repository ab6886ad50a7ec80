import { Trans, useTranslation } from 'react-i18next';
import type { TaskId } from '../../../core/planner/ids';
import { Page } from '../../common/Page';
import { Announcer, useAnnouncement } from '../../common/Announcer';
import type { PlannerScreenProps } from '../home/PlannerHome';
import { planViewLabel } from '../plannerLabels';
import { PLAN_VIEWS, planHref, plannerHref, type PlanViewId } from '../plannerRoutes';
import { SaveStatus } from '../../common/SaveStatus';
import { UndoStatus } from '../../common/UndoStatus';
import { useUndo } from '../../common/useUndo';
import { ShareWithTeam } from '../../team/ShareWithTeam';
import { AddTaskForm } from './AddTaskForm';
import { PlanDetailsForm } from './PlanDetailsForm';
import { PlanSummaryView } from './PlanSummaryView';
import { TaskBoard } from './TaskBoard';
import { TaskEditor } from './TaskEditor';
import { TaskList } from './TaskList';
import { TaskTimeline } from './TaskTimeline';
import './plan.css';

export interface PlanPageProps extends PlannerScreenProps {
  planId: string;
  /** A view of the plan, or the editor of one of its tasks. */
  view: PlanViewId | { task: string };
}

/** `#/planner/plan/<id>[/view]`: a plan with its views (links styled as tabs) and task editor. */
export function PlanPage({ session, snapshot, planId, view }: PlanPageProps) {
  const { t } = useTranslation('plan');
  const undo = useUndo();
  const announcement = useAnnouncement();
  const plan = snapshot.db.plans.find((p) => p.id === planId);
  if (!plan) {
    return (
      <Page title={t('page.notFoundTitle')}>
        <p>
          <Trans
            t={t}
            i18nKey="page.notFound"
            components={{ plansLink: <a href={plannerHref()} /> }}
          />
        </p>
        <UndoStatus undo={undo} className="planner-toast" buttonClassName="button--small" />
      </Page>
    );
  }
  const current = typeof view === 'string' ? view : null;
  const id = plan.id;
  const shared = { session, db: snapshot.db, planId: id };
  return (
    <Page title={plan.title}>
      <div className="plan-top">
        <p className="plan-top__links">
          <a href={plannerHref()}>{t('page.allPlans')}</a>
          <a href={planHref(plan.id, 'report')}>{t('page.councilReport')}</a>
        </p>
        <SaveStatus state={snapshot.saveState} className="planner-save" />
      </div>
      <ShareWithTeam session={session} plan={plan} />
      <nav aria-label={t('page.viewsNav')} className="plan-tabs">
        <ul>
          {PLAN_VIEWS.map((v) => (
            <li key={v}>
              <a href={planHref(plan.id, v)} aria-current={v === current ? 'page' : undefined}>
                {planViewLabel(v)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {current !== null && current !== 'details' && current !== 'summary' && (
        <AddTaskForm {...shared} onAdded={announcement.announce} />
      )}
      {current === 'list' && <TaskList {...shared} />}
      {current === 'board' && <TaskBoard {...shared} announce={announcement.announce} />}
      {current === 'timeline' && <TaskTimeline {...shared} />}
      {current === 'summary' && <PlanSummaryView {...shared} />}
      {current === 'details' && (
        <PlanDetailsForm
          key={snapshot.generation}
          session={session}
          plan={plan}
          offerUndo={undo.offerUndo}
        />
      )}
      {typeof view !== 'string' && (
        <TaskEditor
          key={`${view.task}-${snapshot.generation}`}
          {...shared}
          taskId={view.task as TaskId}
          offerUndo={undo.offerUndo}
        />
      )}
      <UndoStatus undo={undo} className="planner-toast" buttonClassName="button--small" />
      <Announcer message={announcement.message} />
    </Page>
  );
}
