import { messageOf } from '../../core/common/errorMessage';
import {
  buildOwnCollection,
  type BuiltOwnCollection,
  type OwnCollectionContext,
} from '../../core/ownDocuments/buildCollection';
import type { OwnDocument } from '../../core/ownDocuments/schema';
import type { Vocabulary } from '../../core/content/vocabulary';

/** Asks the worker to build the own collection (job numbers: a newer job makes older stale). */
export interface BuildRequest {
  job: number;
  documents: readonly OwnDocument[];
  vocabulary: Vocabulary;
  /** `OwnCollectionContext.bundledIds` as a list (a Set crosses too, a list is plainer). */
  bundledIds: string[];
  releaseText: string | null;
}

/** The built collection, or why it could not be built. */
export type BuildReply =
  | { job: number; ok: true; built: BuiltOwnCollection }
  | { job: number; ok: false; message: string };

/** The context a request carries, as the core function takes it. */
function contextOf(request: BuildRequest): OwnCollectionContext {
  return {
    vocabulary: request.vocabulary,
    bundledIds: new Set(request.bundledIds),
    releaseText: request.releaseText,
  };
}

/** Runs a request (in the worker, or on the page where no worker runs): never throws. */
export function buildReply(request: BuildRequest): BuildReply {
  try {
    return {
      job: request.job,
      ok: true,
      built: buildOwnCollection(request.documents, contextOf(request)),
    };
  } catch (error) {
    return { job: request.job, ok: false, message: messageOf(error) };
  }
}
