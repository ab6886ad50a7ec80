/**
 * The team session of a window, wired to the real parts: the host's team folder, the record
 * stores of the planner, the annotations, the workshops and the own documents (their records,
 * clocks and merges), core's TeamSync, and the
 * preferences kept on this device. One per host (so one per window), opened on first use.
 */
import type { Host } from '../../host/Host';
import { ownChanges } from '../../core/team/ownChanges';
import { noteOf, quoteOf } from '../../core/annotations';
import { shortQuote } from '../../core/annotations/shortQuote';
import { annotationShareScope, existingToPreview } from '../../core/team/annotationRecords';
import { sharedScope } from '../../core/team/plannerRecords';
import {
  RECORD_KINDS,
  RecordSet,
  type Change,
  type RecordKind,
  type TeamRecord,
} from '../../core/team/records';
import { sharedItemScope, withoutLocalFields } from '../../core/team/itemRecords';
import { DOCUMENT_LOCAL_FIELDS } from '../../core/team/ownDocumentRecords';
import { workshopShareScope } from '../../core/team/workshopRecords';
import type { RecordLogBackend } from '../../core/store/recordLogBackend';
import { REMOVED_AT_FIELD, removedMembers, withoutRemoved } from '../../core/team/removedMembers';
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
import { TeamSession, type TeamPreferences, type TeamRecordsPort } from './teamSession';

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
 * One record store the team folder shares: the kinds of record it holds, where teammates'
 * changes to them go, and which of its records are shared.
 */
interface Route {
  readonly kinds: ReadonlySet<RecordKind>;
  readonly store: Pick<RecordLogBackend<unknown, unknown>, 'records' | 'onChanges'>;
  mergeRemote(changes: readonly Change[]): Promise<boolean>;
  scope(preferences: TeamPreferences): (record: TeamRecord) => boolean;
}

/** Fields kept on this device only, never published nor taken from a teammate's file. */
const LOCAL_FIELDS = { document: DOCUMENT_LOCAL_FIELDS } as const;

/**
 * The record stores the team folder shares, as one: the planner's (plans, phases, tasks,
 * assessments, and the member records), the annotations', and, when given, the workshops'
 * (shared sessions and the user workshops they ran) and the own documents' (shared documents,
 * without their versions). Each change read goes to the store of its kind; publishing takes this
 * member's changes in scope from each.
 */
export function sharedRecords(
  planner: PlannerSession,
  annotations: AnnotationsSession,
  items?: SharedItemSessions,
): TeamRecordsPort {
  const plans = planner.recordStore;
  const notes = annotations.recordStore;
  const me = plans.clock().member;
  const others: Route[] = [
    {
      kinds: new Set<RecordKind>(['annotation']),
      store: notes,
      mergeRemote: (changes) => annotations.mergeRemote(changes),
      scope: (preferences) =>
        annotationShareScope({
          joinedAt: preferences.joinedAt,
          existingConfirmed: preferences.annotationsConfirmed,
        }),
    },
  ];
  if (items) {
    const { workshops, ownDocuments } = items;
    others.push(
      {
        kinds: new Set<RecordKind>(['capture', 'workshop']),
        store: workshops.recordStore,
        mergeRemote: (changes) => workshops.mergeRemote(changes),
        scope: () => workshopShareScope(workshops.recordStore.records()),
      },
      {
        kinds: new Set<RecordKind>(['document']),
        store: ownDocuments.recordStore,
        mergeRemote: (changes) => ownDocuments.mergeRemote(changes),
        scope: () => sharedItemScope(['document']),
      },
    );
  }
  const claimed = new Set(others.flatMap((route) => [...route.kinds]));
  const planRoute: Route = {
    kinds: new Set(RECORD_KINDS.filter((kind) => !claimed.has(kind))),
    store: plans,
    mergeRemote: (changes) => planner.mergeRemote(changes),
    scope: (preferences) => {
      const planScope = sharedScope(plans.records(), preferences);
      // Member records (who was removed) always travel: every machine must ignore the same changes.
      return (record) => record.kind === 'member' || planScope(record);
    },
  };
  const routes = [planRoute, ...others];
  const routeOf = (kind: RecordKind): Route =>
    others.find((route) => route.kinds.has(kind)) ?? planRoute;
  const all = function* (): Generator<TeamRecord> {
    for (const route of routes) yield* route.store.records().all();
  };
  return {
    me,
    records: all,
    record: (kind, id) => routeOf(kind).store.records().get(kind, id),
    scope(preferences) {
      const scopes = new Map(routes.map((route) => [route, route.scope(preferences)]));
      return (record) => scopes.get(routeOf(record.kind))?.(record) ?? false;
    },
    ownShared(preferences) {
      const changes = routes.flatMap((route) =>
        ownChanges(route.store.records().all(), me, route.scope(preferences)),
      );
      return withoutLocalFields(changes, LOCAL_FIELDS);
    },
    async mergeRemote(changes) {
      const kept = withoutLocalFields(
        withoutRemovedMembers(plans.records(), changes),
        LOCAL_FIELDS,
      );
      const merged = await Promise.all(
        routes.map((route) => {
          const mine = kept.filter((change) => routeOf(change.kind) === route);
          return mine.length > 0 ? route.mergeRemote(mine) : Promise.resolve(false);
        }),
      );
      return merged.some(Boolean);
    },
    async removeMember(id) {
      // The stamp of this very change is the cut-off: "from now on".
      const at = plans.clock().tick();
      await planner.mergeRemote([{ kind: 'member', id, at, set: { [REMOVED_AT_FIELD]: at } }]);
    },
    onLocalChanges(listener) {
      const stops = routes.map((route) => route.store.onChanges(() => listener()));
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

/** Characters of a quote or note the offer to share annotations shows. */
const PREVIEW_CHARS = 160;

/**
 * The changes without those a removed member stamped after their removal, counting removals
 * that arrive in the same read.
 */
function withoutRemovedMembers(records: RecordSet, changes: readonly Change[]): Change[] {
  const members = new RecordSet();
  members.merge(records.ofKind('member'));
  members.apply(changes.filter((change) => change.kind === 'member'));
  return withoutRemoved(changes, removedMembers(members.all()));
}
