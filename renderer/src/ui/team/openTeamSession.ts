/**
 * The team session of a window, wired to the real parts: the host's team folder, the record
 * stores of the planner, the annotations, the workshops and the own documents (their records,
 * clocks and merges), core's TeamSync, and the
 * preferences kept on this device. One per host (so one per window), opened on first use.
 */
import type { Host } from '../../host/Host';
import { noteOf, quoteOf } from '../../core/annotations';
import { shortQuote } from '../../core/annotations/shortQuote';
import { existingToPreview } from '../../core/team/annotationRecords';
import { teamRouting, type RecordStorePort } from '../../core/team/teamRouting';
import { REMOVED_AT_FIELD } from '../../core/team/removedMembers';
import type { TeamFolderHost } from '../../core/team/teamFolderHost';
import { TeamSync } from '../../core/team/teamSync';
import { annotationsSessionFor, type AnnotationsSession } from '../annotations/annotationsSession';
import { plannerSessionFor, type PlannerSession } from '../planner/plannerSession';
import { workshopsSessionFor, type WorkshopsSession } from '../workshops/workshopsSession';
import {
  ownDocumentsSessionFor,
  type OwnDocumentsSession,
} from '../ownDocuments/ownDocumentsSession';
import { teamPreferencesIn } from './teamPreferences';
import { TeamSession, type TeamRecordsPort } from './teamSession';

/** How often the folder is read without being told it changed. */
const POLL_MS = {
  /** A browser cannot watch a folder: polling is all there is. */
  browser: 5_000,
  /** Beside the desktop's watcher, which misses changes on network drives and some sync tools. */
  electron: 15_000,
} as const;

/** A host without a team folder (an older desktop build, a test host). */
const NO_TEAM_FOLDER: TeamFolderHost = {
  available: { unavailableReason: 'noFileSystemAccess' },
  choose: () => Promise.resolve(null),
  restore: () => Promise.resolve(null),
  forget: () => Promise.resolve(),
};

const sessions = new WeakMap<Host, Promise<TeamSession>>();

/** The team session of this host's window, opened on first use. */
export function teamSessionFor(host: Host): Promise<TeamSession> {
  let session = sessions.get(host);
  if (!session) {
    session = open(host);
    sessions.set(host, session);
    // A planner that could not be opened is tried again by the next screen.
    session.catch(() => sessions.delete(host));
  }
  return session;
}

async function open(host: Host): Promise<TeamSession> {
  const [planner, annotations, workshops, ownDocuments, info] = await Promise.all([
    plannerSessionFor(host.storage),
    annotationsSessionFor(host.storage),
    workshopsSessionFor(host.storage),
    ownDocumentsSessionFor(host.storage),
    host.appInfo(),
  ]);
  const records = sharedRecords(planner, annotations, { workshops, ownDocuments });
  return new TeamSession({
    folders: host.teamFolder ?? NO_TEAM_FOLDER,
    records,
    preferences: teamPreferencesIn(host.storage),
    openSync: (folder, displayName) =>
      new TeamSync({
        folder,
        me: records.me,
        displayName,
        appVersion: info.version,
        clock: planner.recordStore.clock(),
      }),
    pollMs: POLL_MS[host.kind],
  });
}

/** The workshops' and own documents' sessions, whose shared items the team folder carries. */
export interface SharedItemSessions {
  readonly workshops: WorkshopsSession;
  readonly ownDocuments: OwnDocumentsSession;
}

/**
 * The record stores the team folder shares, as one (core/team/teamRouting.ts routes each change
 * read to the store of its kind and takes this member's shared changes from each), with what the
 * team session needs besides: removing a member, local saves, the offer to share annotations.
 */
export function sharedRecords(
  planner: PlannerSession,
  annotations: AnnotationsSession,
  items?: SharedItemSessions,
): TeamRecordsPort {
  const plans = planner.recordStore;
  const notes = annotations.recordStore;
  const me = plans.clock().member;
  const sessions = [planner, annotations, ...(items ? [items.workshops, items.ownDocuments] : [])];
  const routing = teamRouting(me, {
    planner: port(planner),
    annotations: port(annotations),
    workshops: items && port(items.workshops),
    ownDocuments: items && port(items.ownDocuments),
  });
  return {
    me,
    records: () => routing.records(),
    record: (kind, id) => routing.record(kind, id),
    scope: (preferences) => routing.scope(preferences),
    ownShared: (preferences) => routing.ownShared(preferences),
    mergeRemote: (changes) => routing.mergeRemote(changes),
    async removeMember(id) {
      const at = plans.clock().tick();
      await planner.mergeRemote([{ kind: 'member', id, at, set: { [REMOVED_AT_FIELD]: at } }]);
    },
    onLocalChanges(listener) {
      const stops = sessions.map((session) => session.recordStore.onChanges(() => listener()));
      return () => stops.forEach((stop) => stop());
    },
    annotationsToOffer(preferences) {
      const offered = existingToPreview(
        annotations.getSnapshot().db,
        preferences.joinedAt,
        notes.records(),
      );
      return offered.map((annotation) => ({
        id: annotation.id,
        quote: shortQuote(quoteOf(annotation), PREVIEW_CHARS),
        note: shortQuote(noteOf(annotation), PREVIEW_CHARS),
      }));
    },
    stamp: () => plans.clock().tick(),
  };
}

/** A session of a record store, as the team folder uses it. */
type SharedSession = Pick<
  PlannerSession | AnnotationsSession | WorkshopsSession | OwnDocumentsSession,
  'recordStore' | 'mergeRemote'
>;

/** A session as core's routing sees its store. */
function port(session: SharedSession): RecordStorePort {
  return {
    records: () => session.recordStore.records(),
    mergeRemote: (changes) => session.mergeRemote(changes),
  };
}

/** Characters of a quote or note the offer to share annotations shows. */
const PREVIEW_CHARS = 160;
