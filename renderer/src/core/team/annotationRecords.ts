/**
 * Annotations as team records (records.ts), so they travel through a team folder and the local
 * record store with the same clocks and tombstones as the planner.
 *
 * One record per annotation: kind `annotation`, id the annotation's UUID (record ids are letters,
 * digits and dashes, so the `urn:uuid:` prefix is left off). Its fields:
 * - `value`: the whole annotation but its stamp, in ONE register rather than one per field. An
 *   annotation's parts depend on each other (the motivation follows from the body, the selectors
 *   from the content version), so fields merged one by one from two members' edits could make an
 *   annotation the schema refuses; and one register is exactly the rule of `mergeAnnotations`
 *   (the whole latest version wins), so a team folder and an exchanged file agree.
 * - `$deleted` (DELETED_FIELD): true with the deletion, false when it is undone.
 * - `tombstone`: the deletion's details, `{ deleted, docId? }` (a time for people, the document).
 * The annotation's `rev` is the stamp of its `value` register, and a tombstone's `rev` that of
 * `$deleted`: writes keep the stamps the data has (an old annotation's derived legacy stamp
 * becomes this member's, see `stampWrites`), so a record and an exported file order alike.
 *
 * An annotation is shown when it has a valid value and no deletion stamped at or after it (an
 * edit made by someone who had not seen the deletion keeps it, and the tombstone stays, as in
 * `mergeAnnotations`).
 */
import { sameData } from '../common/canonicalJson';
import { isAnnotationId, type AnnotationId } from '../annotations/ids';
import {
  ANNOTATION_LIMITS,
  ANNOTATIONS_SCHEMA_VERSION,
  annotationSchema,
  tombstoneSchema,
  type Annotation,
  type AnnotationsDatabase,
  type Tombstone,
} from '../annotations/schema';
import { isPlainObject } from '../store/migrateDocument';
import { compareHlc, memberOf, wallOf, type Hlc } from './hlc';
import {
  DELETED_FIELD,
  type FieldValue,
  type RecordSet,
  type Register,
  type TeamRecord,
  type Write,
} from './records';

/** The fields of an annotation record (see the module comment). */
export const ANNOTATION_FIELDS = { value: 'value', tombstone: 'tombstone' } as const;

const URN_PREFIX = 'urn:uuid:';

/** The record id of an annotation: its UUID. */
export function annotationRecordId(id: AnnotationId): string {
  return id.slice(URN_PREFIX.length);
}

/** The annotation id of a record id, or null when it is not one. */
export function annotationIdOfRecord(recordId: string): AnnotationId | null {
  const id = `${URN_PREFIX}${recordId}`;
  return isAnnotationId(id) ? id : null;
}

/** What reading the records left out; the UI words it by `code` (as the planner's notices). */
export type AnnotationRecordNotice =
  /** The record's annotation is invalid (a file edited by hand, a newer app): not shown. */
  | { code: 'recordSkipped'; kind: 'annotation'; recordId: string; field: string }
  /** The deletion's details are invalid: it still counts, with the time of its stamp. */
  | { code: 'fieldDefaulted'; kind: 'annotation'; recordId: string; field: string };

/** The annotations database built from records, and what was left out on the way. */
export interface MaterializedAnnotations {
  readonly db: AnnotationsDatabase;
  readonly notices: readonly AnnotationRecordNotice[];
}

/** An annotation without its stamp: what the `value` register holds. */
function valueOf(annotation: Annotation): FieldValue {
  const value: Record<string, unknown> = { ...annotation };
  delete value.rev;
  return value as FieldValue;
}

function tombstoneValue(tombstone: Tombstone): FieldValue {
  return tombstone.docId === undefined
    ? { deleted: tombstone.deleted }
    : { deleted: tombstone.deleted, docId: tombstone.docId };
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a === b || sameData(a, b);
}

function sameTombstone(a: Tombstone, b: Tombstone): boolean {
  return a === b || sameData(a, b);
}

