import type { z } from 'zod';
import { ProblemList, problemPath } from './ProblemList';

/** A path inside a checked value, as zod and our problem lines count it. */
export type IssuePath = readonly (string | number)[];

/**
 * Turns zod's issues into `path: message` lines, the form every import and stored-data error takes
 * (`(file)` when the problem is the whole value). `prefix` is prepended to each path, for values
 * checked inside a larger document. With `max`, at most that many are listed, then
 * "(file): and N more problems".
 */
export function formatZodIssues(
  error: z.ZodError,
  prefix: IssuePath = [],
  max = Infinity,
): string[] {
  const problems = new ProblemList(max, Infinity);
  addZodIssues(problems, error, prefix);
  return problems.lines();
}

/** Adds zod's issues to `problems`; a line is built only for an issue that is listed. */
export function addZodIssues(
  problems: ProblemList,
  error: z.ZodError,
  prefix: IssuePath = [],
): void {
  for (const issue of error.issues) {
    problems.add(() => {
      const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      return `${problemPath(path)}: ${issue.message}`;
    });
  }
}
