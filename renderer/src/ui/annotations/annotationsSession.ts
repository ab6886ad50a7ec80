import {
  AnnotationInputError,
  createAnnotationsStore,
  parseAnnotationsDocument,
  type AnnotationClock,
  type AnnotationsDatabase,
} from '../../core/annotations';
import { RecordStoreSession } from '../../core/store/RecordStoreSession';
import type { AnnotationRecordNotice } from '../../core/team/annotationRecords';
import { offThreadParser } from '../common/importWorker/storedTextParser';
import type { StoreSnapshot } from '../../core/store/StoreSession';
import { sessionLoader } from '../../core/store/sessionLoader';
import { flushOnPageHide } from '../common/flushOnPageHide';
import { wordProblems } from '../common/i18n/wordMessage';

/** What a screen sees: the data and how saving is going. Replaced (never mutated) on change. */
export type AnnotationsSnapshot = StoreSnapshot<AnnotationsDatabase>;

/**
 * The annotations database shared by every screen of one window (the reader's margin list and
 * the Annotations page), so a highlight made while reading is on the Annotations page at once.
 * Input the annotation limits refuse comes back from `apply` as its list of problems (for an
 * alert), and nothing changes. Its notices are teammates' records that could not be read (left
 * out), since the data last came from them.
 */
export class AnnotationsSession extends RecordStoreSession<
  AnnotationsDatabase,
  string[],
  AnnotationRecordNotice
> {
  /**
   * Stamps this window's annotation changes (operations take it): this machine's clock, the one
   * the store stamps and keeps, so every change is this member's and later than all it has seen.
   */
  get clock(): AnnotationClock {
    return this.recordStore.clock();
  }
}

/** Read large stored annotations in the import worker, not on the page (storedTextParser.ts). */
const parseStoredAnnotations = offThreadParser('annotations', parseAnnotationsDocument);

/**
 * The session for a host's storage, loaded on first use and shared afterwards. A load that throws
 * is not cached, so the next screen tries again.
 */
export const annotationsSessionFor = sessionLoader(
  (storage) => createAnnotationsStore(storage, parseStoredAnnotations),
  (backend, loaded) =>
    new AnnotationsSession(backend, loaded, {
      refusal: (error) =>
        error instanceof AnnotationInputError ? wordProblems(error.problems) : undefined,
    }),
  flushOnPageHide,
);
