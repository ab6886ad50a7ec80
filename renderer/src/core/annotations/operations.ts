import type { Language } from '../../../../electron/shared/language';
import type { ProblemLine } from '../common/problemLine';
import { messageRef } from '../common/messageRef';
import { ProblemError } from '../common/ProblemError';
import type { DocId } from '../content/ids';
import { formatZodIssues } from '../safeJson/formatZodIssues';
import {
  compareHlc,
  formatHlc,
  maxHlc,
  memberOf,
  parseHlc,
  type HybridClock,
  type Hlc,
} from '../team/hlc';
import { describeRange } from './anchoring/describeRange';
import { meaningOf, noteOf, tagsOf } from './accessors';
import { contentVersion } from './contentVersion';
import { newAnnotationId, type AnnotationId } from './ids';
import type { Meaning } from './meanings';
import {
  annotationSchema,
  docSource,
  tagKey,
  type Annotation,
  type AnnotationsDatabase,
  type Motivation,
  type TextualBody,
  type Tombstone,
} from './schema';

/**
 * What stamps local changes: this member's hybrid logical clock (`core/team/hlc.ts`). Every
 * operation that changes an annotation gives it a new stamp (`rev`); one that replaces an earlier
 * version first `observe`s that version's stamp, so the new stamp is later even when the earlier
 * one came from a teammate whose clock runs ahead: an edit always wins over what it replaces.
 */
export type AnnotationClock = Pick<HybridClock, 'tick' | 'observe'>;

/** The author name used when none is set in Settings. */
export const UNNAMED_AUTHOR = 'Anonymous';

/**
 * Thrown when user input does not fit the annotation limits. The UI words it ("The annotation was
 * not saved") and lists its `problems`, each `path: message`.
 */
export class AnnotationInputError extends ProblemError {
  constructor(issues: readonly ProblemLine[]) {
    super('AnnotationInputError', messageRef('annotations:errors.notSaved'), issues);
  }
}

export interface NewAnnotation {
  docId: DocId;
  /** The language of the document's version the text is (absent: English). */
  language?: Language;
  /** The document's rendered text content, the same string the offsets refer to. */
  text: string;
  start: number;
  end: number;
  meaning: Meaning;
  note?: string;
  tags?: readonly string[];
  /** The author name from Settings; blank means `UNNAMED_AUTHOR`. */
  author: string;
  /** Stamps the new annotation (see `AnnotationClock`). */
  clock: AnnotationClock;
  /** The wall time shown as created and modified; the computer's clock otherwise. */
  now?: Date;
  /** For tests; a fresh id otherwise. */
  id?: AnnotationId;
}

/** Adds a highlight on `text[start, end)`. Returns the new database and the new annotation. */
export function createAnnotation(
  db: AnnotationsDatabase,
  input: NewAnnotation,
): { db: AnnotationsDatabase; annotation: Annotation } {
  const time = (input.now ?? new Date()).toISOString();
  const annotation = validated({
    id: input.id ?? newAnnotationId(),
    type: 'Annotation',
    created: time,
    modified: time,
    rev: input.clock.tick(),
    private: false,
    creator: { type: 'Person', name: input.author.trim() || UNNAMED_AUTHOR },
    ...bodyFields(input.meaning, input.note ?? '', input.tags ?? []),
    target: {
      source: docSource(input.docId),
      docId: input.docId,
      contentVersion: contentVersion(input.text),
      selector: describeRange(input.text, input.start, input.end),
      ...(input.language === 'fr' ? { lang: 'fr' as const } : {}),
    },
  });
  return { db: { ...db, annotations: [...db.annotations, annotation] }, annotation };
}

export interface AnnotationChanges {
  note?: string;
  tags?: readonly string[];
  meaning?: Meaning;
}

/** Changes the note, tags or meaning, with a new stamp so the edit wins merges. */
export function updateAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  changes: AnnotationChanges,
  clock: AnnotationClock,
  now: Date = new Date(),
): AnnotationsDatabase {
  return editAnnotation(db, id, clock, now, (old) =>
    bodyFields(
      changes.meaning ?? meaningOf(old),
      changes.note ?? noteOf(old),
      changes.tags ?? tagsOf(old),
    ),
  );
}

/**
 * Replaces some fields of one annotation with a new stamp, so the edit wins merges, and `now` as
 * its modified time (never before the last one); the result is validated like a new one.
 */
function editAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  clock: AnnotationClock,
  now: Date,
  change: (old: Annotation) => Partial<Annotation>,
): AnnotationsDatabase {
  return replaceAnnotation(db, id, (old) =>
    validated({
      ...old,
      ...change(old),
      modified: notBefore(old.modified, now),
      rev: stampAfter(clock, old.rev),
    }),
  );
}

/**
 * Points an orphaned (or misplaced) annotation at `text[start, end)` of the current text: new
 * selectors and content version; note, tags, meaning and author are kept.
 */
export function reattachAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  range: { text: string; start: number; end: number },
  clock: AnnotationClock,
  now: Date = new Date(),
): AnnotationsDatabase {
  return editAnnotation(db, id, clock, now, (old) => ({
    target: {
      ...old.target,
      contentVersion: contentVersion(range.text),
      selector: describeRange(range.text, range.start, range.end),
    },
  }));
}

/**
 * Keeps an annotation whose passage is not in its document's current `text` as it is (quote and
 * selectors unchanged), recording that its owner reviewed it on this text (see `review.ts`).
 */
