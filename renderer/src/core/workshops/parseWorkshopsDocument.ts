import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import { keepValidItems } from '../store/keepValidItems';
import { isPlainObject } from '../store/migrateDocument';
import type { ParsedDocument } from '../store/DocumentStorage';
import { migrateWorkshopsDocument } from './migrations';
import {
  emptyWorkshopsDatabase,
  sessionSchema,
  userWorkshopSchema,
  workshopsDatabaseSchema,
  type WorkshopsDatabase,
} from './schema';

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
      issues: [
        withOutcome(
          problemLine(undefined, 'problems:stored.notWorkshops'),
          'problems:outcome.noWorkshops',
        ),
      ],
    };
  const issues: ProblemLine[] = [];
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
  } else issues.push(withOutcome(migrated.problem, 'problems:outcome.keptKnown'));

  const data = emptyWorkshopsDatabase();
  data.workshops = keepValidItems(doc.workshops, 'workshops', userWorkshopSchema, issues);
  data.sessions = keepValidItems(doc.sessions, 'sessions', sessionSchema, issues);
  return fromVersion !== undefined && fromVersion < data.schemaVersion
    ? { data, issues, migratedFrom: fromVersion }
    : { data, issues };
}
