import type { BenchRow } from '../support/types';
import type { SaveRunResult } from './saveLoop';

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The table rows for one environment and size. */
export function rowsFor(where: string, result: SaveRunResult, goalMs: number): BenchRow[] {
  const n = result.tasks.toLocaleString('en-CA');
  const save = result.samples.map((s) => s.saveMs);
  const busy = result.samples.map((s) => s.mainThreadMs);
  const edit = result.samples.map((s) => s.editMs);
  const detail = `p50 ${percentile(save, 50).toFixed(1)}, max ${Math.max(...save).toFixed(1)}, n=${save.length}; stored ${(result.storedBytes / 1024 / 1024).toFixed(2)} MB`;
  return [
    {
      metric: `Save p95, ${n} tasks (${where})`,
      value: percentile(save, 95),
      unit: 'ms',
      detail,
      goal: { kind: 'below', limit: goalMs },
    },
    {
      metric: `Main-thread per save p95, ${n} tasks (${where})`,
      value: percentile(busy, 95),
      unit: 'ms',
      detail: `p50 ${percentile(busy, 50).toFixed(1)}; edit (updateTask) p50 ${percentile(edit, 50).toFixed(2)}, p95 ${percentile(edit, 95).toFixed(2)}`,
      goal: { kind: 'below', limit: goalMs },
    },
  ];
}
