/**
 * One member's link to a team folder: reads everyone's member folders (incrementally, bounded,
 * skipping what cannot be read with a warning) and publishes my changes into my own folder.
 * The layout and formats are logFiles.ts's; what to write, memberFolder.ts's.
 *
 * - `read` returns the changes of every file new or changed since the last read (a file is known
 *   by path, size and modification time, which only ever decide whether to read it again, never
 *   the order of changes), the members and the warnings about the folder as it is now. A file
 *   that could not be read is tried again next time: a file half-synced may be whole later.
 * - `publish(desired)` writes what my folder lacks of `desired` (my changes still in effect:
 *   ownChanges.ts). It compares with what my folder's files hold, so an emptied or deleted folder
 *   is written again from local data; copies sync tools made in my folder are removed once their
 *   changes were reported by `read` and are published again. Other members' files are never
 *   written or removed.
 * - A folder that is gone (network drive offline) gives a `folderUnavailable` warning, never an
 *   exception; local data is untouched whatever the folder holds.
 *
 * Calls are queued: a read and a publish never overlap.
 */
import { MAX_TEAM_FILE_BYTES } from '../../../../electron/shared/teamFolderRules';
import { classifyMemberFile } from './conflictNames';
import { FolderUnavailableError, type FolderAccess, type FolderEntry } from './folderAccess';
import { isMemberId, MAX_CLOCK_LEAD_MS, wallOf, type Hlc, type MemberId } from './hlc';
import {
  decodeTeamFile,
  encodeFolderMarker,
  encodeLogFile,
  encodeMemberFile,
  encodeSnapshotFile,
  FOLDER_MARKER_FILE,
  MEMBER_FILE,
  memberFilePath,
  memberFolderPath,
  MEMBERS_FOLDER,
  type TeamFile,
} from './logFiles';
import { planPublish, type OwnChangeFile, type OwnFolderState } from './memberFolder';
import type { Change } from './records';

export type TeamWarningCode =
  | 'badChecksum'
  | 'notJson'
  | 'wrongFormat'
  | 'tooLarge'
  | 'newerVersion'
  | 'unreadable'
  | 'folderUnavailable'
  | 'clockTooFarAhead'
  /** Changes (or a whole file) stamped by someone other than the member whose folder holds it. */
  | 'foreignChange'
  /** Changes of a file with a valid checksum that are malformed (a hand edit): dropped. */
  | 'badChange';

export interface TeamWarning {
  readonly code: TeamWarningCode;
  /** The file or folder, relative to the team folder ('' for the folder itself). */
  readonly path: string;
  readonly memberId?: MemberId;
}

export interface TeamMember {
  readonly memberId: MemberId;
  /** From their member.json; null until it was read. */
  readonly displayName: string | null;
  readonly appVersion: string | null;
  /** Files in their folder the app reads. */
  readonly fileCount: number;
}

export interface ReadReport {
  /** Changes from files new or changed since the last read, my own folder's included. */
  readonly changes: Change[];
  readonly members: TeamMember[];
  /** Problems with the folder as it is now (also those of files read before). */
  readonly warnings: TeamWarning[];
  /** When the read finished (this machine's clock, for "Last synced"). */
  readonly readAt: number;
}

export interface PublishResult {
  readonly written: number;
  readonly folderUnavailable?: true;
}

export interface TeamSyncOptions {
  readonly folder: FolderAccess;
  readonly me: MemberId;
  readonly displayName: string;
  readonly appVersion: string;
  /** Files larger than this are not read (warning `tooLarge`). */
  readonly maxFileBytes?: number;
  /** Changes per segment before the next one starts. */
  readonly segmentLimit?: number;
  /** Segments after which a snapshot replaces them. */
  readonly compactAfterSegments?: number;
  /**
   * The member's clock: stamps read are observed, and those it refuses as too far ahead are
   * dropped (warning `clockTooFarAhead`). Without it, stamps are checked against `now`.
   */
  readonly clock?: { observe(stamp: Hlc): boolean };
  readonly now?: () => number;
  /** Files read between two yields to the event loop (a page stays responsive). */
  readonly filesPerYield?: number;
}

/** The desktop's bound for a team file (the same for every host). */
export const DEFAULT_MAX_FILE_BYTES = MAX_TEAM_FILE_BYTES;
export const DEFAULT_SEGMENT_LIMIT = 500;
export const DEFAULT_COMPACT_AFTER_SEGMENTS = 8;

