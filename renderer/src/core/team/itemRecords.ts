/**
 * Lists of whole items as team records (records.ts): workshop sessions and their captures, own
 * documents, user workshops. One record per item, kind and id the item's; its fields:
 * - `value`: the whole item but what stays on this device, in ONE register (as annotations, see
 *   annotationRecords.ts): an item's parts depend on each other (a vote's dots name its options,
 *   a document's sources go with its body), so parts merged one by one from two members' edits
 *   could make an item the schema refuses. Two members editing the same item: the later edit
 *   wins, whole (last writer wins per item).
 * - local fields (e.g. an own document's `versions`): one register each, stored in the local
 *   records but never published (`withoutLocalFields`), so history stays on this machine.
 * - `$deleted` (DELETED_FIELD): true when the item is deleted.
 *
 * An item is shown when its value is valid and no deletion is stamped at or after it (an edit
 * made by someone who had not seen the deletion brings the item back, as for annotations).
 *
 * Sharing ("Share with team", like plans): an item's value carries `shared` and `sharedBy` (the
 * member who last shared it, kept when sharing stops, so the withdrawal travels too); only items
 * shared now or withdrawn are in the team folder's scope (`sharedItemScope`).
 */
import { sameData } from '../common/canonicalJson';
import { isPlainObject } from '../store/migrateDocument';
import { compareHlc, memberOf, type MemberId } from './hlc';
import {
  DELETED_FIELD,
  type Change,
  type FieldValue,
  type RecordKind,
  type RecordSet,
  type Register,
  type TeamRecord,
  type Write,
} from './records';

/** The field holding an item's shared value. */
export const VALUE_FIELD = 'value';

/** How one kind of item maps to records. */
export interface ItemRecordSpec<T extends { readonly id: string }> {
  readonly kind: RecordKind;
  /** The item as the `value` register holds it (without its local fields). */
  valueOf(item: T): FieldValue;
  /** The item's local fields (never published), by field name; none by default. */
  localOf?(item: T): Readonly<Record<string, FieldValue>>;
  /**
   * The item a record stands for, or null when its value is invalid (a file edited by hand, a
   * newer app). `local` holds the local fields' values (undefined when not written: a teammate's
   * item); `value` is the register of the shared value.
   */
  read(
    value: Register,
    local: Readonly<Record<string, FieldValue | undefined>>,
    recordId: string,
  ): T | null;
  /** The order items are listed in after loading or a merge (record order keeps ties). */
  order(item: T): string;
}

/** A record left out because its item is invalid; the UI words it by `code`. */
export interface ItemRecordNotice {
  readonly code: 'recordSkipped';
  readonly kind: RecordKind;
  readonly recordId: string;
  readonly field: string;
}

/**
 * The writes that turn the items `prev` into `next` (immutable lists: an unchanged item is the
 * same object, so only the others are compared). A new or changed item writes its value (and
 * its local fields that changed); a removed one writes `$deleted: true`. One that comes back
 * (an undone deletion) needs no more: its value is written later than the deletion.
 */
export function itemWrites<T extends { readonly id: string }>(
  spec: ItemRecordSpec<T>,
  prev: readonly T[],
  next: readonly T[],
): Write[] {
  if (prev === next) return [];
  const before = new Map(prev.map((item) => [item.id, item]));
  const writes: Write[] = [];
  const seen = new Set<string>();
  for (const item of next) {
    seen.add(item.id);
    const was = before.get(item.id);
    if (was === item) continue;
    const set: Record<string, FieldValue> = {};
    const value = spec.valueOf(item);
    if (!was || !sameData(spec.valueOf(was), value)) set[VALUE_FIELD] = value;
    const local = spec.localOf?.(item) ?? {};
    const wasLocal = was ? (spec.localOf?.(was) ?? {}) : {};
    for (const [name, field] of Object.entries(local)) {
      if (!was || !sameData(wasLocal[name], field)) set[name] = field;
    }
    if (Object.keys(set).length > 0) writes.push({ kind: spec.kind, id: item.id, set });
  }
  for (const item of prev) {
    if (!seen.has(item.id)) {
      writes.push({ kind: spec.kind, id: item.id, set: { [DELETED_FIELD]: true } });
    }
  }
  return writes;
}

/** What one value register stands for, read once per register (registers are immutable). */
const readItems = new WeakMap<Register, { item: unknown; locals: unknown[] }>();

