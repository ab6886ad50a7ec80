import type { PlannerDatabase } from '../../../core/planner/schema';
import { ExportButtons } from '../ExportButtons';
import type { PlannerSession } from '../plannerSession';
import { UndoStatus } from '../../common/UndoStatus';
import { useUndo } from '../../common/useUndo';
import { ImportPanel } from './ImportPanel';

/** Exports of every plan, and the import of a backup (with Undo after it is applied). */
export function DataPanel({ session, db }: { session: PlannerSession; db: PlannerDatabase }) {
  const undo = useUndo();
  return (
    <>
      <p>
        Download every plan’s tasks for a spreadsheet, their due dates for your calendar, or the
        whole planner as a backup you can import on another computer.
      </p>
      <ExportButtons db={db} />
      <ImportPanel session={session} onImported={undo.offerUndo} />
      <UndoStatus undo={undo} className="planner-toast" buttonClassName="button--small" />
    </>
  );
}
