import type { MessageRef } from '../common/messageRef';
import type { ProblemLine } from '../common/problemLine';
import { ProblemError } from '../common/ProblemError';

/**
 * An operation on own documents that cannot be done as asked: the document is gone, the version
 * to restore is not there, a field breaks the store's limits. Refusals name `own:errors.*`.
 */
export class OwnDocumentError extends ProblemError {
  constructor(message: string | MessageRef, problems?: readonly ProblemLine[]) {
    super('OwnDocumentError', message, problems);
  }
}
