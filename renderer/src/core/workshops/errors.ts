import { ProblemError, validatorFor } from '../common/ProblemError';

/** An operation that cannot be done as asked: a blank title, an unknown block. */
export class WorkshopError extends ProblemError {
  constructor(message: string, problems?: readonly string[]) {
    super('WorkshopError', message, problems);
  }
}

/** Parses `value` with `schema`, throwing a WorkshopError that lists every problem. */
export const validated = validatorFor((message, problems) => new WorkshopError(message, problems));
