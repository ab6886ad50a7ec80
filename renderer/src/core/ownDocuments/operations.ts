import { messageRef } from '../common/messageRef';
import { randomRecordId } from '../common/recordIds';
import type { MemberId } from '../team/hlc';
import { formatZodIssues } from '../safeJson/formatZodIssues';
import { OwnDocumentError } from './errors';
import {
  OWN_LIMITS,
  ownContentSchema,
  type OwnContent,
  type OwnDocument,
  type OwnDocumentsDatabase,
  type OwnVersion,
} from './schema';

/**
 * The operations on own documents. Pure: each returns a new database (and what the caller needs
 * to offer an undo) and never changes the one it was given, so a `StoreSession` can show and save
 * it, and undo is putting the previous record back.
 */

/** A fresh id for a new document: `doc-<uuid>`, kebab-case, so `own--<id>` is a library id. */
export function newOwnDocumentId(): string {
  return randomRecordId('doc');
}

/** What a change did to one document: the record before it (null: it did not exist) and where. */
export interface OwnChange {
  db: OwnDocumentsDatabase;
  id: string;
  /** The document as it was before the change, to put back on undo; null when it was new. */
  before: OwnDocument | null;
  /** Its position in the list before the change (where undo puts it back). */
  index: number;
}

/** The document with `id`, or undefined. */
export function findOwnDocument(db: OwnDocumentsDatabase, id: string): OwnDocument | undefined {
  return db.documents.find((doc) => doc.id === id);
}

/** Checks what the writer gave against the store's limits; throws an OwnDocumentError. */
function checkedContent(content: OwnContent): OwnContent {
  const parsed = ownContentSchema.safeParse(content);
  if (parsed.success) return parsed.data;
  throw new OwnDocumentError(messageRef('own:errors.notSaved'), formatZodIssues(parsed.error));
}

/** The part of a document (or of one of its versions) the writer edits. */
export function ownContentOf({ title, summary, topics, body, sources }: OwnContent): OwnContent {
  return { title, summary, topics, body, sources };
}

/** True when `a` and `b` say the same (the editor's "unsaved changes", a save that changes nothing). */
export function sameOwnContent(a: OwnContent, b: OwnContent): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    a.body === b.body &&
    a.topics.length === b.topics.length &&
    a.topics.every((topic, i) => topic === b.topics[i]) &&
    a.sources.length === b.sources.length &&
    a.sources.every((s, i) => s.title === b.sources[i]?.title && s.url === b.sources[i]?.url)
  );
}

/**
 * The versions with `version` added, the oldest dropped beyond the limits of count and size
 * (the newest always stays, whatever its size).
 */
export function withVersion(versions: readonly OwnVersion[], version: OwnVersion): OwnVersion[] {
  const next = [...versions, version];
  const size = (v: OwnVersion) =>
    v.title.length +
    v.summary.length +
    v.body.length +
    v.sources.reduce((sum, s) => sum + s.title.length + s.url.length, 0);
  let total = next.reduce((sum, v) => sum + size(v), 0);
  while (
    next.length > 1 &&
    (next.length > OWN_LIMITS.versions || total > OWN_LIMITS.historyCharacters)
  ) {
    total -= size(next.shift() as OwnVersion);
  }
  return next;
}

/**
 * Saves `content` as document `id` at `now` (an ISO timestamp): creates it, or replaces its
 * content and adds a version. Content equal to what is stored changes nothing (the same database
 * comes back, so nothing is saved and no version is added).
 */
export function saveOwnDocument(
  db: OwnDocumentsDatabase,
  id: string,
  content: OwnContent,
  now: string,
): OwnChange {
  const checked = checkedContent(content);
  const index = db.documents.findIndex((doc) => doc.id === id);
  const before = db.documents[index];
  if (before === undefined) {
    if (db.documents.length >= OWN_LIMITS.documents)
      throw new OwnDocumentError(messageRef('own:errors.tooMany', { limit: OWN_LIMITS.documents }));
    const created: OwnDocument = {
      id,
      ...checked,
      created: now,
      updated: now,
      versions: [{ ...checked, saved: now }],
      shared: false,
      sharedBy: null,
    };
    return {
      db: { ...db, documents: [...db.documents, created] },
      id,
      before: null,
      index: db.documents.length,
    };
  }
  if (sameOwnContent(before, checked)) return { db, id, before, index };
  const saved: OwnDocument = {
    ...before,
    ...checked,
    updated: now,
    versions: withVersion(before.versions, { ...checked, saved: now }),
  };
  return { db: replaced(db, index, saved), id, before, index };
}

/** Makes version `versionIndex` of document `id` current again, as a new save. */
export function restoreOwnVersion(
  db: OwnDocumentsDatabase,
  id: string,
  versionIndex: number,
  now: string,
): OwnChange {
  const doc = findOwnDocument(db, id);
  if (!doc) throw new OwnDocumentError(messageRef('own:errors.gone'));
  const version = doc.versions[versionIndex];
  if (!version) throw new OwnDocumentError(messageRef('own:errors.noVersion'));
  return saveOwnDocument(db, id, ownContentOf(version), now);
}

/**
 * "Share with team" on a document: on, it goes to the team folder (without its versions), shared
 * by `me`; off, it stops being shared (`sharedBy` stays, so the withdrawal reaches the team).
 * Unchanged (or no such document): the same database.
 */
export function setOwnDocumentShared(
  db: OwnDocumentsDatabase,
  id: string,
  shared: boolean,
  me: MemberId,
): OwnDocumentsDatabase {
  const index = db.documents.findIndex((doc) => doc.id === id);
  const doc = db.documents[index];
  if (doc === undefined) return db;
  const sharedBy = shared ? me : doc.sharedBy;
  if (doc.shared === shared && doc.sharedBy === sharedBy) return db;
  return replaced(db, index, { ...doc, shared, sharedBy });
}

/** Deletes document `id` (and its versions). */
export function deleteOwnDocument(db: OwnDocumentsDatabase, id: string): OwnChange {
  const index = db.documents.findIndex((doc) => doc.id === id);
  const before = db.documents[index];
  if (before === undefined) throw new OwnDocumentError(messageRef('own:errors.gone'));
  return {
    db: { ...db, documents: db.documents.filter((doc) => doc.id !== id) },
    id,
    before,
    index,
  };
}

/**
 * Undoes a change: puts `change.before` back where it was (or removes the document it created).
 * Later saves of the same document are undone with it; the caller offers undo only for the
 * latest change.
 */
export function undoOwnChange(
  db: OwnDocumentsDatabase,
  change: Pick<OwnChange, 'id' | 'before' | 'index'>,
): OwnDocumentsDatabase {
  const rest = db.documents.filter((doc) => doc.id !== change.id);
  if (change.before === null) return { ...db, documents: rest };
  const at = Math.min(change.index, rest.length);
  return { ...db, documents: [...rest.slice(0, at), change.before, ...rest.slice(at)] };
}

function replaced(db: OwnDocumentsDatabase, index: number, doc: OwnDocument): OwnDocumentsDatabase {
  return { ...db, documents: db.documents.map((d, i) => (i === index ? doc : d)) };
}