/**
 * The items the records of `spec.kind` stand for, in `spec.order`. An invalid one is left out
 * with a notice, never a crash. Items of `previous` whose content is unchanged are reused, and
 * `previous` itself when nothing changed, so screens can tell by identity.
 */
export function materializeItems<T extends { readonly id: string }>(
  spec: ItemRecordSpec<T>,
  records: RecordSet,
  localFields: readonly string[],
  previous?: readonly T[],
): { items: readonly T[]; notices: ItemRecordNotice[] } {
  const notices: ItemRecordNotice[] = [];
  const earlier = new Map(previous?.map((item) => [item.id, item]));
  const items: T[] = [];
  for (const record of records.ofKind(spec.kind)) {
    const register = record.fields[VALUE_FIELD];
    if (!register) continue;
    const deletion = record.fields[DELETED_FIELD];
    if (deletion?.value === true && compareHlc(register.at, deletion.at) <= 0) continue;
    const locals = localFields.map((name) => record.fields[name]?.value);
    const item = readItem(spec, record, register, localFields, locals);
    if (!item) {
      notices.push({
        code: 'recordSkipped',
        kind: spec.kind,
        recordId: record.id,
        field: VALUE_FIELD,
      });
      continue;
    }
    const same = earlier.get(item.id);
    items.push(same && (same === item || sameData(same, item)) ? same : item);
  }
  const ordered = items
    .map((item, index) => ({ item, index, key: spec.order(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ item }) => item);
  const unchanged =
    previous !== undefined &&
    previous.length === ordered.length &&
    ordered.every((item, index) => item === previous[index]);
  return { items: unchanged ? previous : ordered, notices };
}

function readItem<T extends { readonly id: string }>(
  spec: ItemRecordSpec<T>,
  record: TeamRecord,
  register: Register,
  localFields: readonly string[],
  locals: readonly (FieldValue | undefined)[],
): T | null {
  const cached = readItems.get(register);
  if (cached && cached.locals.every((value, index) => value === locals[index])) {
    return cached.item as T | null;
  }
  const local: Record<string, FieldValue | undefined> = {};
  localFields.forEach((name, index) => (local[name] = locals[index]));
  const read = spec.read(register, local, record.id);
  const item = read !== null && read.id === record.id ? read : null;
  readItems.set(register, { item, locals: [...locals] });
  return item;
}

/** The `value` of a record's item, when it is an object. */
function valueObject(record: TeamRecord): Readonly<Record<string, unknown>> | null {
  const value = record.fields[VALUE_FIELD]?.value;
  return isPlainObject(value) ? value : null;
}

/**
 * Which item records of `kinds` go to the team folder: those shared with the team now, or
 * withdrawn from it (their `sharedBy` is kept, so teammates learn of it). A deleted item's
 * record keeps its last value, so the deletion of a shared item is shared too.
 *
 * `me` is this machine's member: a withdrawn item stays in scope only for the member who wrote
 * the withdrawal (its value register), so the withdrawal travels but nobody else's later change
 * to the now-private item does (a teammate deleting their copy would otherwise delete the
 * owner's). Without it, a withdrawn item stays in scope for everyone (as plans, sharedScope).
 */
export function sharedItemScope(
  kinds: readonly RecordKind[],
  me?: MemberId,
): (record: TeamRecord) => boolean {
  const of = new Set(kinds);
  return (record) => {
    if (!of.has(record.kind)) return false;
    const value = valueObject(record);
    if (value === null) return false;
    if (value.shared === true) return true;
    if (typeof value.sharedBy !== 'string') return false;
    const withdrawal = record.fields[VALUE_FIELD];
    return me === undefined || (withdrawal !== undefined && memberOf(withdrawal.at) === me);
  };
}

/** `changes` without the fields that stay on this device (empty changes dropped). */
export function withoutLocalFields(
  changes: readonly Change[],
  localFields: Readonly<Partial<Record<RecordKind, readonly string[]>>>,
): Change[] {
  const kept: Change[] = [];
  for (const change of changes) {
    const local = localFields[change.kind];
    if (!local || !local.some((name) => name in change.set)) {
      kept.push(change);
      continue;
    }
    const set: Record<string, FieldValue> = {};
    for (const [name, value] of Object.entries(change.set)) {
      if (!local.includes(name)) set[name] = value;
    }
    if (Object.keys(set).length > 0) kept.push({ ...change, set });
  }
  return kept;
}
