import { messageRef } from '../../common/messageRef';
import { problemLine, type ProblemLine } from '../../common/problemLine';
import { addZodIssues } from '../../safeJson/formatZodIssues';
import { isListToCheckItemByItem, parseEachItem } from '../../safeJson/parseEachItem';
import { parseUntrustedJson } from '../../safeJson/parseUntrustedJson';
import { capErrors, ProblemList } from '../../safeJson/ProblemList';
import { wallOf, type Hlc } from '../../team/hlc';
import { sameData } from '../canonical';
import { isPlainObject, migrateAnnotationsDocument } from '../migrations';
import {
  ANNOTATION_LIMITS,
  annotationSchema,
  tombstoneSchema,
  type AnnotationSet,
  type AnnotationsDatabase,
  type Annotation,
  type Tombstone,
} from '../schema';
import { annotationCollectionSchema } from './annotationCollection';
import { MAX_IMPORT_BYTES } from './formats';

export interface ImportContext {
  /** Ids of the documents in this library: annotations on any other document are refused. */
  knownDocIds: ReadonlySet<string>;
  /** The current database, to refuse ids that collide with different content at the same time. */
  local: AnnotationsDatabase;
  /** The time now, to refuse dates in the future; defaults to the clock. */
  now?: Date;
}

/**
 * How far ahead of this computer's clock a file's times (`modified`, `deleted`, and the wall time
 * of each clock stamp `rev`) may be: members' clocks differ, but a time further ahead is a broken
 * clock or a crafted file, and a stamp that far ahead would drag this member's clock with it.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export type ImportResult =
  | {
      ok: true;
      /** The file's annotations and deletions, ready for `previewMerge` and `mergeAnnotations`. */
      incoming: { annotations: Annotation[]; tombstones: Tombstone[] };
      /** The format version the file was written in (older files are migrated). */
      fromVersion: number;
    }
  /**
   * Nothing was imported. Each error is a problem line, e.g. `first.items.3.target.docId: ...`;
   * at most 25 are listed, then "(file): and N more problems".
   */
  | { ok: false; errors: ProblemLine[] };

/**
 * Reads an annotations file exported by OnMuni Toolkit (a W3C AnnotationCollection in JSON-LD)
 * and checks all of it before anything is merged. Refuses, listing up to 25 problems: an empty
 * file, one over 20 MB, text that is not JSON or was cut short, `__proto__`, `constructor` or
 * `prototype` keys, a file that is not an annotation collection or is from a newer version,
 * any invalid annotation or deletion, times or clock stamps more than a day ahead of this
 * computer's clock, annotations on documents not in this library, and
 * annotations whose id and clock stamp equal one of ours but whose content differs (two
 * different edits claiming to be the same one). Files from older versions get the stamps the
 * version 4 migration derives (`migrations.ts`). Never throws.
 */
export function importAnnotationCollection(text: string, context: ImportContext): ImportResult {
  const json = parseUntrustedJson(text, { maxBytes: MAX_IMPORT_BYTES });
  if (!json.ok) return { ok: false, errors: json.errors };
  const raw = json.value;
  if (!isPlainObject(raw) || raw.type !== 'AnnotationCollection') {
    return refuse([problemLine('type', 'problems:annotationsImport.notACollection')]);
  }
  const migrated = migrateItems(raw);
  if (!migrated.ok) return refuse([migrated.problem]);

  const problems = new ProblemList();
  checkItemsOneByOne(migrated.collection, problems);
  if (problems.size > 0) return { ok: false, errors: problems.lines() };
  const parsed = annotationCollectionSchema.safeParse(migrated.collection);
  if (!parsed.success) {
    addZodIssues(problems, parsed.error);
    return { ok: false, errors: problems.lines() };
  }
  const annotations = parsed.data.first.items;
  const tombstones = parsed.data.tombstones ?? [];
  const errors = [
    ...futureTimes(annotations, tombstones, (context.now ?? new Date()).getTime()),
    ...unknownDocuments(annotations, context.knownDocIds),
    ...conflicts(annotations, context.local),
  ];
  if (errors.length > 0) return refuse(errors);
  return { ok: true, incoming: { annotations, tombstones }, fromVersion: migrated.fromVersion };
}