export function keepReviewedAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  text: string,
  clock: AnnotationClock,
  now: Date = new Date(),
): AnnotationsDatabase {
  return editAnnotation(db, id, clock, now, (old) => ({
    target: { ...old.target, reviewedVersion: contentVersion(text) },
  }));
}

/**
 * Deletes an annotation and leaves a tombstone, so that the deletion wins over older copies in
 * other people's files: its stamp is later than the annotation's last change, even when this
 * computer's clock is behind. Its wall time is never before the last change either.
 */
export function deleteAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  clock: AnnotationClock,
  now: Date = new Date(),
): AnnotationsDatabase {
  const old = findOrThrow(db, id);
  const tombstone: Tombstone = {
    id,
    deleted: notBefore(old.modified, now),
    rev: stampAfter(clock, old.rev),
    docId: old.target.docId,
  };
  return {
    ...db,
    annotations: db.annotations.filter((a) => a.id !== id),
    tombstones: [...db.tombstones.filter((t) => t.id !== id), tombstone],
  };
}

/**
 * Puts a deleted annotation back as it was (undo). Its tombstone goes, and it gets a stamp later
 * than the deletion's, so that even a copy of the deletion that has already left (in an export
 * or a team folder) cannot remove it again when it comes back in a merge.
 */
export function restoreAnnotation(
  db: AnnotationsDatabase,
  annotation: Annotation,
  clock: AnnotationClock,
): AnnotationsDatabase {
  const tombstone = db.tombstones.find((t) => t.id === annotation.id);
  const superseded = tombstone ? maxHlc(annotation.rev, tombstone.rev) : annotation.rev;
  const restored: Annotation = { ...annotation, rev: stampAfter(clock, superseded) };
  return {
    ...db,
    annotations: [...db.annotations.filter((a) => a.id !== annotation.id), restored],
    tombstones: db.tombstones.filter((t) => t.id !== annotation.id),
  };
}

/**
 * Marks an annotation private (it never leaves this machine through a team folder) or shared
 * again. The change is stamped, so it travels and wins like an edit; the annotation's content and
 * modified time stay as they are. Unchanged when the flag already has that value.
 */
export function setAnnotationPrivate(
  db: AnnotationsDatabase,
  id: AnnotationId,
  isPrivate: boolean,
  clock: AnnotationClock,
): AnnotationsDatabase {
  if (findOrThrow(db, id).private === isPrivate) return db;
  return replaceAnnotation(db, id, (old) => ({
    ...old,
    private: isPrivate,
    rev: stampAfter(clock, old.rev),
  }));
}

/** Trims tags, drops blank ones and repeats (ignoring case), keeping the first spelling. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '' || seen.has(tagKey(tag))) continue;
    seen.add(tagKey(tag));
    kept.push(tag);
  }
  return kept;
}

/** The motivation that describes a body: a note makes a comment, tags alone make tagging. */
export function motivationFor(note: string, tags: readonly string[]): Motivation {
  if (note !== '') return 'commenting';
  return tags.length > 0 ? 'tagging' : 'highlighting';
}

/** The body (meaning first, then the note, then tags) and the motivation that goes with it. */
function bodyFields(
  meaning: Meaning,
  rawNote: string,
  rawTags: readonly string[],
): { motivation: Motivation; body: TextualBody[] } {
  const note = rawNote.trim();
  const tags = normalizeTags(rawTags);
  const body: TextualBody[] = [textual('classifying', meaning)];
  if (note !== '') body.push(textual('commenting', note));
  for (const tag of tags) body.push(textual('tagging', tag));
  return { motivation: motivationFor(note, tags), body };
}

function textual(purpose: TextualBody['purpose'], value: string): TextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

/** `now`, or `previous` when the computer's clock is behind it: times shown never go back. */
function notBefore(previous: string, now: Date): string {
  return new Date(Math.max(now.getTime(), Date.parse(previous))).toISOString();
}

/**
 * A new stamp later than `previous`. The clock observes `previous` first, so its tick is later.
 * The one exception is a stamp the clock refuses as too far ahead to be real (a hand-edited
 * file: imports and team folders refuse such stamps): the edit still has to win, so it gets the
 * next stamp after `previous`, in this member's name.
 */
export function stampAfter(clock: AnnotationClock, previous: Hlc): Hlc {
  clock.observe(previous);
  const stamp = clock.tick();
  if (compareHlc(stamp, previous) > 0) return stamp;
  const { wall, counter } = parseHlc(previous);
  return counter + 1 < 36 ** 4
    ? formatHlc(wall, counter + 1, memberOf(stamp))
    : formatHlc(wall + 1, 0, memberOf(stamp));
}

function validated(candidate: unknown): Annotation {
  const result = annotationSchema.safeParse(candidate);
  if (!result.success) throw new AnnotationInputError(formatZodIssues(result.error));
  return result.data;
}

function findOrThrow(db: AnnotationsDatabase, id: AnnotationId): Annotation {
  const found = db.annotations.find((a) => a.id === id);
  if (!found) throw new Error(`No annotation ${id}`);
  return found;
}

function replaceAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  change: (old: Annotation) => Annotation,
): AnnotationsDatabase {
  const next = change(findOrThrow(db, id));
  return { ...db, annotations: db.annotations.map((a) => (a.id === id ? next : a)) };
}
