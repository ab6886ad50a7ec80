import type { MessageRef } from '../common/messageRef';
import type { ProblemLine } from '../common/problemLine';
import { ProblemError, validatorFor } from '../common/ProblemError';

/**
 * An operation that cannot be done as asked: a blank title, an unknown block. Refusals name a
 * `workshops:errors.*` or `problems:notSaved.*` message, with validation problems as lines.
 */
export class WorkshopError extends ProblemError {
  constructor(message: string | MessageRef, problems?: readonly ProblemLine[]) {
    super('WorkshopError', message, problems);
  }
}

/** Parses `value` with `schema`, throwing a WorkshopError that lists every problem. */
export const validated = validatorFor((message, problems) => new WorkshopError(message, problems));
