/**
 * Simulated team members for the team folder tests: each has a clock, a record set (its local
 * data) and a TeamSync over the real desktop folder code, as the app wires them.
 */
import { NodeFolderAccess } from '../../../electron/main/teamFolder/nodeFolderAccess';
import type { FolderAccess } from '../../../renderer/src/core/team/folderAccess';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { ownChanges } from '../../../renderer/src/core/team/ownChanges';
import {
  RecordSet,
  stampWrites,
  type Change,
  type TeamRecord,
  type Write,
} from '../../../renderer/src/core/team/records';
import {
  TeamSync,
  type ReadReport,
  type TeamSyncOptions,
} from '../../../renderer/src/core/team/teamSync';

export interface SimMember {
  readonly id: MemberId;
  readonly clock: HybridClock;
  readonly records: RecordSet;
  readonly sync: TeamSync;
  readonly folder: FolderAccess;
}

/** A member id made from a short name, so failures are readable (`alice00000000000`). */
export function memberId(name: string): MemberId {
  return name.toLowerCase().padEnd(16, '0').slice(0, 16) as MemberId;
}

export function simMember(
  root: string,
  name: string,
  options: Partial<Omit<TeamSyncOptions, 'folder' | 'me' | 'clock'>> & { offsetMs?: number } = {},
): SimMember {
  const id = memberId(name);
  const offset = options.offsetMs ?? 0;
  const clock = new HybridClock(id, () => Date.now() + offset);
  const folder = new NodeFolderAccess(root);
  const sync = new TeamSync({
    displayName: name,
    appVersion: '1.0.0',
    ...options,
    folder,
    me: id,
    clock,
  });
  return { id, clock, records: new RecordSet(), sync, folder };
}

/** Makes local edits: stamps them with the member's clock and folds them in. */
export function edit(member: SimMember, writes: readonly Write[]): Change[] {
  const changes = stampWrites(writes, member.clock);
  member.records.apply(changes);
  return changes;
}

/** Everything of this member's in the records (all records are shared in these tests). */
export function desiredOf(member: SimMember): Change[] {
  return ownChanges(member.records.all(), member.id, () => true);
}

/** One sync round as the app does it: read, fold in, publish. */
export async function syncRound(member: SimMember): Promise<ReadReport> {
  const report = await member.sync.read();
  member.records.apply(report.changes);
  await member.sync.publish(desiredOf(member));
  return report;
}

/** The records' fields as plain data in key order (history is the author's view: left out). */
export function fieldsOf(records: RecordSet): Record<string, TeamRecord['fields']> {
  const out: Record<string, TeamRecord['fields']> = {};
  const keys = [...records.all()].map((record) => `${record.kind}/${record.id}`).sort();
  for (const key of keys) {
    const record = records.byKey(key);
    if (record) out[key] = record.fields;
  }
  return out;
}
