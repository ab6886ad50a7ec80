/**
 * The team folder for one window: joining it, reading it again whenever it may have changed,
 * publishing this member's shared changes after local saves, and leaving it. Screens read its
 * state through `useSyncExternalStore` (see useTeam.ts); the work itself is in core (TeamSync
 * reads and writes the folder, the record store merges), wired in by `openTeamSession.ts`.
 *
 * Timing: a read runs when the window joins or restores the folder, when the desktop's watcher
 * reports a change, and by polling (every few seconds in the browser, where nothing can watch a
 * folder; less often on the desktop, where the watcher can miss changes on network drives). A
 * publish runs a second after the last local save (of any data: publishing writes only what my
 * member folder lacks of my shared changes, so a private edit writes nothing), so typing is not a
 * write per key, and after a read that brought changes or found my own folder's files changed
 * (publishing is derived from the records, so it also heals a member
 * folder emptied by mistake).
 *
 * Removed: when this member's own `member/<id>` record says they were removed (a teammate's
 * removal, read from the folder), the session stops publishing (nor writes its member file) and
 * says so (`status: 'removed'`). It keeps reading, so a removal undone later resumes publishing.
 * Their changes are merged everywhere either way: removal filters no one's changes, so every
 * member ends with the same records.
 */
import type { Change, RecordKind, TeamRecord } from '../../core/team/records';
import type { Hlc, MemberId } from '../../core/team/hlc';
import { removedMembers } from '../../core/team/removedMembers';
import type { ReadReport, TeamSync, TeamWarning } from '../../core/team/teamSync';
import { FolderUnavailableError, type FolderAccess } from '../../core/team/folderAccess';
import type { TeamFolderHost, TeamFolderUnavailableReason } from '../../core/team/teamFolderHost';
import { wordError } from '../common/i18n/wordMessage';

/** How far the first read of a folder has got. */
export interface ReadProgress {
  readonly done: number;
  readonly total: number;
}

/** Where the team folder stands for this window. */
export type TeamStatus =
  /** This edition cannot open a folder (a browser without the File System Access API). */
  | 'unavailable'
  /** Not joined (or left). */
  | 'off'
  /** The folder is remembered, but the browser needs the user's permission to use it again. */
  | 'needsPermission'
  /** Choosing, joining or reading the folder for the first time in this window. */
  | 'joining'
  /** Joined; the folder was read (see `lastSyncedAt`). */
  | 'synced'
  /** Joined, but the folder cannot be reached now (a network drive offline). */
  | 'offline'
  /** Joined, but reading or writing it failed for another reason (see `failure`). */
  | 'failed'
  /** Joined, but a teammate removed this member: the folder is read, nothing is published. */
  | 'removed';

/** A member as Settings lists them. */
export interface TeamMemberView {
  readonly id: MemberId;
  readonly name: string;
  readonly isMe: boolean;
  readonly removed: boolean;
}

/** What screens see. Replaced, never mutated, on change. */
export interface TeamState {
  /** This member's id on this device. */
  readonly me: MemberId;
  readonly status: TeamStatus;
  /** The folder's name, as the host shows it (not a full path in the browser). */
  readonly folderName: string | null;
  /** When the folder was last read completely (this machine's clock), or null. */
  readonly lastSyncedAt: number | null;
  /** The first read's progress, while it runs. */
  readonly progress: ReadProgress | null;
  /** Files that could not be read (the folder being away is `status: 'offline'` instead). */
  readonly warnings: readonly TeamWarning[];
  readonly members: readonly TeamMemberView[];
  /** Why the last read or write failed (worded), when status is 'failed'. */
  readonly failure: string | null;
  /** Bumped whenever the shared records change (local saves or merges): for derived views. */
  readonly revision: number;
  /**
   * The offer to share annotations made before joining: asked (joined, and such annotations
   * wait for the user's answer), then answered in this window; null when there is nothing to
   * offer. "Not now" holds for this window: the offer comes back in the next one.
   */
  readonly annotationOffer: 'asking' | 'shared' | 'kept' | null;
  /** Why this edition cannot offer a team folder, when status is 'unavailable'. */
  readonly unavailableReason: TeamFolderUnavailableReason | null;
  readonly preferences: TeamPreferences;
}

