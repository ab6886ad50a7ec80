import type { z } from 'zod';
import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import { firstIssue, notAList } from '../store/keepValidItems';
import type { ParsedDocument } from '../store/DocumentStorage';
import { compareRevisions, compareTombstones } from './canonical';
import { isPlainObject, migrateAnnotationsDocument } from './migrations';
import {
  annotationSchema,
  annotationsDatabaseSchema,
  emptyAnnotationsDatabase,
  tombstoneSchema,
  type AnnotationsDatabase,
} from './schema';

/**
 * Turns the stored annotations document (any JSON value) into the current database. Never throws.
 * A valid document (after migration) is returned as is. Anything else is salvaged item by item:
 * invalid annotations and tombstones are dropped, and of two copies with the same id the one that
 * would win a merge is kept; every change is listed in `issues` as `path: what happened`. The
 * store keeps the original text aside before the salvaged data can be saved over it.
 */
export function parseAnnotationsDocument(raw: unknown): ParsedDocument<AnnotationsDatabase> {
  if (!isPlainObject(raw)) {
    return {
      data: emptyAnnotationsDatabase(),
      issues: [
        withOutcome(
          problemLine(undefined, 'problems:stored.notAnnotations'),
          'problems:outcome.noAnnotations',
        ),
      ],
    };
  }
  const issues: ProblemLine[] = [];
  let doc = raw;
  let fromVersion: number | undefined;
  const migrated = migrateAnnotationsDocument(raw);
  if (migrated.ok) {
    doc = migrated.doc;
    fromVersion = migrated.fromVersion;
    const parsed = annotationsDatabaseSchema.safeParse(doc);
    if (parsed.success) return withVersion({ data: parsed.data, issues }, fromVersion);
  } else {
    issues.push(withOutcome(migrated.problem, 'problems:outcome.keptKnown'));
  }
  const data = emptyAnnotationsDatabase();
  data.annotations = keepValid(
    doc.annotations,
    'annotations',
    issues,
    annotationSchema,
    compareRevisions,
  );
  data.tombstones = keepValid(
    doc.tombstones,
    'tombstones',
    issues,
    tombstoneSchema,
    compareTombstones,
  );
  return withVersion({ data, issues }, fromVersion);
}

function withVersion(
  parsed: ParsedDocument<AnnotationsDatabase>,
  fromVersion: number | undefined,
): ParsedDocument<AnnotationsDatabase> {
  return fromVersion !== undefined && fromVersion < parsed.data.schemaVersion
    ? { ...parsed, migratedFrom: fromVersion }
    : parsed;
}

/** Keeps the valid items of a stored list; of two with one id, keeps the one a merge would. */
function keepValid<T extends { id: string }>(
  list: unknown,
  name: string,
  issues: ProblemLine[],
  schema: z.ZodType<T>,
  compare: (a: T, b: T) => number,
): T[] {
  if (!Array.isArray(list)) {
    issues.push(notAList(name));
    return [];
  }
  const kept = new Map<string, T>();
  list.forEach((item: unknown, index) => {
    const checked = schema.safeParse(item);
    if (!checked.success) {
      issues.push(
        withOutcome(firstIssue(checked.error, [name, index]), 'problems:outcome.dropped'),
      );
      return;
    }
    const parsed = checked.data;
    const earlier = kept.get(parsed.id);
    if (earlier) {
      issues.push(
        withOutcome(
          problemLine(`${name}.${index}.id`, 'problems:stored.listedTwice', { id: parsed.id }),
          'problems:outcome.keptLater',
        ),
      );
      if (compare(parsed, earlier) <= 0) return;
    }
    kept.set(parsed.id, parsed);
  });
  return [...kept.values()];
}
