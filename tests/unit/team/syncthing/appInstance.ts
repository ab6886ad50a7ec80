/**
 * One app instance in Node, as the desktop edition runs it minus the window: the record stores
 * of the planner, the annotations, the workshops and the own documents over main's data folder
 * code in a temp folder, and the team folder through main's NodeFolderAccess and core's
 * TeamSync. `sync` is one round of what the window's team session does when the folder changes:
 * read everyone's files, merge them through core's teamRouting (the same routing the window's
 * ui/team/openTeamSession.ts uses: each change to the store of its kind, local-only fields
 * stripped; stored in the local logs), and publish what my member folder lacks of my shared
 * changes.
 */
import { NodeFolderAccess } from '../../../../electron/main/teamFolder/nodeFolderAccess';
import { openDocumentFolder } from '../../../../electron/main/storage';
import { createAnnotationsStore } from '../../../../renderer/src/core/annotations/annotationsStore';
import type { AnnotationClock } from '../../../../renderer/src/core/annotations/operations';
import type { AnnotationsDatabase } from '../../../../renderer/src/core/annotations/schema';
import { createPlannerStore } from '../../../../renderer/src/core/planner/plannerStore';
import type { PlannerDatabase } from '../../../../renderer/src/core/planner/schema';
import type { DocumentStorage } from '../../../../renderer/src/core/store/DocumentStorage';
import { createOwnDocumentsStore } from '../../../../renderer/src/core/ownDocuments/ownDocumentsStore';
import type { OwnDocumentsDatabase } from '../../../../renderer/src/core/ownDocuments/schema';
import type { RecordLogBackend } from '../../../../renderer/src/core/store/recordLogBackend';
import type { Hlc, MemberId } from '../../../../renderer/src/core/team/hlc';
import { localMemberId } from '../../../../renderer/src/core/team/identity';
import type { Change, RecordKind, TeamRecord } from '../../../../renderer/src/core/team/records';
import {
  teamRouting,
  type RecordStorePort,
  type ShareChoices,
  type TeamRouting,
} from '../../../../renderer/src/core/team/teamRouting';
import { createWorkshopsStore } from '../../../../renderer/src/core/workshops/workshopsStore';
import type { WorkshopsDatabase } from '../../../../renderer/src/core/workshops/schema';
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

/** A store's data as this instance shows it: loaded, then replaced by saves and merges. */
class Shown<T> {
  constructor(
    readonly store: RecordLogBackend<T, unknown>,
    public data: T,
  ) {}

  /** The store as routing sees it: a merge shows its data and resolves once it is stored. */
  port(): RecordStorePort {
    return {
      records: () => this.store.records(),
      mergeRemote: async (changes) => {
        const { data, saved } = this.store.mergeRemote(changes);
        if (data !== null) this.data = data;
        await saved;
        return data !== null;
      },
    };
  }

  async edit(change: (data: T) => T): Promise<void> {
    this.data = change(this.data);
    await this.store.save(this.data);
  }
}

export class AppInstance {
  /** Every change this instance stamped and stored, for the nothing-lost check. */
  readonly made: Change[] = [];
  private readonly routing: TeamRouting;

  private constructor(
    readonly name: string,
    readonly me: MemberId,
    private readonly plans: Shown<PlannerDatabase>,
    private readonly notes: Shown<AnnotationsDatabase>,
    private readonly workshops: Shown<WorkshopsDatabase>,
    private readonly docs: Shown<OwnDocumentsDatabase>,
    private readonly team: TeamSync,
    /** When this member joined the folder: annotations made since are shared. */
    private readonly joinedAt: Hlc,
  ) {
    for (const shown of [plans, notes, workshops, docs]) {
      shown.store.onChanges((changes) => this.made.push(...changes));
    }
    this.routing = teamRouting(me, {
      planner: plans.port(),
      annotations: notes.port(),
      workshops: workshops.port(),
      ownDocuments: docs.port(),
    });
  }

  /** Opens the app's data in `dataDir` and joins the team folder at `teamFolder`. */
  static async open(name: string, dataDir: string, teamFolder: string): Promise<AppInstance> {
    const storage = await desktopStorage(dataDir);
    const me = await localMemberId(storage);
    const stores = {
      plans: createPlannerStore(storage, undefined, me),
      notes: createAnnotationsStore(storage, undefined, me),
      workshops: createWorkshopsStore(storage, me),
      docs: createOwnDocumentsStore(storage, me),
    };
    const [planner, annotations, workshops, docs] = await Promise.all([
      stores.plans.load(),
      stores.notes.load(),
      stores.workshops.load(),
      stores.docs.load(),
    ]);
    const team = new TeamSync({
      folder: new NodeFolderAccess(teamFolder),
      me,
      displayName: name,
      appVersion: 'test',
      clock: stores.plans.clock(),
    });
    await team.join();
    const joinedAt = stores.plans.clock().tick();
    return new AppInstance(
      name,
      me,
      new Shown(stores.plans, planner.data),
      new Shown(stores.notes, annotations.data),
      new Shown(stores.workshops, workshops.data),
      new Shown(stores.docs, docs.data),
      team,
      joinedAt,
    );
  }

  /** The planner as this instance shows it. */
  get db(): PlannerDatabase {
    return this.plans.data;
  }

  /** The annotations as this instance shows them. */
  get notesDb(): AnnotationsDatabase {
    return this.notes.data;
  }

  /** The workshops (user workshops and recorded sessions) as this instance shows them. */
  get workshopsDb(): WorkshopsDatabase {
    return this.workshops.data;
  }

  /** The own documents as this instance shows them. */
  get docsDb(): OwnDocumentsDatabase {
    return this.docs.data;
  }

  /** A record of this instance's stores (undefined when there is none). */
  readonly record = (kind: RecordKind, id: string): TeamRecord | undefined =>
    this.routing.record(kind, id);

  /** A planner edit through the planner's pure operations, saved as the app saves it. */
  edit(change: (db: PlannerDatabase) => PlannerDatabase): Promise<void> {
    return this.plans.edit(change);
  }

  /** An annotations edit, stamped with the annotations store's clock as the app does. */
  editNotes(
    change: (db: AnnotationsDatabase, clock: AnnotationClock) => AnnotationsDatabase,
  ): Promise<void> {
    return this.notes.edit((db) => change(db, this.notes.store.clock()));
  }

  /** A workshops edit (sessions, user workshops), saved as the app saves it. */
  editWorkshops(change: (db: WorkshopsDatabase) => WorkshopsDatabase): Promise<void> {
    return this.workshops.edit(change);
  }

  /** An own-documents edit, saved as the app saves it. */
  editDocs(change: (db: OwnDocumentsDatabase) => OwnDocumentsDatabase): Promise<void> {
    return this.docs.edit(change);
  }

  /** What this member shares beyond plans: annotations made since joining, no assessments. */
  private get choices(): ShareChoices {
    return { shareAssessments: false, joinedAt: this.joinedAt, annotationsConfirmed: false };
  }

  /** Publishes what my member folder lacks, without reading (as after a local save). */
  async publish(): Promise<number> {
    return (await this.team.publish(this.routing.ownShared(this.choices))).written;
  }

  /** One round: read the folder, merge, store locally, publish. */
  async sync(): Promise<SyncRound> {
    const report = await this.team.read();
    const merged = await this.routing.mergeRemote(report.changes);
    const written = await this.publish();
    return { quiet: !merged && written === 0, warnings: report.warnings };
  }
}