/** A file read before: how it looked, what it held, what was wrong with it. */
interface KnownFile {
  readonly size: number;
  readonly modifiedMs: number;
  readonly file: TeamFile;
  readonly warnings: readonly TeamWarning[];
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class TeamSync {
  private readonly folder: FolderAccess;
  private readonly me: MemberId;
  private readonly maxFileBytes: number;
  private readonly segmentLimit: number;
  private readonly compactAfterSegments: number;
  private readonly now: () => number;
  private readonly filesPerYield: number;
  private displayName: string;
  private readonly appVersion: string;
  /** Files read whole, by path. */
  private readonly known = new Map<string, KnownFile>();
  /** Paths in my folder whose changes `publish` read but `read` has not reported yet. */
  private readonly unreported = new Set<string>();
  /** Changes `publish` found in my folder, for the next `read` to report. */
  private pending: Change[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TeamSyncOptions) {
    this.folder = options.folder;
    this.me = options.me;
    this.displayName = options.displayName;
    this.appVersion = options.appVersion;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.segmentLimit = options.segmentLimit ?? DEFAULT_SEGMENT_LIMIT;
    this.compactAfterSegments = options.compactAfterSegments ?? DEFAULT_COMPACT_AFTER_SEGMENTS;
    this.now = options.now ?? Date.now;
    this.filesPerYield = options.filesPerYield ?? 8;
  }

  /** Runs `task` after every earlier call has finished. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Joins the folder: marks it as a team folder (only if unmarked) and writes my member.json. */
  join(): Promise<void> {
    return this.serial(async () => {
      await this.writeMarkerIfMissing();
      await this.writeMemberFile();
    });
  }

  /** A new display name, written to my member.json. */
  rename(displayName: string): Promise<void> {
    this.displayName = displayName;
    return this.serial(() => this.writeMemberFile());
  }

  read(onProgress?: (done: number, total: number) => void): Promise<ReadReport> {
    return this.serial(() => this.readNow(onProgress));
  }

  /**
   * Writes what my folder lacks of `desired`; `written` counts those changes. When the folder is
   * gone, nothing is written and `folderUnavailable` is true (the next publish catches up).
   */
  publish(desired: readonly Change[]): Promise<PublishResult> {
    return this.serial(async () => {
      try {
        return await this.publishNow(desired);
      } catch (error) {
        if (error instanceof FolderUnavailableError) return { written: 0, folderUnavailable: true };
        throw error;
      }
    });
  }

  private async writeMarkerIfMissing(): Promise<void> {
    const top = await this.folder.list('');
    if (!top.some((entry) => entry.name === FOLDER_MARKER_FILE)) {
      await this.folder.writeAtomic(FOLDER_MARKER_FILE, encodeFolderMarker());
    }
  }

  private async writeMemberFile(): Promise<void> {
    const bytes = await encodeMemberFile(this.me, this.displayName, this.appVersion);
    await this.folder.writeAtomic(memberFilePath(this.me, MEMBER_FILE), bytes);
  }

  private async readNow(onProgress?: (done: number, total: number) => void): Promise<ReadReport> {
    const changes: Change[] = this.pending;
    this.pending = [];
    this.unreported.clear();
    const warnings: TeamWarning[] = [];
    const report = (members: TeamMember[]): ReadReport => ({
      changes,
      members,
      warnings,
      readAt: this.now(),
    });
    let folders: Map<MemberId, FolderEntry[]>;
    try {
      folders = await this.listMemberFolders(warnings);
    } catch (error) {
      warnings.push(
        error instanceof FolderUnavailableError
          ? { code: 'folderUnavailable', path: '' }
          : { code: 'unreadable', path: MEMBERS_FOLDER },
      );
      return report([]);
    }

    const toRead: { path: string; member: MemberId; entry: FolderEntry }[] = [];
    const present = new Set<string>();
    for (const [member, entries] of folders) {
      for (const entry of entries) {
        const path = memberFilePath(member, entry.name);
        present.add(path);
        const known = this.known.get(path);
        if (known && known.size === entry.size && known.modifiedMs === entry.modifiedMs) {
          warnings.push(...known.warnings);
        } else if (entry.size > this.maxFileBytes) {
          this.known.delete(path);
          warnings.push({ code: 'tooLarge', path, memberId: member });
        } else {
          toRead.push({ path, member, entry });
        }
      }
    }
    // Forget files that are gone (their changes stay merged locally).
    for (const path of this.known.keys()) if (!present.has(path)) this.known.delete(path);

    onProgress?.(0, toRead.length);
    try {
      for (const [index, item] of toRead.entries()) {
        if (index > 0 && index % this.filesPerYield === 0) await macrotask();
        const known = await this.readFile(item.path, item.member, item.entry, warnings);
        if (known) {
          warnings.push(...known.warnings);
          if (known.file.type === 'log' || known.file.type === 'snapshot') {
            // One by one: spreading a snapshot of 100,000 changes would overflow the stack.
            for (const change of known.file.changes) changes.push(change);
          }
        }
        onProgress?.(index + 1, toRead.length);
      }
    } catch (error) {
      // What was read so far is good: report it, and that the folder went away.
      if (error instanceof FolderUnavailableError) {
        warnings.push({ code: 'folderUnavailable', path: '' });
      } else throw error;
    }
    return report(this.members(folders));
  }

  /** The member folders and their readable files; a folder that cannot be listed is warned of. */
  private async listMemberFolders(warnings: TeamWarning[]): Promise<Map<MemberId, FolderEntry[]>> {
    const folders = new Map<MemberId, FolderEntry[]>();
    // Throws FolderUnavailableError when the folder is gone: the caller reports it.
    const top = await this.folder.list(MEMBERS_FOLDER);
    const names = top
      .filter((entry) => entry.kind === 'directory' && isMemberId(entry.name))
      .map((entry) => entry.name as MemberId);
    if (!names.includes(this.me)) names.push(this.me);
    for (const member of names.sort()) {
      const path = memberFolderPath(member);
      try {
        const entries = await this.folder.list(path);
        folders.set(
          member,
          entries.filter(
            (entry) => entry.kind === 'file' && classifyMemberFile(entry.name).role !== 'ignored',
          ),
        );
      } catch (error) {
        if (error instanceof FolderUnavailableError) throw error;
        warnings.push({ code: 'unreadable', path, memberId: member });
      }
    }
    return folders;
  }

  /** Reads and decodes one file; caches it when it was read whole; warns of what is wrong. */
  private async readFile(
    path: string,
    member: MemberId,
    entry: FolderEntry,
    warnings: TeamWarning[],
  ): Promise<KnownFile | undefined> {
    this.known.delete(path);
    let result;
    try {
      result = await this.folder.read(path, this.maxFileBytes);
    } catch (error) {
      if (error instanceof FolderUnavailableError) throw error;
      warnings.push({ code: 'unreadable', path, memberId: member });
      return undefined;
    }
    // Gone since the listing (a sync tool replacing it): the next read sees what is there.
    if (result.status === 'missing') return undefined;
    if (result.status === 'tooLarge') {
      warnings.push({ code: 'tooLarge', path, memberId: member });
      return undefined;
    }
    const decoded = await decodeTeamFile(result.bytes, member);
    if (!decoded.ok) {
      const code = decoded.refusal === 'foreign' ? 'foreignChange' : decoded.refusal;
      warnings.push({ code, path, memberId: member });
      return undefined;
    }
    const fileWarnings: TeamWarning[] = [];
    if (decoded.dropped.bad > 0) fileWarnings.push({ code: 'badChange', path, memberId: member });
    if (decoded.dropped.foreign > 0) {
      fileWarnings.push({ code: 'foreignChange', path, memberId: member });
    }
    let file = decoded.file;
    if (file.type === 'log' || file.type === 'snapshot') {
      const accepted = file.changes.filter((change) => this.acceptsStamp(change.at));
      if (accepted.length < file.changes.length) {
        fileWarnings.push({ code: 'clockTooFarAhead', path, memberId: member });
        file = { ...file, changes: accepted };
      }
    }
    const known: KnownFile = {
      // The size of the bytes read: a file that changed since the listing is read again.
      size: result.bytes.length === entry.size ? entry.size : -1,
      modifiedMs: entry.modifiedMs,
      file,
      warnings: fileWarnings,
    };
    this.known.set(path, known);
    return known;
  }

  private acceptsStamp(stamp: Hlc): boolean {
    if (this.options.clock) return this.options.clock.observe(stamp);
    return wallOf(stamp) <= this.now() + MAX_CLOCK_LEAD_MS;
  }

  private members(folders: Map<MemberId, FolderEntry[]>): TeamMember[] {
    const members: TeamMember[] = [];
    for (const [memberId, entries] of folders) {
      if (entries.length === 0 && memberId === this.me) continue;
      const info = this.known.get(memberFilePath(memberId, MEMBER_FILE))?.file;
      members.push({
        memberId,
        displayName: info?.type === 'member' ? info.displayName : null,
        appVersion: info?.type === 'member' ? info.appVersion : null,
        fileCount: entries.length,
      });
    }
    return members;
  }

  /** Brings what is known of my own folder up to date (reading only files not yet known). */
  private async refreshOwnFolder(): Promise<OwnFolderState> {
    const dir = memberFolderPath(this.me);
    const entries = (await this.folder.list(dir)).filter(
      (entry) => entry.kind === 'file' && classifyMemberFile(entry.name).role !== 'ignored',
    );
    const present = new Set(entries.map((entry) => memberFilePath(this.me, entry.name)));
    for (const path of this.known.keys()) {
      if (path.startsWith(`${dir}/`) && !present.has(path)) this.known.delete(path);
    }
    const ignoredWarnings: TeamWarning[] = [];
    for (const entry of entries) {
      const path = memberFilePath(this.me, entry.name);
      const known = this.known.get(path);
      if (known && known.size === entry.size && known.modifiedMs === entry.modifiedMs) continue;
      if (entry.size > this.maxFileBytes) continue;
      const read = await this.readFile(path, this.me, entry, ignoredWarnings);
      if (read && (read.file.type === 'log' || read.file.type === 'snapshot')) {
        // Not seen by the caller yet: the next read reports them, and nothing is removed.
        for (const change of read.file.changes) this.pending.push(change);
        this.unreported.add(path);
      }
    }
    return this.ownFolderState(entries);
  }

  private ownFolderState(entries: readonly FolderEntry[]): OwnFolderState {
    const logs: OwnChangeFile[] = [];
    const snapshots: OwnChangeFile[] = [];
    const copies: string[] = [];
    let maxNumber = 0;
    for (const entry of entries) {
      const name = classifyMemberFile(entry.name);
      const path = memberFilePath(this.me, entry.name);
      const file = this.known.get(path)?.file;
      if (name.role === 'canonical') {
        const number = Number(/\d{6}/.exec(name.base)?.[0] ?? 0);
        maxNumber = Math.max(maxNumber, number);
        if (file?.type === 'log' && entry.name.startsWith('log-')) {
          logs.push({ name: entry.name, number, changes: file.changes });
        } else if (file?.type === 'snapshot' && entry.name.startsWith('snapshot-')) {
          snapshots.push({ name: entry.name, number, changes: file.changes });
        }
      } else if (file && file.type !== 'folder') {
        // A copy of one of my files (or of my member.json) that was read: its changes are in
        // the caller's records, so once published again it can go.
        copies.push(entry.name);
      }
    }
    return { logs, snapshots, maxNumber, copies, unreported: this.unreported.size > 0 };
  }

  private async publishNow(desired: readonly Change[]): Promise<PublishResult> {
    const dir = memberFolderPath(this.me);
    const state = await this.refreshOwnFolder();
    const memberFile = this.known.get(memberFilePath(this.me, MEMBER_FILE))?.file;
    if (
      memberFile?.type !== 'member' ||
      memberFile.displayName !== this.displayName ||
      memberFile.appVersion !== this.appVersion
    ) {
      // My folder was emptied or deleted (or I was renamed): who I am goes back first.
      if (memberFile === undefined) await this.writeMarkerIfMissing();
      await this.writeMemberFile();
    }
    const plan = planPublish(state, desired, {
      segmentLimit: this.segmentLimit,
      compactAfterSegments: this.compactAfterSegments,
      maxFileChars: Math.floor(this.maxFileBytes / 2),
    });
    for (const write of plan.writes) {
      const bytes =
        write.type === 'log'
          ? await encodeLogFile(this.me, write.number, write.changes)
          : await encodeSnapshotFile(this.me, write.changes);
      await this.folder.writeAtomic(`${dir}/${write.name}`, bytes);
    }
    for (const name of plan.removals) await this.folder.remove(`${dir}/${name}`);
    if (plan.writes.length > 0 || plan.removals.length > 0) await this.learnOwnWrites(plan);
    return { written: plan.missing };
  }

  /** Records what was just written as known, so the next read does not read it back. */
  private async learnOwnWrites(plan: ReturnType<typeof planPublish>): Promise<void> {
    const entries = await this.folder.list(memberFolderPath(this.me));
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    for (const name of plan.removals) this.known.delete(memberFilePath(this.me, name));
    for (const write of plan.writes) {
      const entry = byName.get(write.name);
      const path = memberFilePath(this.me, write.name);
      if (!entry) {
        this.known.delete(path);
        continue;
      }
      const file: TeamFile =
        write.type === 'log'
          ? { type: 'log', memberId: this.me, segment: write.number, changes: write.changes }
          : { type: 'snapshot', memberId: this.me, changes: write.changes };
      this.known.set(path, {
        size: entry.size,
        modifiedMs: entry.modifiedMs,
        file,
        warnings: [],
      });
    }
  }
}
