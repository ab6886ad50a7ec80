import { z } from 'zod';
import { formatByteSize, MIB } from '../../../../../electron/shared/byteSize';
import { BACKUP_KIND } from '../export/backup';
import { checkIntegrity } from '../integrity';
import { isPlainObject, migratePlannerDocument } from '../migrations';
import { LIMITS, plannerDatabaseSchema, type PlannerDatabase } from '../schema';
import { addZodIssues } from '../../safeJson/formatZodIssues';
import { isListToCheckItemByItem, parseEachItem } from '../../safeJson/parseEachItem';
import { parseUntrustedJson, type UntrustedJsonRefusal } from '../../safeJson/parseUntrustedJson';
import { capErrors, ProblemList } from '../../safeJson/ProblemList';
import { messageRef, type MessageRef } from '../../common/messageRef';
import { problemLine, type ProblemLine } from '../../common/problemLine';
import { foundProblem } from '../../store/migrateDocument';

/** Largest backup accepted: 20 MB (10,000 tasks take about 6 MB). */
export const MAX_BACKUP_BYTES = 20 * MIB;

/** A backup that passed every check, brought up to the current format. */
export interface ValidBackup {
  ok: true;
  database: PlannerDatabase;
  exportedAt: string;
  /** Set when the file was in an older format and was migrated. */
  migratedFrom?: number;
}

/**
 * A refused backup: `message` names the sentence that says what is wrong (a `planner:backupRefused`
 * message, which the UI words); `problems` lists problem lines, at most 25, then "(file): and N
 * more problems".
 */
export interface RefusedBackup {
  ok: false;
  message: MessageRef;
  problems: ProblemLine[];
}

const envelopeSchema = z.strictObject({
  app: z.string().max(100),
  kind: z.literal(BACKUP_KIND),
  schemaVersion: z.number(),
  exportedAt: z.iso.datetime({ offset: true, error: 'problems:field.isoDateTime' }),
  planner: z.record(z.string(), z.unknown()),
});

/** What the bounded reader's refusals mean for a planner backup (`planner:backupRefused.<key>`). */
const READER_REFUSALS: Readonly<Record<UntrustedJsonRefusal, string>> = {
  empty: 'empty',
  'too-large': 'tooLarge',
  'not-json': 'notJson',
  'too-complex': 'tooComplex',
  'forbidden-keys': 'forbiddenKeys',
};

/**
 * `problems` are lines already bounded: the reader's, a `ProblemList`'s, or `capErrors` of lines
 * written here (which may quote the file, such as a "kind" of megabytes).
 */
function refuse(reason: string, problems: readonly ProblemLine[] = []): RefusedBackup {
  return {
    ok: false,
    // Every sentence starts "The file was not imported and nothing was changed." in English.
    message: messageRef(`planner:backupRefused.${reason}`, {
      limit: formatByteSize(MAX_BACKUP_BYTES, 'limit'),
    }),
    problems: [...problems],
  };
}

/**
 * Reads a planner backup and checks all of it before anything changes: size, JSON syntax, keys
 * that could pollute prototypes and shapes that cost more memory than their size (through the
 * one bounded reader, `parseUntrustedJson`), the envelope (`kind`, `schemaVersion`), every field,
 * then every cross-reference (plans, phases, dependencies, loops). Older formats are migrated; a
 * newer format is refused. Time and memory stay proportional to the file, and at most 25 problems
 * are listed. Never throws.
 */
export function parseBackup(text: string): ValidBackup | RefusedBackup {
  const json = parseUntrustedJson(text, { maxBytes: MAX_BACKUP_BYTES });
  if (!json.ok) {
    const quiet = json.reason === 'empty' || json.reason === 'too-large';
    return refuse(READER_REFUSALS[json.reason], quiet ? [] : json.errors);
  }
  const raw = json.value;
  if (!isPlainObject(raw) || raw.kind !== BACKUP_KIND) {
    return refuse(
      'notABackup',
      capErrors([
        isPlainObject(raw)
          ? foundProblem('kind', 'problems:backup.kind', { kind: BACKUP_KIND }, raw.kind)
          : problemLine('kind', 'problems:backup.kindNoObject', { kind: BACKUP_KIND }),
      ]),
    );
  }
  // The version comes before the header check: a newer version may have added header fields,
  // and "update OnMuni Toolkit" is then the useful answer, not a list of unknown keys.
  const planner = isPlainObject(raw.planner) ? raw.planner : {};
  const migrated = migratePlannerDocument({ ...planner, schemaVersion: raw.schemaVersion });
  if (!migrated.ok) {
    return refuse(
      migrated.reason === 'newer' ? 'newerVersion' : 'unknownVersion',
      capErrors([migrated.problem]),
    );
  }
  const problems = new ProblemList();
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    addZodIssues(problems, envelope.error);
    return refuse('header', problems.lines());
  }
  const database = validatedDatabase(migrated.doc, problems);
  if (!database) {
    return refuse('contents', problems.lines());
  }
  checkIntegrity(database, { problems, pathPrefix: 'planner.' });
  if (problems.size > 0) {
    return refuse('references', problems.lines());
  }
  const result: ValidBackup = { ok: true, database, exportedAt: envelope.data.exportedAt };
  if (migrated.fromVersion < database.schemaVersion) result.migratedFrom = migrated.fromVersion;
  return result;
}

/** The database's lists, checked item by item when within their size limit. */
const ITEM_LISTS = ['plans', 'tasks', 'assessments'] as const;
type ItemList = (typeof ITEM_LISTS)[number];

/**
 * `plannerDatabaseSchema`, applied so that a file of many invalid items stays cheap: each list
 * within its limit is checked one item at a time (stopping once enough problems are known); the
 * rest of the document is checked whole, with lists over their limit left in place. Null
 * (problems added) when invalid.
 */
function validatedDatabase(
  doc: Record<string, unknown>,
  problems: ProblemList,
): PlannerDatabase | null {
  const shape = plannerDatabaseSchema.shape;
  const frame: Record<string, unknown> = { ...doc };
  const itemwise = new Set(
    ITEM_LISTS.filter((key) => isListToCheckItemByItem(doc[key], LIMITS[key])),
  );
  for (const key of itemwise) frame[key] = [];
  const head = plannerDatabaseSchema.safeParse(frame);
  if (!head.success) addZodIssues(problems, head.error, ['planner']);
  const each = <T extends z.ZodType>(schema: T, key: ItemList) =>
    itemwise.has(key)
      ? parseEachItem(schema, doc[key] as unknown[], ['planner', key], problems)
      : null;
  const plans = each(shape.plans.element, 'plans');
  const tasks = each(shape.tasks.element, 'tasks');
  const assessments = each(shape.assessments.element, 'assessments');
  if (!head.success || !plans || !tasks || !assessments) return null;
  return { ...head.data, plans, tasks, assessments };
}
