/**
 * One app instance in Node, as the desktop edition runs it minus the window: the planner store
 * (records and change log) over main's data folder code in a temp folder, and the team folder
 * through main's NodeFolderAccess and core's TeamSync. `sync` is one round of what the app does
 * when the folder changes: read everyone's files, merge them into the local records (stored in
 * the local log), and publish what my member folder lacks of my shared changes.
 */
import { NodeFolderAccess } from '../../../../electron/main/teamFolder/nodeFolderAccess';
import { openDocumentFolder } from '../../../../electron/main/storage';
import {
  createPlannerStore,
  type PlannerStore,
} from '../../../../renderer/src/core/planner/plannerStore';
import type { PlannerDatabase } from '../../../../renderer/src/core/planner/schema';
import type { DocumentStorage } from '../../../../renderer/src/core/store/DocumentStorage';
import type { MemberId } from '../../../../renderer/src/core/team/hlc';
import { localMemberId } from '../../../../renderer/src/core/team/identity';
import { ownChanges } from '../../../../renderer/src/core/team/ownChanges';
import { sharedScope } from '../../../../renderer/src/core/team/plannerRecords';
import type { Change, RecordSet } from '../../../../renderer/src/core/team/records';
import { TeamSync, type TeamWarning } from '../../../../renderer/src/core/team/teamSync';

/** What one sync round did. */
export interface SyncRound {
  /** True when merging changed no record and publishing wrote nothing. */
  readonly quiet: boolean;
  readonly warnings: readonly TeamWarning[];
}

/**
 * Main's data folder as core's DocumentStorage. The desktop host words a `recovered` read for the
 * page; here the problem's code is reason enough.
 */
async function desktopStorage(dataDir: string): Promise<DocumentStorage> {
  const folder = await openDocumentFolder(dataDir);
  return {
    async read(key) {
      const result = await folder.read(key);
      return result.status === 'recovered'
        ? { status: 'recovered', movedTo: result.movedTo, reason: result.problem.code }
        : result;
    },
    write: (key, text) => folder.write(key, text),
  };
}

export class AppInstance {
  /** Every change this instance stamped and stored, for the nothing-lost check. */
  readonly made: Change[] = [];

  private constructor(
    readonly name: string,
    readonly me: MemberId,
    private readonly store: PlannerStore,
    private readonly team: TeamSync,
    private current: PlannerDatabase,
  ) {
    store.onChanges((changes) => this.made.push(...changes));
  }

  /** Opens the app's data in `dataDir` and joins the team folder at `teamFolder`. */
  static async open(name: string, dataDir: string, teamFolder: string): Promise<AppInstance> {
    const storage = await desktopStorage(dataDir);
    const me = await localMemberId(storage);
    const store = createPlannerStore(storage, undefined, me);
    const { data } = await store.load();
    const team = new TeamSync({
      folder: new NodeFolderAccess(teamFolder),
      me,
      displayName: name,
      appVersion: 'test',
      clock: store.clock(),
    });
    await team.join();
    return new AppInstance(name, me, store, team, data);
  }

  /** The planner as this instance shows it. */
  get db(): PlannerDatabase {
    return this.current;
  }

  get records(): RecordSet {
    return this.store.records();
  }

  /** An edit through the planner's pure operations, saved as the app saves it. */
  async edit(change: (db: PlannerDatabase) => PlannerDatabase): Promise<void> {
    this.current = change(this.current);
    await this.store.save(this.current);
  }

  /** Publishes what my member folder lacks, without reading (as after a local save). */
  async publish(): Promise<number> {
    const records = this.store.records();
    const desired = ownChanges(records.all(), this.me, sharedScope(records));
    return (await this.team.publish(desired)).written;
  }

  /** One round: read the folder, merge, store locally, publish. */
  async sync(): Promise<SyncRound> {
    const report = await this.team.read();
    const merged = this.store.mergeRemote(report.changes);
    if (merged.data) this.current = merged.data;
    await merged.saved;
    const written = await this.publish();
    return { quiet: merged.data === null && written === 0, warnings: report.warnings };
  }
}
