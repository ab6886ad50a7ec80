import { useTranslation } from 'react-i18next';
import type { PlannerDatabase } from '../../../core/planner/schema';
import { ExportButtons } from '../ExportButtons';
import type { PlannerSession } from '../plannerSession';
import { UndoStatus } from '../../common/UndoStatus';
import { useUndo } from '../../common/useUndo';
import { ImportPanel } from './ImportPanel';

/** Exports of every plan, and the import of a backup (with Undo after it is applied). */
export function DataPanel({ session, db }: { session: PlannerSession; db: PlannerDatabase }) {
  const { t } = useTranslation('planner');
  const undo = useUndo();
  return (
    <>
      <p>{t('home.dataIntro')}</p>
      <ExportButtons db={db} />
      <ImportPanel session={session} onImported={undo.offerUndo} />
      <UndoStatus undo={undo} className="planner-toast" buttonClassName="button--small" />
    </>
  );
}
