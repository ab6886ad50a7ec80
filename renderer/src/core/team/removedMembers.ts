/**
 * Removing a member from the team: whoever removes them writes the field `removedAt` (a clock
 * stamp) on the `member/<memberId>` record. Every machine shows them as removed, and their own
 * app, once it reads that record, stops publishing and says so. Nothing of theirs is filtered:
 * their changes, earlier or later, are merged on every machine like anyone's, so members never
 * diverge (filtering by stamp would leave a member who took a late change in before the removal
 * arrived with a record the others never get). The folder has no access control: stopping a
 * removed member seeing it is done in the sync tool. Writing `removedAt: null` later takes them
 * back.
 */
import { isHlc, isMemberId, type Hlc, type MemberId } from './hlc';
import type { TeamRecord } from './records';

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
