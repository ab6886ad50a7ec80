/**
 * "Team activity": who changed what in the shared records, and when, newest first. Built from
 * the records' own histories (each keeps its latest changes with their stamps), so it needs no
 * log of its own and says the same on every machine once they have merged the same changes.
 */
import { memberOf, wallOf, type Hlc, type MemberId } from '../../core/team/hlc';
import {
  DELETED_FIELD,
  HISTORY_LIMIT,
  fieldValue,
  type HistoryEntry,
  type RecordKind,
  type TeamRecord,
} from '../../core/team/records';

/** What a change did, as the activity list words it. */
export type ActivityAction = 'created' | 'changed' | 'deleted' | 'restored' | 'shared' | 'unshared';

/** One line of the activity list. */
export interface ActivityEntry {
  /** Unique within the list: the record's key and the change's stamp. */
  readonly key: string;
  readonly at: Hlc;
  readonly member: MemberId;
  /** When, by the clock of the machine that made the change (for display only). */
  readonly wall: number;
  readonly kind: RecordKind;
  readonly id: string;
  /** The record's current title, when it has one. */
  readonly title: string | null;
  readonly action: ActivityAction;
}

/** Lines kept: enough to see what happened lately without a long page. */
export const ACTIVITY_LIMIT = 50;

/**
 * The latest `limit` changes of the records `inScope` accepts, newest first. Histories are
 * newest first, so a record's walk stops at the first entry older than the oldest kept line:
 * a folder of ten thousand records costs one comparison for most of them.
 */
export function teamActivity(
  records: Iterable<TeamRecord>,
  inScope: (record: TeamRecord) => boolean,
  limit = ACTIVITY_LIMIT,
): ActivityEntry[] {
  const kept: ActivityEntry[] = [];
  for (const record of records) {
    if (record.kind === 'member' || !inScope(record)) continue;
    // Items kept whole in one `value` register (itemRecords.ts) carry their title inside it.
    const title = fieldValue(record, 'title') ?? titleInValue(record);
    for (const [index, entry] of record.history.entries()) {
      const oldest = kept[kept.length - 1];
      if (kept.length === limit && oldest && entry.at <= oldest.at) break;
      insertNewestFirst(kept, {
        key: `${record.kind}/${record.id}@${entry.at}`,
        at: entry.at,
        member: memberOf(entry.at),
        wall: wallOf(entry.at),
        kind: record.kind,
        id: record.id,
        title: typeof title === 'string' ? title : null,
        action: changeAction(record, entry, index),
      });
      if (kept.length > limit) kept.pop();
    }
  }
  return kept;
}

function titleInValue(record: TeamRecord): unknown {
  const value = record.fields.value?.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>).title
    : undefined;
}

/** What the history entry at `index` of `record` did to it. */
export function changeAction(
  record: TeamRecord,
  entry: HistoryEntry,
  index: number,
): ActivityAction {
  const deleted = entry.set[DELETED_FIELD];
  if (deleted === true) return 'deleted';
  if (record.kind === 'plan' && 'shared' in entry.set && !(DELETED_FIELD in entry.set)) {
    return entry.set.shared === true ? 'shared' : 'unshared';
  }
  // `$deleted: false` comes with every field when a record is made, and when it comes back:
  // it came back if an older change in its history deleted it.
  if (deleted === false) {
    const older = record.history.slice(index + 1);
    return older.some((past) => past.set[DELETED_FIELD] === true) ? 'restored' : 'created';
  }
  // The oldest entry of a history that was never cut short is the change that made the record.
  const complete = record.history.length < HISTORY_LIMIT;
  return complete && index === record.history.length - 1 ? 'created' : 'changed';
}

/** Inserts by stamp, newest first (binary search: the list is short but filled often). */
function insertNewestFirst(list: ActivityEntry[], entry: ActivityEntry): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const other = list[middle];
    if (other && other.at > entry.at) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, entry);
}
