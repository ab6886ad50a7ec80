/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Median, minimum and maximum of a non-empty list, plus a "min …, max …, n=…" note. */
export function summarise(values: readonly number[]): {
  median: number;
  min: number;
  max: number;
  detail: string;
} {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    median: median(values),
    min,
    max,
    detail: `min ${round(min)}, max ${round(max)}, n=${values.length}`,
  };
}

/** Rounds for display: whole numbers from 100 up, one decimal below. */
export function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}
