import type { z } from 'zod';
import { formatZodIssues } from '../safeJson/formatZodIssues';
import type { MessageRef } from './messageRef';

/**
 * An operation that cannot be done as asked. The UI shows it in an element with role="alert":
 * `ref`, when given, names the catalogue message the UI words (core has no words of its own);
 * `message` is the English text otherwise, and what logs show. `problems` lists each
 * `path: message` when there are several. Each feature has its own subclass, so that its UI
 * catches only its own refusals.
 */
export class ProblemError extends Error {
  readonly ref: MessageRef | null;

  constructor(
    name: string,
    message: string | MessageRef,
    readonly problems: readonly string[] = [typeof message === 'string' ? message : message.key],
  ) {
    super(typeof message === 'string' ? message : message.key);
    this.ref = typeof message === 'string' ? null : message;
    // Set by hand: class names do not survive minification.
    this.name = name;
  }
}

/**
 * Parses `value` with `schema`; on failure throws the error `makeError` builds from
 * "The <what> was not saved: …" and the list of every problem.
 */
export function validatedOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  makeError: (message: string, problems: string[]) => Error,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = formatZodIssues(result.error);
  throw makeError(`The ${what} was not saved: ${problems.join('; ')}`, problems);
}

/** Makes a feature's `validated(schema, value, what)`, which throws the feature's own error. */
export function validatorFor(makeError: (message: string, problems: string[]) => Error) {
  return <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> =>
    validatedOrThrow(schema, value, what, makeError);
}
