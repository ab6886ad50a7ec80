import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../common/Page';
import type { PlannerSession, PlannerSnapshot } from '../plannerSession';
import { SaveStatus } from '../../common/SaveStatus';
import { RepairNotices } from '../../team/RepairNotices';
import { TeamActivity } from '../../team/TeamActivity';
import { DataPanel } from './DataPanel';
import { LatestAssessment } from './LatestAssessment';
import { NewPlanForm } from './NewPlanForm';
import { PlanList } from './PlanList';
import { ProfileForm } from './ProfileForm';

export interface PlannerScreenProps {
  session: PlannerSession;
  snapshot: PlannerSnapshot;
}

/** `#/planner`: the municipality, its plans, the latest self-assessment, and data in and out. */
export function PlannerHome({
  session,
  snapshot,
  notice,
}: PlannerScreenProps & { notice: ReactNode }) {
  const { t } = useTranslation('planner');
  const { db } = snapshot;
  return (
    <Page title={t('page.title')}>
      {notice}
      <RepairNotices notices={session.notices()} db={db} />
      <SaveStatus state={snapshot.saveState} className="planner-save" />
      <div className="planner-home">
        <div className="planner-home__main">
          <section aria-labelledby="plans-heading" className="planner-section">
            <h2 id="plans-heading">{t('home.plans')}</h2>
            <PlanList session={session} db={db} />
            <NewPlanForm session={session} />
          </section>
          <section aria-labelledby="data-heading" className="planner-section">
            <h2 id="data-heading" tabIndex={-1} data-menu-target="export">
              {t('home.data')}
            </h2>
            <DataPanel session={session} db={db} />
          </section>
        </div>
        <div className="planner-home__side">
          <TeamActivity />
          <section aria-labelledby="assessment-heading" className="planner-section">
            <h2 id="assessment-heading">{t('home.maturity')}</h2>
            <LatestAssessment db={db} />
          </section>
          <section aria-labelledby="profile-heading" className="planner-section">
            <h2 id="profile-heading">{t('home.profile')}</h2>
            <ProfileForm key={snapshot.generation} session={session} profile={db.profile} />
          </section>
        </div>
      </div>
    </Page>
  );
}
