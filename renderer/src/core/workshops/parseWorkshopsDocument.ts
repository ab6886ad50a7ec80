import type { z } from 'zod';
import { formatZodIssues } from '../safeJson/formatZodIssues';
import type { ParsedDocument } from '../store/DocumentStorage';
import { migrateWorkshopsDocument } from './migrations';
import {
  emptyWorkshopsDatabase,
  sessionSchema,
  userWorkshopSchema,
  workshopsDatabaseSchema,
  type WorkshopsDatabase,
} from './schema';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns the stored workshops document (any JSON value) into the current database. Never throws.
 * A valid document (after migration) is returned as is; anything else is salvaged item by item:
 * invalid workshops and sessions are dropped and each drop is listed in `issues` as
 * `path: what happened`. The store keeps the original text aside before saving over it.
 */
export function parseWorkshopsDocument(raw: unknown): ParsedDocument<WorkshopsDatabase> {
  if (!isPlainObject(raw))
    return {
      data: emptyWorkshopsDatabase(),
      issues: ['(document): expected a workshops object; started with no workshops'],
    };
  const issues: string[] = [];
  let doc = raw;
  let fromVersion: number | undefined;
  const migrated = migrateWorkshopsDocument(raw);
  if (migrated.ok) {
    doc = migrated.doc;
    fromVersion = migrated.fromVersion;
    const parsed = workshopsDatabaseSchema.safeParse(doc);
    if (parsed.success)
      return fromVersion < parsed.data.schemaVersion
        ? { data: parsed.data, issues, migratedFrom: fromVersion }
        : { data: parsed.data, issues };
  } else issues.push(`${migrated.message}; kept what this version understands`);

  const data = emptyWorkshopsDatabase();
  data.workshops = keepValid(doc.workshops, 'workshops', userWorkshopSchema, issues);
  data.sessions = keepValid(doc.sessions, 'sessions', sessionSchema, issues);
  return fromVersion !== undefined && fromVersion < data.schemaVersion
    ? { data, issues, migratedFrom: fromVersion }
    : { data, issues };
}

/** Keeps the items of a stored list that pass their schema and have an id not seen before. */
function keepValid<S extends z.ZodType<{ id: string }>>(
  list: unknown,
  name: string,
  schema: S,
  issues: string[],
): z.output<S>[] {
  if (!Array.isArray(list)) {
    issues.push(`${name}: expected a list; started with none`);
    return [];
  }
  const kept: z.output<S>[] = [];
  const ids = new Set<string>();
  list.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const first = formatZodIssues(parsed.error, [name, index])[0] ?? `${name}.${index}: invalid`;
      issues.push(`${first}; item dropped`);
    } else if (ids.has(parsed.data.id)) {
      issues.push(`${name}.${index}.id: "${parsed.data.id}" is used twice; second one dropped`);
    } else {
      ids.add(parsed.data.id);
      kept.push(parsed.data);
    }
  });
  return kept;
}
