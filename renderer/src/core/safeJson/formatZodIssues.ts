import type { z } from 'zod';
import { ProblemList, problemPath, WHOLE_FILE } from './ProblemList';

/** A path inside a checked value, as zod and our problem lines count it. */
export type IssuePath = readonly (string | number)[];

/**
 * Turns zod's issues into `path: message` lines: the one wording of a schema's complaints, used by
 * imports, stored data, inputs and the desktop's IPC refusals. `prefix` is prepended to each path,
 * for values checked inside a larger document; `whole` names the value itself where a path is
 * empty (`(file)`, or `(input)` for an IPC call's argument). With `max`, at most that many are
 * listed, then "(file): and N more problems". Lines are cut to a readable length.
 */
export function formatZodIssues(
  error: z.ZodError,
  prefix: IssuePath = [],
  max = Infinity,
  whole = WHOLE_FILE,
): string[] {
  const problems = new ProblemList(max, Infinity);
  addZodIssues(problems, error, prefix, whole);
  return problems.lines();
}

/** Adds zod's issues to `problems`; a line is built only for an issue that is listed. */
export function addZodIssues(
  problems: ProblemList,
  error: z.ZodError,
  prefix: IssuePath = [],
  whole = WHOLE_FILE,
): void {
  for (const issue of error.issues) {
    problems.add(() => {
      const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      return `${problemPath(path, whole)}: ${issue.message}`;
    });
  }
}
