/**
 * The team session of a window, wired to the real parts: the host's team folder, the planner's
 * record store (its records, clock and merges), core's TeamSync, and the preferences kept on
 * this device. One per host (so one per window), opened on first use.
 */
import type { Host } from '../../host/Host';
import { ownChanges } from '../../core/team/ownChanges';
import { sharedScope } from '../../core/team/plannerRecords';
import { RecordSet, type Change, type TeamRecord } from '../../core/team/records';
import { REMOVED_AT_FIELD, removedMembers, withoutRemoved } from '../../core/team/removedMembers';
import type { TeamFolderHost } from '../../core/team/teamFolderHost';
import { TeamSync } from '../../core/team/teamSync';
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
  const [planner, info] = await Promise.all([plannerSessionFor(host.storage), host.appInfo()]);
  const records = plannerRecords(planner);
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

/** The planner's record store as the team session uses it. */
function plannerRecords(planner: PlannerSession): TeamRecordsPort {
  const store = planner.recordStore;
  const me = store.clock().member;
  const scope = (preferences: TeamPreferences) => {
    const planner = sharedScope(store.records(), preferences);
    // Member records (who was removed) always travel: every machine must ignore the same changes.
    return (record: TeamRecord) => record.kind === 'member' || planner(record);
  };
  return {
    me,
    records: () => store.records().all(),
    record: (kind, id) => store.records().get(kind, id),
    scope,
    ownShared: (preferences) => ownChanges(store.records().all(), me, scope(preferences)),
    mergeRemote: (changes) => planner.mergeRemote(withoutRemovedMembers(store.records(), changes)),
    async removeMember(id) {
      // The stamp of this very change is the cut-off: "from now on".
      const at = store.clock().tick();
      await planner.mergeRemote([{ kind: 'member', id, at, set: { [REMOVED_AT_FIELD]: at } }]);
    },
    onLocalChanges: (listener) => store.onChanges(() => listener()),
    annotationsToOffer: () => [],
    answerAnnotationOffer: () => Promise.resolve(),
  };
}

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