type Migrated =
  | { ok: true; collection: Record<string, unknown>; fromVersion: number }
  | { ok: false; problem: ProblemLine };

/** Runs the database migrations over the file's items and tombstones. */
function migrateItems(raw: Record<string, unknown>): Migrated {
  const first = isPlainObject(raw.first) ? raw.first : null;
  const outcome = migrateAnnotationsDocument({
    schemaVersion: raw.schemaVersion,
    annotations: first?.items,
    tombstones: raw.tombstones ?? [],
  });
  if (!outcome.ok) {
    return {
      ok: false,
      problem:
        outcome.reason === 'unversioned'
          ? { ...outcome.problem, outcome: messageRef('problems:outcome.notExported') }
          : outcome.problem,
    };
  }
  const collection: Record<string, unknown> = {
    ...raw,
    schemaVersion: outcome.doc.schemaVersion,
    tombstones: outcome.doc.tombstones,
  };
  if (first) collection.first = { ...first, items: outcome.doc.annotations };
  return { ok: true, collection, fromVersion: outcome.fromVersion };
}

function futureTimes(
  annotations: readonly Annotation[],
  tombstones: readonly Tombstone[],
  now: number,
): ProblemLine[] {
  const tooLate = (time: string) => Date.parse(time) > now + MAX_CLOCK_AHEAD_MS;
  const stampTooLate = (rev: Hlc) => wallOf(rev) > now + MAX_CLOCK_AHEAD_MS;
  const future = (path: string) => problemLine(path, 'problems:annotationsImport.future');
  const check = (item: { rev: Hlc }, time: string, path: string, timeField: string) => [
    ...(tooLate(time) ? [future(`${path}.${timeField}`)] : []),
    ...(stampTooLate(item.rev) ? [future(`${path}.rev`)] : []),
  ];
  return [
    ...annotations.flatMap((a, index) => check(a, a.modified, `first.items.${index}`, 'modified')),
    ...tombstones.flatMap((t, index) => check(t, t.deleted, `tombstones.${index}`, 'deleted')),
  ];
}

function unknownDocuments(
  annotations: readonly Annotation[],
  known: ReadonlySet<string>,
): ProblemLine[] {
  return annotations.flatMap((a, index) =>
    known.has(a.target.docId)
      ? []
      : [
          problemLine(
            `first.items.${index}.target.docId`,
            'problems:annotationsImport.unknownDoc',
            {
              docId: a.target.docId,
            },
          ),
        ],
  );
}

/** Same id, same stamp, different content: no rule could say which edit is the real one. */
function conflicts(annotations: readonly Annotation[], local: AnnotationSet): ProblemLine[] {
  const ours = new Map(local.annotations.map((a) => [a.id, a]));
  return annotations.flatMap((a, index) => {
    const mine = ours.get(a.id);
    if (!mine || mine.rev !== a.rev || sameData(mine, a)) {
      return [];
    }
    return [problemLine(`first.items.${index}.id`, 'problems:annotationsImport.conflict')];
  });
}

/**
 * Checks the annotations and tombstones one at a time before the whole collection is checked:
 * checked whole, 50,000 items full of empty bodies made zod build millions of issues at once (77 s
 * and 1.7 GB); one by one, memory holds one item's issues and checking stops once enough problems
 * are known. Item problems come first; the collection's own are listed once the items pass.
 */
function checkItemsOneByOne(collection: Record<string, unknown>, problems: ProblemList): void {
  const first = isPlainObject(collection.first) ? collection.first : {};
  const lists = [
    [first.items, annotationSchema, ['first', 'items'], ANNOTATION_LIMITS.annotations],
    [collection.tombstones, tombstoneSchema, ['tombstones'], ANNOTATION_LIMITS.tombstones],
  ] as const;
  for (const [items, schema, path, limit] of lists) {
    if (isListToCheckItemByItem(items, limit)) parseEachItem(schema, items, path, problems);
  }
}

/** At most 25 problems listed, each cut to a readable length, then how many more. */
function refuse(errors: readonly ProblemLine[]): ImportResult {
  return { ok: false, errors: capErrors(errors) };
}
