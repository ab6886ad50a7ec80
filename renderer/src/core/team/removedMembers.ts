/**
 * Removing a member from the team: whoever removes them writes the field `removedAt` (a clock
 * stamp) on the `member/<memberId>` record. Their changes stamped later are ignored on every
 * machine; the earlier ones stay, still attributed to them. Writing `removedAt: null` later takes
 * them back.
 */
import { compareHlc, isHlc, isMemberId, memberOf, type Hlc, type MemberId } from './hlc';
import type { Change, TeamRecord } from './records';

export const REMOVED_AT_FIELD = 'removedAt';

/** When each removed member was removed, from the `member` records. */
export function removedMembers(records: Iterable<TeamRecord>): Map<MemberId, Hlc> {
  const removed = new Map<MemberId, Hlc>();
  for (const record of records) {
    if (record.kind !== 'member' || !isMemberId(record.id)) continue;
    const value = record.fields[REMOVED_AT_FIELD]?.value;
    if (isHlc(value)) removed.set(record.id, value);
  }
  return removed;
}

/** The changes without those a removed member stamped after their removal. */
export function withoutRemoved(
  changes: readonly Change[],
  removedAt: ReadonlyMap<MemberId, Hlc>,
): Change[] {
  if (removedAt.size === 0) return [...changes];
  return changes.filter((change) => {
    const removed = removedAt.get(memberOf(change.at));
    return removed === undefined || compareHlc(change.at, removed) <= 0;
  });
}
