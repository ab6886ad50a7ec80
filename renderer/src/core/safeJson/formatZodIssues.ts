import type { z } from 'zod';

/**
 * Turns zod's issues into `path: message` lines, the form every import and stored-data error takes
 * (`(file)` when the problem is the whole value). `prefix` is prepended to each path, for values
 * checked inside a larger document.
 */
export function formatZodIssues(
  error: z.ZodError,
  prefix: readonly (string | number)[] = [],
): string[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    return `${path.length === 0 ? '(file)' : path.join('.')}: ${issue.message}`;
  });
}
