/** A target a measurement should stay under (or above). */
export interface Goal {
  /** `below`: the value must be less than `limit`; `atMost`: less or equal; `above`: greater. */
  kind: 'below' | 'atMost' | 'above';
  limit: number;
}

/** One line of the results table. */
export interface BenchRow {
  /** What was measured, e.g. "First contentful paint (median)". */
  metric: string;
  value: number;
  /** Unit shown after the value, e.g. "ms" or "KB". */
  unit: string;
  /** Extra context, e.g. "min 80, max 120, n=7". */
  detail?: string;
  goal?: Goal;
}

/** A registered benchmark: a name and a function that measures and returns rows. */
export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** A benchmark's results, as printed and as written to results/latest.json. */
export interface BenchResult {
  benchmark: string;
  rows: BenchRow[];
  /** Set when the benchmark threw; its rows are then empty. */
  error?: string;
}

/** True, false, or null when the row has no goal. */
export function goalMet(row: BenchRow): boolean | null {
  if (!row.goal) return null;
  const { kind, limit } = row.goal;
  if (kind === 'atMost') return row.value <= limit;
  return kind === 'below' ? row.value < limit : row.value > limit;
}
