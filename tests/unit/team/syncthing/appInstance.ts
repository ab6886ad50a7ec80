/**
 * One app instance in Node, as the desktop edition runs it minus the window: the planner's and
 * the annotations' record stores over main's data folder code in a temp folder, and the team
 * folder through main's NodeFolderAccess and core's TeamSync. `sync` is one round of what the
 * window's team session does when the folder changes (ui/team/openTeamSession.ts wires the same
 * parts): read everyone's files, merge each change into the store of its kind (stored in the
 * local logs), and publish what my member folder lacks of my shared changes.
 */
import { NodeFolderAccess } from '../../../../electron/main/teamFolder/nodeFolderAccess';
import { openDocumentFolder } from '../../../../electron/main/storage';
import {
  createAnnotationsStore,
  type AnnotationsStore,
} from '../../../../renderer/src/core/annotations/annotationsStore';
import type { AnnotationClock } from '../../../../renderer/src/core/annotations/operations';
import type { AnnotationsDatabase } from '../../../../renderer/src/core/annotations/schema';
import {
  createPlannerStore,
  type PlannerStore,
} from '../../../../renderer/src/core/planner/plannerStore';
import type { PlannerDatabase } from '../../../../renderer/src/core/planner/schema';
import type { DocumentStorage } from '../../../../renderer/src/core/store/DocumentStorage';
import { annotationShareScope } from '../../../../renderer/src/core/team/annotationRecords';
import type { Hlc, MemberId } from '../../../../renderer/src/core/team/hlc';
import { localMemberId } from '../../../../renderer/src/core/team/identity';
import { ownChanges } from '../../../../renderer/src/core/team/ownChanges';
import { sharedScope } from '../../../../renderer/src/core/team/plannerRecords';
import type { Change, RecordKind, TeamRecord } from '../../../../renderer/src/core/team/records';
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
    private readonly plans: PlannerStore,
    private readonly notes: AnnotationsStore,
    private readonly team: TeamSync,
    private planner: PlannerDatabase,
    private annotations: AnnotationsDatabase,
    /** When this member joined the folder: annotations made since are shared. */
    private readonly joinedAt: Hlc,
  ) {
    plans.onChanges((changes) => this.made.push(...changes));
    notes.onChanges((changes) => this.made.push(...changes));
  }

  /** Opens the app's data in `dataDir` and joins the team folder at `teamFolder`. */
  static async open(name: string, dataDir: string, teamFolder: string): Promise<AppInstance> {
    const storage = await desktopStorage(dataDir);
    const me = await localMemberId(storage);
    const plans = createPlannerStore(storage, undefined, me);
    const notes = createAnnotationsStore(storage, undefined, me);
    const [planner, annotations] = await Promise.all([plans.load(), notes.load()]);
    const team = new TeamSync({
      folder: new NodeFolderAccess(teamFolder),
      me,
      displayName: name,
      appVersion: 'test',
      clock: plans.clock(),
    });
    await team.join();
    const joinedAt = plans.clock().tick();
    return new AppInstance(name, me, plans, notes, team, planner.data, annotations.data, joinedAt);
  }

  /** The planner as this instance shows it. */
  get db(): PlannerDatabase {
    return this.planner;
  }

  /** The annotations as this instance shows them. */
  get notesDb(): AnnotationsDatabase {
    return this.annotations;
  }

  /** A record of this instance's stores (undefined when there is none). */
  readonly record = (kind: RecordKind, id: string): TeamRecord | undefined =>
    (kind === 'annotation' ? this.notes : this.plans).records().get(kind, id);

  /** A planner edit through the planner's pure operations, saved as the app saves it. */
  async edit(change: (db: PlannerDatabase) => PlannerDatabase): Promise<void> {
    this.planner = change(this.planner);
    await this.plans.save(this.planner);
  }

  /** An annotations edit, stamped with the annotations store's clock as the app does. */
  async editNotes(
    change: (db: AnnotationsDatabase, clock: AnnotationClock) => AnnotationsDatabase,
  ): Promise<void> {
    this.annotations = change(this.annotations, this.notes.clock());
    await this.notes.save(this.annotations);
  }

  /** Publishes what my member folder lacks, without reading (as after a local save). */
  async publish(): Promise<number> {
    const plans = this.plans.records();
    const noteScope = annotationShareScope({ joinedAt: this.joinedAt, existingConfirmed: false });
    const desired = [
      ...ownChanges(plans.all(), this.me, sharedScope(plans)),
      ...ownChanges(this.notes.records().all(), this.me, noteScope),
    ];
    return (await this.team.publish(desired)).written;
  }

  /** One round: read the folder, merge, store locally, publish. */
  async sync(): Promise<SyncRound> {
    const report = await this.team.read();
    const forNotes = report.changes.filter((change) => change.kind === 'annotation');
    const forPlans = report.changes.filter((change) => change.kind !== 'annotation');
    const plans = this.plans.mergeRemote(forPlans);
    const notes = this.notes.mergeRemote(forNotes);
    if (plans.data) this.planner = plans.data;
    if (notes.data) this.annotations = notes.data;
    await Promise.all([plans.saved, notes.saved]);
    const written = await this.publish();
    const quiet = plans.data === null && notes.data === null && written === 0;
    return { quiet, warnings: report.warnings };
  }
}
