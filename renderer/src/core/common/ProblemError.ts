import type { z } from 'zod';
import { formatZodIssues } from '../safeJson/formatZodIssues';
import { messageRef, type MessageRef } from './messageRef';
import type { ProblemLine } from './problemLine';

/**
 * An operation that cannot be done as asked. The UI shows it in an element with role="alert":
 * `ref`, when given, names the catalogue message the UI words (core has no words of its own);
 * `message` is the English text otherwise, and what logs show. `problems` lists what was wrong,
 * line by line (a validation's issues); the UI words `ref` with them joined as `{{problems}}`.
 * Each feature has its own subclass, so that its UI catches only its own refusals.
 */
export class ProblemError extends Error {
  readonly ref: MessageRef | null;

  constructor(
    name: string,
    message: string | MessageRef,
    readonly problems: readonly ProblemLine[] = [],
  ) {
    super(typeof message === 'string' ? message : message.key);
    this.ref = typeof message === 'string' ? null : message;
    // Set by hand: class names do not survive minification.
    this.name = name;
  }
}

/** What `validated` checks, as its refusal names it: "The <what> was not saved: …". */
export type ValidatedThing =
  | 'assessment'
  | 'block'
  | 'note'
  | 'phase'
  | 'plan'
  | 'profile'
  | 'session'
  | 'task'
  | 'vote'
  | 'workshop';

/**
 * Parses `value` with `schema`; on failure throws the error `makeError` builds from the message
 * `problems:notSaved.<what>` ("The <what> was not saved: …") and the list of every problem.
 */
export function validatedOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: ValidatedThing,
  makeError: (message: MessageRef, problems: ProblemLine[]) => Error,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw makeError(messageRef(`problems:notSaved.${what}`), formatZodIssues(result.error));
}

/** Makes a feature's `validated(schema, value, what)`, which throws the feature's own error. */
export function validatorFor(makeError: (message: MessageRef, problems: ProblemLine[]) => Error) {
  return <S extends z.ZodType>(schema: S, value: unknown, what: ValidatedThing): z.output<S> =>
    validatedOrThrow(schema, value, what, makeError);
}
