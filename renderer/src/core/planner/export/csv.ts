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

/** Characters that make a spreadsheet treat a cell as a formula (or smuggle one in). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: neutralises formula injection (a cell that starts like a formula gets a leading
 * apostrophe, which Excel and LibreOffice show as text and do not run), then quotes per RFC 4180
 * when the cell holds a quote, comma or line break.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Joins rows into CSV text with CRLF line ends, as RFC 4180 and Excel expect. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The tasks as a CSV file that Excel opens correctly: UTF-8 with a byte-order mark (without it,
 * Excel on Windows reads accents such as "Clarence-Rockland, Lac-Sainte-Thérèse" as mojibake),
 * comma-separated, CRLF, every cell neutralised and quoted as needed. With `planId`, only that
 * plan's tasks; otherwise all, in plan order.
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
  return `\uFEFF${toCsv(rows)}`;
}
