import type { MessageRef } from '../common/messageRef';
import { ProblemError, validatorFor } from '../common/ProblemError';

/**
 * An operation that cannot be done as asked: a blank title, an unknown block. Refusals core
 * words itself name a `workshops:errors.*` message; validation problems are still English.
 */
export class WorkshopError extends ProblemError {
  constructor(message: string | MessageRef, problems?: readonly string[]) {
    super('WorkshopError', message, problems);
  }
}

/** Parses `value` with `schema`, throwing a WorkshopError that lists every problem. */
export const validated = validatorFor((message, problems) => new WorkshopError(message, problems));
