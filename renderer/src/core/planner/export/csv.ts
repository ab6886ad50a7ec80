import { csvFile } from '../../csv/csvCell';
import type { PlanId } from '../ids';
import { centsToDecimal } from '../money';
import { TASK_STATUS_LABELS, type PlannerDatabase } from '../schema';

/** Column headings of the tasks CSV, in order. */
export const TASKS_CSV_COLUMNS = [
  'Plan',
  'Phase',
  'Task',
  'Status',
  'Owner',
  'Due date',
  'Estimated cost (CAD)',
  'Notes',
  'Linked documents',
  'Depends on',
  'Task ID',
] as const;

/**
 * The tasks as a CSV file that Excel opens correctly, every cell quoted and safe from formula
 * injection (see `csvFile`). With `planId`, only that plan's tasks; otherwise all, in plan order.
 */
export function exportTasksCsv(db: PlannerDatabase, planId?: PlanId): string {
  const plans = db.plans.filter((p) => planId === undefined || p.id === planId);
  const titleOf = new Map(db.tasks.map((t) => [t.id, t.title]));
  const rows: string[][] = [[...TASKS_CSV_COLUMNS]];
  for (const plan of plans) {
    const phaseTitle = new Map(plan.phases.map((ph) => [ph.id, ph.title]));
    for (const task of db.tasks) {
      if (task.planId !== plan.id) continue;
      rows.push([
        plan.title,
        task.phaseId === null ? '' : (phaseTitle.get(task.phaseId) ?? ''),
        task.title,
        TASK_STATUS_LABELS[task.status],
        task.owner,
        task.dueDate ?? '',
        task.estimatedCostCents === null ? '' : centsToDecimal(task.estimatedCostCents),
        task.notes,
        task.linkedDocIds.join('; '),
        task.dependencies.map((d) => titleOf.get(d) ?? d).join('; '),
        task.id,
      ]);
    }
  }
  return csvFile(rows);
}
