import { formatZodIssues } from '../safeJson/formatZodIssues';
import type { ParsedDocument } from '../store/DocumentStorage';
import { compareRevisions, compareTombstones } from './canonical';
import { isPlainObject, migrateAnnotationsDocument } from './migrations';
import {
  annotationSchema,
  annotationsDatabaseSchema,
  emptyAnnotationsDatabase,
  tombstoneSchema,
  type Annotation,
  type AnnotationsDatabase,
  type Tombstone,
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
      issues: ['(document): expected an annotations object; started with no annotations'],
    };
  }
  const issues: string[] = [];
  let doc = raw;
  let fromVersion: number | undefined;
  const migrated = migrateAnnotationsDocument(raw);
  if (migrated.ok) {
    doc = migrated.doc;
    fromVersion = migrated.fromVersion;
    const parsed = annotationsDatabaseSchema.safeParse(doc);
    if (parsed.success) return withVersion({ data: parsed.data, issues }, fromVersion);
  } else {
    issues.push(`${migrated.message}; kept what this version understands`);
  }
  const data = emptyAnnotationsDatabase();
  data.annotations = keepValid(
    doc.annotations,
    'annotations',
    issues,
    parseAnnotation,
    compareRevisions,
  );
  data.tombstones = keepValid(
    doc.tombstones,
    'tombstones',
    issues,
    parseTombstone,
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

type ItemParse<T> = (item: unknown, path: (string | number)[]) => T | string;

const parseAnnotation: ItemParse<Annotation> = (item, path) => {
  const result = annotationSchema.safeParse(item);
  return result.success ? result.data : (formatZodIssues(result.error, path)[0] ?? 'invalid');
};

const parseTombstone: ItemParse<Tombstone> = (item, path) => {
  const result = tombstoneSchema.safeParse(item);
  return result.success ? result.data : (formatZodIssues(result.error, path)[0] ?? 'invalid');
};

/** Keeps the valid items of a stored list; of two with one id, keeps the one a merge would. */
function keepValid<T extends { id: string }>(
  list: unknown,
  name: string,
  issues: string[],
  parse: ItemParse<T>,
  compare: (a: T, b: T) => number,
): T[] {
  if (!Array.isArray(list)) {
    issues.push(`${name}: expected a list; started with none`);
    return [];
  }
  const kept = new Map<string, T>();
  list.forEach((item: unknown, index) => {
    const parsed = parse(item, [name, index]);
    if (typeof parsed === 'string') {
      issues.push(`${parsed}; item dropped`);
      return;
    }
    const earlier = kept.get(parsed.id);
    if (earlier) {
      issues.push(`${name}.${index}.id: "${parsed.id}" is listed twice; kept the later version`);
      if (compare(parsed, earlier) <= 0) return;
    }
    kept.set(parsed.id, parsed);
  });
  return [...kept.values()];
}
