/**
 * What my member folder should hold: every register in the shared scope that I stamped, grouped
 * back into the changes that wrote them (one per record and stamp). Publishing is derived from
 * this, so a member folder that was emptied or deleted is written again from local data, and an
 * edit of mine that someone later overwrote is no longer published (the later one wins anyway).
 */
import { compareStrings } from '../common/canonicalJson';
import { memberOf, type Hlc, type MemberId } from './hlc';
import { recordKey, type Change, type FieldValue, type TeamRecord } from './records';

/** My changes still in effect in `records` (those `inScope`), ordered by stamp then record. */
export function ownChanges(
  records: Iterable<TeamRecord>,
  me: MemberId,
  inScope: (record: TeamRecord) => boolean,
): Change[] {
  const changes: { change: Change; key: string }[] = [];
  for (const record of records) {
    if (!inScope(record)) continue;
    const byStamp = new Map<Hlc, Record<string, FieldValue>>();
    // Field names sorted, so the same records always give the same file bytes.
    for (const name of Object.keys(record.fields).sort(compareStrings)) {
      const register = record.fields[name];
      if (!register || memberOf(register.at) !== me) continue;
      let set = byStamp.get(register.at);
      if (!set) {
        set = {};
        byStamp.set(register.at, set);
      }
      set[name] = register.value;
    }
    const key = recordKey(record.kind, record.id);
    for (const [at, set] of byStamp) {
      changes.push({ change: { kind: record.kind, id: record.id, at, set }, key });
    }
  }
  changes.sort((a, b) => compareStrings(a.change.at, b.change.at) || compareStrings(a.key, b.key));
  return changes.map(({ change }) => change);
}