/**
 * The writes that turn `prev` into `next` (immutable: unchanged annotations are the same
 * objects, so a save looks only at what changed). Per annotation: a new or edited one writes
 * `value`; a deletion writes `$deleted: true` with its tombstone; a restored one writes `value`
 * and `$deleted: false`. Each write carries the stamp its data already has (the annotation's or
 * the tombstone's `rev`, see `Write.at`), so records order changes exactly as the data does,
 * wherever and whenever they were made: a copy imported from an old file cannot overtake a later
 * edit. An annotation gone without a new tombstone (nothing does that, but the records must stand
 * for what was saved) is written as deleted with a fresh stamp, at its last modified time when it
 * has no tombstone at all.
 */
export function annotationWrites(prev: AnnotationsDatabase, next: AnnotationsDatabase): Write[] {
  if (prev.annotations === next.annotations && prev.tombstones === next.tombstones) return [];
  // Only an item that is not the very same object on both sides can have changed: at 50,000
  // annotations, comparing them all would cost each save a tenth of a second.
  const ids = new Set<AnnotationId>();
  addUnshared(prev.annotations, next.annotations, ids);
  addUnshared(prev.tombstones, next.tombstones, ids);
  if (ids.size === 0) return [];
  const before = byId(prev, ids);
  const after = byId(next, ids);
  const writes: Write[] = [];
  for (const id of ids) {
    const was = before.get(id) ?? {};
    const now = after.get(id) ?? {};
    const recordId = annotationRecordId(id);
    const write = (set: Record<string, FieldValue>, at: Hlc | undefined) =>
      writes.push(
        at === undefined
          ? { kind: 'annotation', id: recordId, set }
          : { kind: 'annotation', id: recordId, set, at },
      );

    const newTombstone =
      now.tombstone !== undefined &&
      !(was.tombstone && sameTombstone(was.tombstone, now.tombstone));
    const lost = now.annotation === undefined ? was.annotation : undefined;
    if (newTombstone || lost) {
      const details = now.tombstone
        ? tombstoneValue(now.tombstone)
        : { deleted: lost?.modified ?? '', docId: lost?.target.docId ?? '' };
      write(
        { [DELETED_FIELD]: true, tombstone: details },
        newTombstone ? now.tombstone?.rev : undefined,
      );
    }
    const restored = was.tombstone !== undefined && now.tombstone === undefined;
    if (
      now.annotation &&
      (restored || !(was.annotation && sameAnnotation(was.annotation, now.annotation)))
    ) {
      write(
        restored
          ? { value: valueOf(now.annotation), [DELETED_FIELD]: false }
          : { value: valueOf(now.annotation) },
        now.annotation.rev,
      );
    } else if (restored && !now.annotation) {
      write({ [DELETED_FIELD]: false }, undefined);
    }
  }
  return writes;
}

interface Entry {
  annotation?: Annotation;
  tombstone?: Tombstone;
}

/**
 * Adds the ids of the items of `a` not in `b`, and of `b` not in `a` (by identity). Operations
 * replace, remove or append one item and keep the others in place, so the same leading and
 * trailing items are passed over first and only what lies between is compared.
 */
function addUnshared<T extends { id: AnnotationId }>(
  a: readonly T[],
  b: readonly T[],
  ids: Set<AnnotationId>,
): void {
  if (a === b) return;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  const inA = new Set<T>(restA);
  const inB = new Set<T>(restB);
  for (const item of restA) if (!inB.has(item)) ids.add(item.id);
  for (const item of restB) if (!inA.has(item)) ids.add(item.id);
}

