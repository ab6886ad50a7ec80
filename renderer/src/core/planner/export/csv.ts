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
 * Where a spreadsheet that split our cell would start a new cell that looks like a formula: at the
 * start of the cell (also before a tab or carriage return), or after a `;` (Excel's separator in
 * French and most European locales, where our commas are just text and our quotes lose their
 * meaning once a line has been split) or a line break, when a formula character (after any
 * spaces, tabs or quotes) or a tab follows.
 */
const CELL_START_BEFORE_FORMULA = /^(?=[ \t"]*[=+\-@]|[\t\r])|(\r\n|[;\r\n])(?=[ \t"]*[=+\-@]|\t)/g;

/**
 * How cells are written. `as-needed`: quoted only when they hold a quote, comma or line break,
 * and neutralised only at their start (RFC 4180 and OWASP's basic rule). `every-cell`: every cell
 * quoted, and neutralised wherever a spreadsheet reading with `;` could start a new cell.
 */
export type CsvStyle = 'as-needed' | 'every-cell';

/**
 * One CSV cell: neutralises formula injection (a cell that starts like a formula gets a leading
 * apostrophe, which Excel and LibreOffice show as text and do not run), then quotes per RFC 4180.
 * With `every-cell`, an apostrophe also goes wherever a cell could start inside ours (after a
 * `;` or a line break) when a formula would follow, so no cell starts like a formula
 * however the file is split, and the cell is always quoted. Dates and amounts never start that way
 * and stay as they are, so spreadsheets still read them as dates and numbers.
 */
export function csvCell(value: string, style: CsvStyle = 'as-needed'): string {
  if (style === 'as-needed') {
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  }
  const safe = value.replace(
    CELL_START_BEFORE_FORMULA,
    (_match, boundary: string | undefined) => `${boundary ?? ''}'`,
  );
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Joins rows into CSV text with CRLF line ends, as RFC 4180 and Excel expect. */
export function toCsv(rows: readonly (readonly string[])[], style: CsvStyle = 'as-needed'): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, style)).join(',')).join('\r\n') + '\r\n';
}

/**
 * The tasks as a CSV file that Excel opens correctly: UTF-8 with a byte-order mark (without it,
 * Excel on Windows reads accents such as "Clarence-Rockland, Lac-Sainte-Thérèse" as mojibake),
 * comma-separated, CRLF, every cell quoted and neutralised even for a spreadsheet that splits on
 * `;` (see {@link csvCell}). With `planId`, only that plan's tasks; otherwise all, in plan order.
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
  return `\uFEFF${toCsv(rows, 'every-cell')}`;
}
