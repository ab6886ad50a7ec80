import type { z } from 'zod';
import { formatZodIssues } from '../safeJson/formatZodIssues';

/**
 * An operation that cannot be done as asked: a blank title, an unknown block. `message` is
 * written for the user (the UI shows it in an element with role="alert"); `problems` lists each
 * `path: message` when there are several.
 */
export class WorkshopError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'WorkshopError';
  }
}

/** Parses `value` with `schema`, throwing a WorkshopError that lists every problem. */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = formatZodIssues(result.error);
  throw new WorkshopError(`The ${what} was not saved: ${problems.join('; ')}`, problems);
}