/** The annotation and tombstone of each of `ids` in `db`. */
function byId(db: AnnotationsDatabase, ids: ReadonlySet<AnnotationId>): Map<AnnotationId, Entry> {
  const entries = new Map<AnnotationId, Entry>();
  for (const annotation of db.annotations) {
    if (ids.has(annotation.id)) entries.set(annotation.id, { annotation });
  }
  for (const tombstone of db.tombstones) {
    if (!ids.has(tombstone.id)) continue;
    const entry = entries.get(tombstone.id);
    if (entry) entry.tombstone = tombstone;
    else entries.set(tombstone.id, { tombstone });
  }
  return entries;
}

/** What one record stands for, read once per value register (registers are immutable). */
interface ReadValue {
  readonly annotation: Annotation | null;
  readonly notice: AnnotationRecordNotice | null;
}

const readValues = new WeakMap<Register, ReadValue>();

/**
 * The annotations database the records stand for, in id order. A record whose annotation is
 * invalid (a teammate's file edited by hand, or written by a newer version) is left out with a
 * notice, never a crash; one whose deletion details are invalid still counts as deleted. Objects
 * of `previous` (the last materialized or saved database) are reused when their content and stamp
 * are unchanged, and `previous.db` itself when nothing changed, so screens can tell by identity.
 */
export function materializeAnnotations(
  records: RecordSet,
  previous?: { readonly db: AnnotationsDatabase },
): MaterializedAnnotations {
  const notices: AnnotationRecordNotice[] = [];
  const earlier = new Map(previous?.db.annotations.map((a) => [a.id, a]));
  const earlierTombstones = new Map(previous?.db.tombstones.map((t) => [t.id, t]));
  const annotations: Annotation[] = [];
  const tombstones: Tombstone[] = [];
  for (const record of records.ofKind('annotation')) {
    const id = annotationIdOfRecord(record.id);
    if (id === null) {
      notices.push(skipped(record.id, 'id'));
      continue;
    }
    const valueRegister = record.fields[ANNOTATION_FIELDS.value];
    const read = valueRegister ? readValue(id, record.id, valueRegister) : undefined;
    if (read?.notice) notices.push(read.notice);
    const deletion = record.fields[DELETED_FIELD];
    const deletedAt = deletion?.value === true ? deletion.at : undefined;
    if (deletedAt !== undefined) {
      const tombstone = tombstoneOf(id, record, deletedAt, read?.annotation ?? null, notices);
      const same = earlierTombstones.get(id);
      tombstones.push(same && sameTombstone(same, tombstone) ? same : tombstone);
    }
    const annotation = read?.annotation;
    if (!annotation || !valueRegister) continue;
    if (deletedAt !== undefined && compareHlc(valueRegister.at, deletedAt) <= 0) continue;
    if (annotations.length >= ANNOTATION_LIMITS.annotations) {
      notices.push(skipped(record.id, ANNOTATION_FIELDS.value));
      continue;
    }
    const same = earlier.get(id);
    annotations.push(same && sameAnnotation(same, annotation) ? same : annotation);
  }
  const db: AnnotationsDatabase =
    previous &&
    sameItems(previous.db.annotations, annotations) &&
    sameItems(previous.db.tombstones, tombstones)
      ? previous.db
      : { schemaVersion: ANNOTATIONS_SCHEMA_VERSION, annotations, tombstones };
  return { db, notices };
}

function readValue(id: AnnotationId, recordId: string, register: Register): ReadValue {
  const cached = readValues.get(register);
  if (cached) return cached;
  const value = register.value;
  const parsed = isPlainObject(value)
    ? annotationSchema.safeParse({ ...value, rev: register.at })
    : undefined;
  const read: ReadValue =
    parsed?.success && parsed.data.id === id
      ? { annotation: parsed.data, notice: null }
      : { annotation: null, notice: skipped(recordId, ANNOTATION_FIELDS.value) };
  readValues.set(register, read);
  return read;
}

