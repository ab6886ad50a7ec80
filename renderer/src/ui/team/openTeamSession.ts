/**
 * The team session of a window, wired to the real parts: the host's team folder, the planner's
 * and the annotations' record stores (their records, clocks and merges), core's TeamSync, and the
 * preferences kept on this device. One per host (so one per window), opened on first use.
 */
import type { Host } from '../../host/Host';
import { ownChanges } from '../../core/team/ownChanges';
import { noteOf, quoteOf } from '../../core/annotations';
import { shortQuote } from '../../core/annotations/shortQuote';
import { annotationShareScope, existingToPreview } from '../../core/team/annotationRecords';
import { sharedScope } from '../../core/team/plannerRecords';
import { RecordSet, type Change, type TeamRecord } from '../../core/team/records';
import { REMOVED_AT_FIELD, removedMembers, withoutRemoved } from '../../core/team/removedMembers';
import type { TeamFolderHost } from '../../core/team/teamFolderHost';
import { TeamSync } from '../../core/team/teamSync';
import { annotationsSessionFor, type AnnotationsSession } from '../annotations/annotationsSession';
import { plannerSessionFor, type PlannerSession } from '../planner/plannerSession';
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
  const [planner, annotations, info] = await Promise.all([
    plannerSessionFor(host.storage),
    annotationsSessionFor(host.storage),
    host.appInfo(),
  ]);
  const records = sharedRecords(planner, annotations);
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

/**
 * The two record stores the team folder shares, as one: the planner's (plans, phases, tasks,
 * assessments, and the member records) and the annotations'. Each change read goes to the store
 * of its kind; publishing takes this member's changes in scope from both.
 */
export function sharedRecords(
  planner: PlannerSession,
  annotations: AnnotationsSession,
): TeamRecordsPort {
  const plans = planner.recordStore;
  const notes = annotations.recordStore;
  const me = plans.clock().member;
  const scopes = (preferences: TeamPreferences) => {
    const planScope = sharedScope(plans.records(), preferences);
    const noteScope = annotationShareScope({
      joinedAt: preferences.joinedAt,
      existingConfirmed: preferences.annotationsConfirmed,
    });
    return {
      // Member records (who was removed) always travel: every machine must ignore the same changes.
      plans: (record: TeamRecord) => record.kind === 'member' || planScope(record),
      notes: noteScope,
    };
  };
  const all = function* (): Generator<TeamRecord> {
    yield* plans.records().all();
    yield* notes.records().all();
  };
  return {
    me,
    records: all,
    record: (kind, id) => (kind === 'annotation' ? notes : plans).records().get(kind, id),
    scope(preferences) {
      const scope = scopes(preferences);
      return (record) => (record.kind === 'annotation' ? scope.notes : scope.plans)(record);
    },
    ownShared(preferences) {
      const scope = scopes(preferences);
      return [
        ...ownChanges(plans.records().all(), me, scope.plans),
        ...ownChanges(notes.records().all(), me, scope.notes),
      ];
    },
    async mergeRemote(changes) {
      const kept = withoutRemovedMembers(plans.records(), changes);
      const forNotes = kept.filter((change) => change.kind === 'annotation');
      const forPlans = kept.filter((change) => change.kind !== 'annotation');
      const [plansChanged, notesChanged] = await Promise.all([
        forPlans.length > 0 ? planner.mergeRemote(forPlans) : false,
        forNotes.length > 0 ? annotations.mergeRemote(forNotes) : false,
      ]);
      return plansChanged || notesChanged;
    },
    async removeMember(id) {
      // The stamp of this very change is the cut-off: "from now on".
      const at = plans.clock().tick();
      await planner.mergeRemote([{ kind: 'member', id, at, set: { [REMOVED_AT_FIELD]: at } }]);
    },
    onLocalChanges(listener) {
      const stops = [plans.onChanges(() => listener()), notes.onChanges(() => listener())];
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
