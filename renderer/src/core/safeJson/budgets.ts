/**
 * The bounded reader's budgets, so that a crafted 20 MB file costs time and memory in proportion
 * to its size: how deep, how many containers and how many field names a file may have, and how
 * many problems are listed and counted before checks stop.
 */

/** Deeper nesting than any of our formats needs; refusing it keeps walkers off the stack limit. */
export const DEFAULT_MAX_DEPTH = 64;

/**
 * Most objects and lists in one file. Our largest legitimate files hold about 500,000 (50,000
 * annotations); a million empty objects already take 70 MB once parsed, and the 7 million that
 * fit in 20 MB would take 470 MB and seconds.
 */
export const DEFAULT_MAX_CONTAINERS = 1_000_000;

/**
 * Most different field names in one file. Our formats use fewer than a hundred; the engine builds
 * a hidden class per new name, so 2 million of them (20 MB) would take 1.4 GB to parse.
 */
export const DEFAULT_MAX_DISTINCT_KEYS = 10_000;

/** Most problems listed for one file; the rest are counted ("and N more problems"). */
export const MAX_LISTED_PROBLEMS = 25;

/** Checks stop once this many problems are known: a broken file has said enough by then. */
export const MAX_COUNTED_PROBLEMS = 10_000;

/** Longest problem line: values quoted from a crafted file can be megabytes long. */
export const MAX_PROBLEM_LENGTH = 500;

/** Counts units of work (values visited, graph steps), so tests can prove a bound without a clock. */
export interface WorkCounter {
  steps: number;
}
