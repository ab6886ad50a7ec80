import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlannerDatabase } from '../../core/planner/schema';
import type { RepairNotice } from '../../core/team/plannerRepairs';
import { formatNumber } from '../common/i18n/format';
import './team.css';

/** Notices listed; a crafted folder could make thousands, so the rest are counted. */
const SHOWN = 20;

/**
 * What the planner repaired after merging the team's changes (a task whose phase was deleted, a
 * dependency loop two people closed at once), so nobody wonders why a task moved.
 */
export function RepairNotices({
  notices,
  db,
}: {
  notices: readonly RepairNotice[];
  db: PlannerDatabase;
}) {
  const { t } = useTranslation('team');
  if (notices.length === 0) return null;
  const more = notices.length - SHOWN;
  return (
    <section aria-labelledby="team-repairs-heading" className="callout team-repairs">
      <h2 id="team-repairs-heading" className="callout__title">
        {t('repairs.heading')}
      </h2>
      <p>{t('repairs.intro')}</p>
      <ul>
        {notices.slice(0, SHOWN).map((notice, index) => (
          <li key={index}>{noticeText(notice, db, t)}</li>
        ))}
      </ul>
      {more > 0 && <p>{t('repairs.more', { count: more, shown: formatNumber(more) })}</p>}
    </section>
  );
}

function noticeText(notice: RepairNotice, db: PlannerDatabase, t: TFunction<'team'>): string {
  const title = (id: string) => db.tasks.find((task) => task.id === id)?.title ?? id;
  switch (notice.code) {
    case 'taskUnphased':
      return t('repairs.taskUnphased', { task: title(notice.taskId) });
    case 'dependencyDropped':
      return t('repairs.dependencyDropped', { task: title(notice.taskId) });
    case 'dependencyLoopBroken':
      return t('repairs.dependencyLoopBroken', {
        task: title(notice.taskId),
        dependency: title(notice.dependsOn),
      });
    case 'taskWithoutPlan':
      return t('repairs.taskWithoutPlan');
    case 'recordSkipped':
      return t('repairs.recordSkipped', { field: notice.field });
    case 'fieldDefaulted':
      return t('repairs.fieldDefaulted', { field: notice.field });
  }
}
