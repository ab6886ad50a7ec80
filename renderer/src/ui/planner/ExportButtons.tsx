import { localIsoDate } from '../../core/planner/dates';
import { exportBackup } from '../../core/planner/export/backup';
import { exportTasksCsv } from '../../core/planner/export/csv';
import { exportDueDatesIcs } from '../../core/planner/export/ics';
import type { PlanId } from '../../core/planner/ids';
import type { PlannerDatabase } from '../../core/planner/schema';
import { useTranslation } from 'react-i18next';
import { csvDialect } from '../common/i18n/format';
import { useSaveFile } from '../common/useSaveFile';
import { icsWords, tasksCsvWords } from './plannerLabels';

export interface ExportButtonsProps {
  db: PlannerDatabase;
  /** Only this plan's tasks in the CSV and calendar; the backup is always the whole planner. */
  planId?: PlanId;
}

/** Tasks as CSV, due dates as iCalendar and the whole planner as a JSON backup, via the host. */
export function ExportButtons({ db, planId }: ExportButtonsProps) {
  const { t } = useTranslation('planner');
  const { status, save: saveFile } = useSaveFile();
  const today = localIsoDate();

  const save = (kind: 'csv' | 'ics' | 'json') => {
    const contents =
      kind === 'csv'
        ? exportTasksCsv(db, tasksCsvWords(), csvDialect(), planId)
        : kind === 'ics'
          ? exportDueDatesIcs(db, {
              now: new Date(),
              words: icsWords(),
              ...(planId === undefined ? {} : { planId }),
            })
          : exportBackup(db, new Date());
    const mimeType =
      kind === 'csv'
        ? 'text/csv;charset=utf-8'
        : kind === 'ics'
          ? 'text/calendar;charset=utf-8'
          : 'application/json';
    saveFile({
      // Named in the interface language, e.g. `onmuni-taches-2026-11-26.csv` in French.
      suggestedName: t(`exports.fileName.${kind}`, { date: today }),
      mimeType,
      extensions: [kind],
      contents,
    });
  };

  return (
    <div className="planner-exports">
      <div className="planner-actions">
        <button type="button" className="button button--secondary" onClick={() => save('csv')}>
          {t('exports.csv')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => save('ics')}>
          {t('exports.ics')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => save('json')}>
          {t('exports.backup')}
        </button>
      </div>
      <p role="status" className="planner-muted">
        {status}
      </p>
    </div>
  );
}