/** The folder's sync engine for one joined folder: core's TeamSync. */
export type FolderSync = Pick<TeamSync, 'join' | 'rename' | 'read' | 'publish'>;

/** The local records (the planner's record store and the rest of the shared data). */
export interface TeamRecordsPort {
  readonly me: MemberId;
  records(): Iterable<TeamRecord>;
  record(kind: RecordKind, id: string): TeamRecord | undefined;
  /** Folds changes read from the folder in, stores them and shows them; true if any was new. */
  mergeRemote(changes: readonly Change[]): Promise<boolean>;
  /**
   * Stores a `member/<id>` record whose `removedAt` is a fresh stamp of this member's clock: the
   * member is shown as removed, and their own app stops publishing once it reads this. Their
   * changes (earlier or later) stay, merged on every machine.
   */
  removeMember(id: MemberId): Promise<void>;
  /** Calls `listener` after every local save of shared or private data; returns the unsubscribe. */
  onLocalChanges(listener: () => void): () => void;
  /**
   * Which records are shared with the team (plans marked shared and their parts, annotations not
   * private, ...), as the records stand now: ask again after they change.
   */
  scope(preferences: TeamPreferences): (record: TeamRecord) => boolean;
  /** This member's shared changes, as the member folder should hold them. */
  ownShared(preferences: TeamPreferences): Change[];
  /** Annotations made before joining and not shared yet (a preview of each). */
  annotationsToOffer(preferences: TeamPreferences): readonly AnnotationPreview[];
  /** A new stamp of this member's clock (the moment of joining). */
  stamp(): Hlc;
}

/** An annotation as the offer to share lists it. */
export interface AnnotationPreview {
  readonly id: string;
  /** The highlighted passage, shortened. */
  readonly quote: string;
  /** The note written on it, shortened ('' for none). */
  readonly note: string;
}

/** What the user chose to share beyond plans marked shared (kept on this device). */
export interface TeamPreferences {
  readonly shareAssessments: boolean;
  /**
   * When this member joined the folder (a stamp of their clock), or null when not joined:
   * annotations made before it are shared only once the user confirms the offer to share them.
   */
  readonly joinedAt: Hlc | null;
  /** The user confirmed sharing the annotations made before joining. */
  readonly annotationsConfirmed: boolean;
}

/** The preferences of a member who never joined. */
export const NO_PREFERENCES: TeamPreferences = {
  shareAssessments: false,
  joinedAt: null,
  annotationsConfirmed: false,
};

/** Where the preferences are kept. */
export interface TeamPreferencesStore {
  load(): Promise<TeamPreferences>;
  save(preferences: TeamPreferences): Promise<void>;
}

/** Timers, replaceable in tests. */
export interface TeamTimers {
  every(ms: number, run: () => void): () => void;
  after(ms: number, run: () => void): () => void;
  now(): number;
}

