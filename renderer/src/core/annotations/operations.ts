import type { ProblemLine } from '../common/problemLine';
import { messageRef } from '../common/messageRef';
import { ProblemError } from '../common/ProblemError';
import type { DocId } from '../content/ids';
import { formatZodIssues } from '../safeJson/formatZodIssues';
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
} from './schema';

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
  /** The document's rendered text content, the same string the offsets refer to. */
  text: string;
  start: number;
  end: number;
  meaning: Meaning;
  note?: string;
  tags?: readonly string[];
  /** The author name from Settings; blank means `UNNAMED_AUTHOR`. */
  author: string;
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
    creator: { type: 'Person', name: input.author.trim() || UNNAMED_AUTHOR },
    ...bodyFields(input.meaning, input.note ?? '', input.tags ?? []),
    target: {
      source: docSource(input.docId),
      docId: input.docId,
      contentVersion: contentVersion(input.text),
      selector: describeRange(input.text, input.start, input.end),
    },
  });
  return { db: { ...db, annotations: [...db.annotations, annotation] }, annotation };
}

export interface AnnotationChanges {
  note?: string;
  tags?: readonly string[];
  meaning?: Meaning;
}

/** Changes the note, tags or meaning; `modified` moves forward so the edit wins merges. */
export function updateAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  changes: AnnotationChanges,
  now: Date = new Date(),
): AnnotationsDatabase {
  return editAnnotation(db, id, now, (old) =>
    bodyFields(
      changes.meaning ?? meaningOf(old),
      changes.note ?? noteOf(old),
      changes.tags ?? tagsOf(old),
    ),
  );
}

/**
 * Replaces some fields of one annotation and moves `modified` forward, so the edit wins merges;
 * the result is validated like a new one.
 */
function editAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  now: Date,
  change: (old: Annotation) => Partial<Annotation>,
): AnnotationsDatabase {
  return replaceAnnotation(db, id, (old) =>
    validated({ ...old, modified: laterThan(old.modified, now), ...change(old) }),
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
  now: Date = new Date(),
): AnnotationsDatabase {
  return editAnnotation(db, id, now, (old) => ({
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
  now: Date = new Date(),
): AnnotationsDatabase {
  return editAnnotation(db, id, now, (old) => ({
    target: { ...old.target, reviewedVersion: contentVersion(text) },
  }));
}

/**
 * Deletes an annotation and leaves a tombstone, so that the deletion wins over older copies in
 * other people's files. The tombstone is never earlier than the annotation's last change, even
 * when this computer's clock is behind.
 */
export function deleteAnnotation(
  db: AnnotationsDatabase,
  id: AnnotationId,
  now: Date = new Date(),
): AnnotationsDatabase {
  const old = findOrThrow(db, id);
  const deleted = Math.max(now.getTime(), Date.parse(old.modified));
  return {
    ...db,
    annotations: db.annotations.filter((a) => a.id !== id),
    tombstones: [
      ...db.tombstones.filter((t) => t.id !== id),
      { id, deleted: new Date(deleted).toISOString(), docId: old.target.docId },
    ],
  };
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

/** A time strictly after `previous`: edits must win over the version they replace. */
function laterThan(previous: string, now: Date): string {
  return new Date(Math.max(now.getTime(), Date.parse(previous) + 1)).toISOString();
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
