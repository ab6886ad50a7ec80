import { csvFile, type CsvDialect } from '../../csv/csvCell';
import type { PlanId } from '../ids';
import { centsToDecimal } from '../money';
import type { PlannerDatabase, TaskStatus } from '../schema';

/** The columns of the tasks CSV, in order. */
export const TASKS_CSV_COLUMNS = [
  'plan',
  'phase',
  'task',
  'status',
  'owner',
  'dueDate',
  'estimatedCost',
  'notes',
  'linkedDocuments',
  'dependsOn',
  'taskId',
] as const;
export type TasksCsvColumn = (typeof TASKS_CSV_COLUMNS)[number];

/**
 * The words of the file, in the interface language: core has none, and the person opening the
 * spreadsheet reads the headings and statuses the app showed them.
 */
export interface TasksCsvWords {
  columns: Readonly<Record<TasksCsvColumn, string>>;
  status: (status: TaskStatus) => string;
}

/**
 * The tasks as a CSV file that Excel opens correctly, every cell quoted and safe from formula
 * injection (see `csvFile`), split and with amounts written as the reader's Excel expects
 * (`dialect`). With `planId`, only that plan's tasks; otherwise all, in plan order.
 */
export function exportTasksCsv(
  db: PlannerDatabase,
  words: TasksCsvWords,
  dialect: CsvDialect,
  planId?: PlanId,
): string {
  const plans = db.plans.filter((p) => planId === undefined || p.id === planId);
  const titleOf = new Map(db.tasks.map((t) => [t.id, t.title]));
  const rows: string[][] = [TASKS_CSV_COLUMNS.map((column) => words.columns[column])];
  for (const plan of plans) {
    const phaseTitle = new Map(plan.phases.map((ph) => [ph.id, ph.title]));
    for (const task of db.tasks) {
      if (task.planId !== plan.id) continue;
      rows.push([
        plan.title,
        task.phaseId === null ? '' : (phaseTitle.get(task.phaseId) ?? ''),
        task.title,
        words.status(task.status),
        task.owner,
        task.dueDate ?? '',
        task.estimatedCostCents === null
          ? ''
          : centsToDecimal(task.estimatedCostCents, dialect.decimal),
        task.notes,
        task.linkedDocIds.join('; '),
        task.dependencies.map((d) => titleOf.get(d) ?? d).join('; '),
        task.id,
      ]);
    }
  }
  return csvFile(rows, dialect);
}
