import type { Language } from '../../../../electron/shared/language';
import type { DocId } from '../content/ids';
import { findPassage } from './anchoring/anchor';
import { SearchableText } from './anchoring/searchableText';
import { WorkMeter } from './anchoring/workMeter';
import { compareRevisions, compareTombstones, sameData, tombstoneCovers } from './canonical';
import { contentVersion } from './contentVersion';
import { annotationLanguageOf, documentVersionKey, type DocumentTextOf } from './documentVersion';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  type Annotation,
  type AnnotationSet,
  type AnnotationsDatabase,
  type Tombstone,
} from './schema';

/**
 * Merges two sets of annotations by id into a new database:
 * - of two versions of one annotation, the later clock stamp (`rev`) wins, never the wall time
 *   `modified`; for the same stamp the canonical JSON decides, so every machine picks the same one;
 * - tombstones are kept (the latest per id) and travel on; an annotation whose `rev` is at or
 *   before its tombstone's is removed, one edited after the deletion stays;
 * - nothing else is dropped, so other people's annotations are kept with their author.
 * The result is sorted by id, which makes merging commutative, associative and idempotent down to
 * the order of the lists: merge(a, b) equals merge(b, a), and merging the same file again changes
 * nothing.
 */
export function mergeAnnotations(
  local: AnnotationSet,
  incoming: AnnotationSet,
): AnnotationsDatabase {
  const annotations = latestById([...local.annotations, ...incoming.annotations], compareRevisions);
  const tombstones = latestById([...local.tombstones, ...incoming.tombstones], compareTombstones);
  const tombstoneOf = new Map(tombstones.map((t) => [t.id, t]));
  return {
    schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
    annotations: annotations.filter((a) => {
      const tombstone = tombstoneOf.get(a.id);
      return !tombstone || !tombstoneCovers(tombstone, a);
    }),
    tombstones,
  };
}

/** One item per id (the winner by `compare`), sorted by id. */
function latestById<T extends { id: string }>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
): T[] {
  const winners = new Map<string, T>();
  for (const item of items) {
    const current = winners.get(item.id);
    if (!current || compare(item, current) > 0) winners.set(item.id, item);
  }
  return [...winners.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What a merge would do, shown to the user before they confirm it. */
export interface MergePreview {
  /** The database the merge would produce (what `mergeAnnotations` returns). */
  merged: AnnotationsDatabase;
  /** Incoming annotations not present before (including ones restored by a later edit). */
  added: Annotation[];
  /** Annotations present before that the incoming set replaces with a later version. */
  updated: Annotation[];
  /** Incoming annotations that change nothing (same as, or older than, what is here). */
  unchanged: Annotation[];
  /** Annotations present before that an incoming deletion removes. */
  deleted: Annotation[];
  /**
   * Added or updated annotations that will not anchor: their document is unknown, or its text
   * changed and the quote cannot be found. They are still merged, and listed as orphaned.
   */
  orphaned: Annotation[];
  counts: { added: number; updated: number; unchanged: number; deleted: number; orphaned: number };
  /** False when merging would leave the database exactly as it is. */
  changesAnything: boolean;
}

/**
 * Previews `mergeAnnotations(local, incoming)`. `textOf` returns a document's current rendered
 * text in a language (the version each annotation was made on), or null for a document that is
 * not in the library in that language.
 */
export function previewMerge(
  local: AnnotationsDatabase,
  incoming: AnnotationSet,
  textOf: DocumentTextOf,
): MergePreview {
  const merged = mergeAnnotations(local, incoming);
  const before = new Map(local.annotations.map((a) => [a.id, a]));
  const after = new Map(merged.annotations.map((a) => [a.id, a]));
  const added: Annotation[] = [];
  const updated: Annotation[] = [];
  const unchanged: Annotation[] = [];
  for (const item of uniqueIncoming(incoming.annotations)) {
    const result = after.get(item.id);
    const previous = before.get(item.id);
    if (!result || (previous && sameData(previous, result))) unchanged.push(item);
    else if (previous) updated.push(result);
    else added.push(result);
  }
  const deleted = local.annotations.filter((a) => !after.has(a.id));
  const versions = new Map<string, CurrentText | null>();
  // One work budget for the whole preview, across every document the file names: a file of
  // near-miss quotes spread over the whole library cannot make the preview search without bound.
  const meter = new WorkMeter();
  const currentText = (docId: DocId, language: Language) => {
    const key = documentVersionKey(docId, language);
    if (!versions.has(key)) {
      const text = textOf(docId, language);
      versions.set(
        key,
        text === null
          ? null
          : {
              text: new SearchableText(text),
              version: contentVersion(text),
              meter,
            },
      );
    }
    return versions.get(key) ?? null;
  };
  const orphaned = [...added, ...updated].filter((a) => !anchorsIn(a, currentText));
  return {
    merged,
    added,
    updated,
    unchanged,
    deleted,
    orphaned,
    counts: {
      added: added.length,
      updated: updated.length,
      unchanged: unchanged.length,
      deleted: deleted.length,
      orphaned: orphaned.length,
    },
    changesAnything: !sameData(normalized(local), merged),
  };
}

function uniqueIncoming(annotations: readonly Annotation[]): Annotation[] {
  return latestById(annotations, compareRevisions);
}

/** The local database in merge form (sorted, tombstones applied), to compare with a result. */
function normalized(db: AnnotationsDatabase): AnnotationsDatabase {
  return mergeAnnotations(db, { annotations: [], tombstones: [] as Tombstone[] });
}

/** A document's current text as the preview searches it. */
interface CurrentText {
  text: SearchableText;
  version: string;
  meter: WorkMeter;
}

/**
 * True unless the annotation is known not to anchor: same text as when made, or its quote is
 * still found. One the document's budget did not reach is not counted as lost: the reader looks
 * for it again, within its own budget, when the document opens.
 */
function anchorsIn(
  annotation: Annotation,
  currentText: (docId: DocId, language: Language) => CurrentText | null,
): boolean {
  const current = currentText(annotation.target.docId, annotationLanguageOf(annotation));
  if (current === null) return false;
  if (current.version === annotation.target.contentVersion) return true;
  const found = findPassage(current.text, annotation.target.selector, current.meter);
  return found.status === 'anchored' || found.reason === 'not-searched';
}
