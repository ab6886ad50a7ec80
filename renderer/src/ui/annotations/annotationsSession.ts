import {
  AnnotationInputError,
  createAnnotationsStore,
  parseAnnotationsDocument,
  type AnnotationClock,
  type AnnotationsDatabase,
  type AnnotationsStore,
} from '../../core/annotations';
import type { Loaded } from '../../core/store/StoreBackend';
import type { StoreSessionOptions } from '../../core/store/StoreSession';
import type { AnnotationRecordNotice } from '../../core/team/annotationRecords';
import type { Change } from '../../core/team/records';
import { offThreadParser } from '../common/importWorker/storedTextParser';
import { StoreSession, type StoreSnapshot } from '../../core/store/StoreSession';
import { sessionLoader } from '../../core/store/sessionLoader';
import { flushOnPageHide } from '../common/flushOnPageHide';
import { wordProblems } from '../common/i18n/wordMessage';

/** What a screen sees: the data and how saving is going. Replaced (never mutated) on change. */
export type AnnotationsSnapshot = StoreSnapshot<AnnotationsDatabase>;

/**
 * The annotations database shared by every screen of one window (the reader's margin list and
 * the Annotations page), so a highlight made while reading is on the Annotations page at once.
 * Input the annotation limits refuse comes back from `apply` as its list of problems (for an
 * alert), and nothing changes.
 */
export class AnnotationsSession extends StoreSession<AnnotationsDatabase, string[]> {
  constructor(
    /** The records behind the data, for the team folder (records, clock, own changes). */
    readonly recordStore: AnnotationsStore,
    loaded: Loaded<AnnotationsDatabase>,
    options?: StoreSessionOptions<string[]>,
  ) {
    super(recordStore, loaded, options);
  }

  /**
   * Stamps this window's annotation changes (operations take it): this machine's clock, the one
   * the store stamps and keeps, so every change is this member's and later than all it has seen.
   */
  get clock(): AnnotationClock {
    return this.recordStore.clock();
  }

  /** Teammates' records that could not be read (left out), since the data last came from them. */
  notices(): readonly AnnotationRecordNotice[] {
    return this.recordStore.notices();
  }

  /**
   * Takes in teammates' changes: shows the merged annotations at once and stores the changes
   * locally (as the planner's session does). Resolves once they are stored, true when anything
   * changed; if storage refuses them, the save status says so and the next save writes them.
   */
  mergeRemote(changes: readonly Change[]): Promise<boolean> {
    this.flush();
    const { data, saved } = this.recordStore.mergeRemote(changes);
    if (data === null) return Promise.resolve(false);
    this.show(data);
    return this.trackWrite(() => saved).then(() => true);
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