/** The tombstone of a deleted record: its details if valid, else the time of its stamp. */
function tombstoneOf(
  id: AnnotationId,
  record: TeamRecord,
  deletedAt: Hlc,
  annotation: Annotation | null,
  notices: AnnotationRecordNotice[],
): Tombstone {
  const details = record.fields[ANNOTATION_FIELDS.tombstone]?.value;
  const parsed = tombstoneSchema.safeParse({
    ...(isPlainObject(details) ? details : {}),
    id,
    rev: deletedAt,
  });
  if (parsed.success) return parsed.data;
  notices.push({
    code: 'fieldDefaulted',
    kind: 'annotation',
    recordId: record.id,
    field: ANNOTATION_FIELDS.tombstone,
  });
  const fallback: Tombstone = {
    id,
    deleted: new Date(wallOf(deletedAt)).toISOString(),
    rev: deletedAt,
  };
  return annotation ? { ...fallback, docId: annotation.target.docId } : fallback;
}

function skipped(recordId: string, field: string): AnnotationRecordNotice {
  return { code: 'recordSkipped', kind: 'annotation', recordId, field };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Where this member stands with the team folder, for `annotationShareScope`. */
export interface AnnotationShareState {
  /** The stamp of joining the team folder (its member is this machine's), or null if not joined. */
  readonly joinedAt: Hlc | null;
  /** The user confirmed the preview of the annotations made before joining (`existingToPreview`). */
  readonly existingConfirmed: boolean;
}

/**
 * Which annotation records go to the team folder: never a private one (the latest word on it is
 * `private: true`: deleted private ones stay home too); one made after joining; one made before
 * only once the user has confirmed the preview. An annotation already shared by a teammate (a
 * register stamped by another member) was not this member's to hold back, so editing it is
 * shared. "Made before joining" compares the annotation's `created` time (this computer's clock
 * when it was made) with the wall time of the joining stamp; a record with no annotation (only a
 * deletion) counts from the deletion's time. Not a planner record: false.
 */
export function annotationShareScope(state: AnnotationShareState): (record: TeamRecord) => boolean {
  const { joinedAt, existingConfirmed } = state;
  if (joinedAt === null) return () => false;
  return (record) => {
    if (record.kind !== 'annotation') return false;
    const value = record.fields[ANNOTATION_FIELDS.value]?.value;
    if (isPlainObject(value) && value.private !== false) return false;
    if (existingConfirmed) return true;
    return madeAfter(record, joinedAt) || fromTeammate(record, memberOf(joinedAt));
  };
}

/** When the record's annotation (or, without one, its deletion) was made, after `joinedAt`. */
function madeAfter(record: TeamRecord, joinedAt: Hlc): boolean {
  const value = record.fields[ANNOTATION_FIELDS.value]?.value;
  const details = record.fields[ANNOTATION_FIELDS.tombstone]?.value;
  const made = isPlainObject(value)
    ? value.created
    : isPlainObject(details)
      ? details.deleted
      : undefined;
  const time = typeof made === 'string' ? Date.parse(made) : NaN;
  return Number.isFinite(time) && time >= wallOf(joinedAt);
}

function fromTeammate(record: TeamRecord, me: string): boolean {
  return (
    Object.values(record.fields).some((register) => memberOf(register.at) !== me) ||
    record.history.some((entry) => memberOf(entry.at) !== me)
  );
}

/**
 * The annotations that confirming the preview would share: not private, made before joining
 * (`joinedAt`; null: not joined yet, so every one), and, when `records` are given, not already
 * shared by a teammate. In the database's order.
 */
export function existingToPreview(
  db: AnnotationsDatabase,
  joinedAt: Hlc | null,
  records?: RecordSet,
): Annotation[] {
  const joinedWall = joinedAt === null ? Infinity : wallOf(joinedAt);
  return db.annotations.filter((annotation) => {
    if (annotation.private || !(Date.parse(annotation.created) < joinedWall)) return false;
    if (!records || joinedAt === null) return true;
    const record = records.get('annotation', annotationRecordId(annotation.id));
    return !record || !fromTeammate(record, memberOf(joinedAt));
  });
}