export const browserTimers: TeamTimers = {
  every: (ms, run) => {
    const handle = setInterval(run, ms);
    return () => clearInterval(handle);
  },
  after: (ms, run) => {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
  now: () => Date.now(),
};

export interface TeamSessionOptions {
  readonly folders: TeamFolderHost;
  readonly records: TeamRecordsPort;
  readonly preferences: TeamPreferencesStore;
  /** The sync engine for a folder, for the member named `displayName`. */
  readonly openSync: (folder: FolderAccess, displayName: string) => FolderSync;
  /** How often the folder is read without being told it changed. */
  readonly pollMs: number;
  /** How long local saves must pause before this member's changes are published. */
  readonly publishDelayMs?: number;
  readonly timers?: TeamTimers;
}

/** Publishing waits for this pause in local saves. */
export const PUBLISH_DELAY_MS = 1000;

const INITIAL: Omit<TeamState, 'me'> = {
  status: 'off',
  folderName: null,
  lastSyncedAt: null,
  progress: null,
  warnings: [],
  members: [],
  failure: null,
  revision: 0,
  annotationOffer: null,
  unavailableReason: null,
  preferences: NO_PREFERENCES,
};

/** The team folder for one window (see the module comment). */
export class TeamSession {
  private state: TeamState;
  private readonly listeners = new Set<() => void>();
  private readonly timers: TeamTimers;
  private sync: FolderSync | null = null;
  /** Stops polling, watching and the pending publish of the joined folder. */
  private readonly stops: (() => void)[] = [];
  private cancelPublish: (() => void) | undefined;
  /** The read running now, and whether another was asked for meanwhile. */
  private reading: Promise<void> | null = null;
  /** The epoch the running read belongs to. */
  private readingEpoch = 0;
  private readAgain = false;
  private publishing: Promise<void> = Promise.resolve();
  /** Files in my own member folder at the last read (undefined before the first one). */
  private ownFileCount: number | undefined;
  /** Bumped on leave, so work of a folder left meanwhile does not touch the state. */
  private epoch = 0;
  private readonly unsubscribeRecords: () => void;
  /** This member's display name, from Settings (see `start`). */
  private displayName = '';
  private started = false;
  private cancelRename: (() => void) | undefined;
  private preferencesLoaded: Promise<void> | undefined;

  constructor(private readonly options: TeamSessionOptions) {
    this.timers = options.timers ?? browserTimers;
    const { available } = options.folders;
    const me = options.records.me;
    this.state =
      available === true
        ? { ...INITIAL, me }
        : { ...INITIAL, me, status: 'unavailable', unavailableReason: available.unavailableReason };
    this.unsubscribeRecords = options.records.onLocalChanges(() => {
      this.set({ revision: this.state.revision + 1 });
      if (this.sync) this.publishSoon();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): TeamState => this.state;

  get me(): MemberId {
    return this.options.records.me;
  }

  /** Loads the preferences and opens the folder remembered from an earlier session, if any. */
  private async restore(): Promise<void> {
    const epoch = this.epoch;
    let restored: Awaited<ReturnType<TeamFolderHost['restore']>>;
    try {
      await this.loadPreferences();
      if (this.state.status === 'unavailable') return;
      restored = await this.options.folders.restore();
    } catch (error) {
      this.failed(error);
      return;
    }
    // The user chose a folder while this was looking for the remembered one: theirs stands.
    if (restored === null || epoch !== this.epoch) return;
    if ('needsPermission' in restored) {
      this.set({ status: 'needsPermission', folderName: restored.needsPermission });
      return;
    }
    await this.connect(restored.folder, restored.name);
  }

  /** Loads the preferences once (joining needs them before it records when it joined). */
  private loadPreferences(): Promise<void> {
    this.preferencesLoaded ??= this.options.preferences.load().then(
      (preferences) => this.set({ preferences }),
      (error: unknown) => {
        // Tried again next time: storage that failed once may work then.
        this.preferencesLoaded = undefined;
        throw error;
      },
    );
    return this.preferencesLoaded;
  }

  /** Asks the browser for permission to use the remembered folder again (a user's click). */
  async grantAgain(): Promise<void> {
    const granted = await this.options.folders.grantAgain?.();
    if (granted) await this.connect(granted.folder, granted.name);
  }

  /** Lets the user choose a folder and joins it; false when they chose none. */
  async join(): Promise<boolean> {
    const chosen = await this.options.folders.choose();
    if (!chosen) return false;
    await this.connect(chosen.folder, chosen.name);
    return true;
  }

  /** Reads the folder now (a watcher event, polling; tests). */
  readNow(): Promise<void> {
    if (!this.sync) return Promise.resolve();
    const epoch = this.epoch;
    if (this.reading) {
      // A read of a folder left since (leave, then join again) does nothing for this one:
      // this folder's read follows it.
      if (this.readingEpoch !== epoch) return this.reading.then(() => this.readNow());
      this.readAgain = true;
      return this.reading;
    }
    this.readingEpoch = epoch;
    this.reading = this.readOnce(epoch).finally(() => {
      this.reading = null;
      if (this.readAgain && epoch === this.epoch) {
        this.readAgain = false;
        void this.readNow();
      }
    });
    return this.reading;
  }

  /**
   * Starts the session with this member's name from Settings: the first call opens the folder
   * remembered from an earlier session; later calls (the name changed) rewrite the member file
   * once typing pauses.
   */
  start(displayName: string): void {
    const changed = displayName !== this.displayName;
    this.displayName = displayName;
    if (!this.started) {
      this.started = true;
      void this.restore();
      return;
    }
    if (!changed) return;
    this.cancelRename?.();
    this.cancelRename = this.timers.after(this.options.publishDelayMs ?? PUBLISH_DELAY_MS, () => {
      this.cancelRename = undefined;
      const sync = this.sync;
      const epoch = this.epoch;
      if (this.removedHere()) return;
      sync?.rename(this.displayName).catch((error: unknown) => {
        if (epoch === this.epoch) this.failed(error);
      });
    });
  }

  /**
   * Marks a member removed: shown as removed here and, once they read it, their app stops
   * publishing. Nothing of theirs is dropped (the folder has no access control: stopping them
   * seeing it is done in the sync tool).
   */
  async removeMember(id: MemberId): Promise<void> {
    await this.options.records.removeMember(id);
    await this.publishNow();
    this.set({
      members: this.state.members.map((m) => (m.id === id ? { ...m, removed: true } : m)),
    });
  }

  /** Which records are shared with the team now (ask again after `revision` changes). */
  scope(): (record: TeamRecord) => boolean {
    return this.options.records.scope(this.state.preferences);
  }

  /** The local records (for views derived from them: activity, history). */
  records(): Iterable<TeamRecord> {
    return this.options.records.records();
  }

  /** One local record, or undefined when there is none. */
  record(kind: RecordKind, id: string): TeamRecord | undefined {
    return this.options.records.record(kind, id);
  }

  /** Turns sharing the team's assessments on or off, and publishes what that adds. */
  async setShareAssessments(shareAssessments: boolean): Promise<void> {
    await this.savePreferences({ ...this.state.preferences, shareAssessments });
    await this.publishNow();
  }

  /** Annotations from before joining, waiting for the user's answer. */
  annotationsToOffer(): readonly AnnotationPreview[] {
    return this.options.records.annotationsToOffer(this.state.preferences);
  }

  /** The user answered the offer to share annotations from before joining. */
  async answerAnnotationOffer(share: boolean): Promise<void> {
    this.set({ annotationOffer: share ? 'shared' : 'kept' });
    if (!share) return;
    await this.savePreferences({ ...this.state.preferences, annotationsConfirmed: true });
    await this.publishNow();
  }

  private async savePreferences(preferences: TeamPreferences): Promise<void> {
    this.set({ preferences, revision: this.state.revision + 1 });
    await this.options.preferences.save(preferences);
  }

  /** Publishes now (after the user changed what is shared, e.g. the annotations offer). */
  publishNow(): Promise<void> {
    this.cancelPublish?.();
    this.cancelPublish = undefined;
    const sync = this.sync;
    if (!sync || this.removedHere()) return Promise.resolve();
    const epoch = this.epoch;
    this.publishing = this.publishing
      .then(async () => {
        const result = await sync.publish(this.options.records.ownShared(this.state.preferences));
        if (result.folderUnavailable && epoch === this.epoch) this.set({ status: 'offline' });
      })
      .catch((error: unknown) => {
        if (epoch === this.epoch) this.failed(error);
      });
    return this.publishing;
  }

  /** Stops using the folder. Nothing local is deleted, and nothing in the folder either. */
  async leave(): Promise<void> {
    this.disconnect();
    await this.options.folders.forget();
    const preferences = { ...this.state.preferences, joinedAt: null, annotationsConfirmed: false };
    const { me, revision } = this.state;
    this.set({ ...INITIAL, me, revision });
    await this.savePreferences(preferences);
  }

  /** Stops timers and listeners (a window closing; tests). */
  dispose(): void {
    this.disconnect();
    this.unsubscribeRecords();
  }

  private async connect(folder: FolderAccess, name: string): Promise<void> {
    this.disconnect();
    const epoch = this.epoch;
    const sync = this.options.openSync(folder, this.displayName);
    this.set({
      status: 'joining',
      folderName: name,
      progress: null,
      failure: null,
      warnings: [],
      members: [],
      lastSyncedAt: null,
    });
    try {
      await this.loadPreferences();
      // A member removed from the team writes nothing into the folder, not even who they are.
      if (!this.removedHere()) await sync.join();
    } catch (error) {
      if (epoch === this.epoch) this.failed(error);
      return;
    }
    if (epoch !== this.epoch) return;
    if (this.state.preferences.joinedAt === null) {
      // From now on new annotations are shared; those made before wait for the user's yes.
      const joinedAt = this.options.records.stamp();
      await this.savePreferences({ ...this.state.preferences, joinedAt }).catch(() => undefined);
      if (epoch !== this.epoch) return;
    }
    this.sync = sync;
    const { folders } = this.options;
    if (folders.watch) this.stops.push(folders.watch(() => void this.readNow()));
    this.stops.push(this.timers.every(this.options.pollMs, () => void this.readNow()));
    await this.readNow();
    if (epoch !== this.epoch || this.state.annotationOffer !== null) return;
    if (!this.state.preferences.annotationsConfirmed && this.annotationsToOffer().length > 0) {
      this.set({ annotationOffer: 'asking' });
    }
  }

  private disconnect(): void {
    this.epoch += 1;
    this.sync = null;
    this.readAgain = false;
    this.ownFileCount = undefined;
    this.cancelPublish?.();
    this.cancelPublish = undefined;
    for (const stop of this.stops.splice(0)) stop();
  }

  private async readOnce(epoch: number): Promise<void> {
    const sync = this.sync;
    if (!sync) return;
    // Only the first read of a folder shows its progress; later ones read a few changed files.
    const first = this.state.lastSyncedAt === null;
    let report: ReadReport;
    try {
      report = await sync.read((done, total) => {
        if (first && epoch === this.epoch) this.set({ progress: { done, total } });
      });
      if (epoch !== this.epoch) return;
      // What was read before the folder went away is good: it is merged either way.
      if (await this.options.records.mergeRemote(report.changes)) {
        this.set({ revision: this.state.revision + 1 });
      }
    } catch (error) {
      if (epoch === this.epoch) this.failed(error);
      return;
    }
    if (epoch !== this.epoch) return;
    const warnings = report.warnings.filter((warning) => warning.code !== 'folderUnavailable');
    if (warnings.length < report.warnings.length) {
      // The folder is away (a network drive offline): say so, keep the last good read's time.
      this.set({ status: 'offline', progress: null, failure: null, warnings });
      return;
    }
    const removed = this.removedHere();
    // Publishing derives my folder from every record (tens of milliseconds at 10,000), so a
    // quiet poll skips it: it runs after a read only when something arrived or my own folder's
    // files changed (emptied or deleted by mistake: publishing writes it again). Local saves
    // publish on their own.
    const ownFiles = report.members.find((member) => member.memberId === this.me)?.fileCount ?? 0;
    const worthPublishing = report.changes.length > 0 || ownFiles !== this.ownFileCount;
    this.ownFileCount = ownFiles;
    this.set({
      status: removed ? 'removed' : 'synced',
      progress: null,
      failure: null,
      lastSyncedAt: report.readAt,
      warnings,
      members: this.membersOf(report.members),
    });
    if (!removed && worthPublishing) await this.publishNow();
  }

  /** A teammate removed this member (their own `member` record says so). */
  private removedHere(): boolean {
    const record = this.options.records.record('member', this.me);
    return record !== undefined && removedMembers([record]).has(this.me);
  }

  private membersOf(found: ReadReport['members']): TeamMemberView[] {
    const removed = removedMembers(this.options.records.records());
    return found.map((member) => ({
      id: member.memberId,
      name: member.displayName ?? '',
      isMe: member.memberId === this.me,
      removed: removed.has(member.memberId),
    }));
  }

  private publishSoon(): void {
    this.cancelPublish?.();
    this.cancelPublish = this.timers.after(this.options.publishDelayMs ?? PUBLISH_DELAY_MS, () => {
      this.cancelPublish = undefined;
      void this.publishNow();
    });
  }

  private failed(error: unknown): void {
    if (this.state.folderName === null) {
      // Not joined (looking for a remembered folder failed): nothing is offline, only say why.
      this.set({ failure: wordError(error) });
      return;
    }
    if (error instanceof FolderUnavailableError) {
      this.set({ status: 'offline', progress: null, failure: null });
    } else {
      this.set({ status: 'failed', progress: null, failure: wordError(error) });
    }
  }

  private set(patch: Partial<TeamState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
