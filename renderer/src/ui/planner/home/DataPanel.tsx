import type { PlannerDatabase } from '../../../core/planner/schema';
import { ExportButtons } from '../ExportButtons';
import type { PlannerSession } from '../plannerSession';
import { UndoToast, useUndo } from '../UndoToast';
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
      <UndoToast
        offer={undo.offer}
        result={undo.result}
        onUndo={undo.runUndo}
        onDismiss={undo.dismiss}
      />
    </>
  );
}
