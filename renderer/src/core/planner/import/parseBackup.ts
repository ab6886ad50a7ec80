import { z } from 'zod';
import { BACKUP_KIND } from '../export/backup';
import { checkIntegrity } from '../integrity';
import { isPlainObject, migratePlannerDocument } from '../migrations';
import { formatZodIssues, plannerDatabaseSchema, type PlannerDatabase } from '../schema';
import { findUnsafeStructure, utf8ByteLength } from '../../safeJson/parseUntrustedJson';

/** Largest backup accepted: 20 MB (10,000 tasks take about 6 MB). */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

/** Most problems listed in a refusal; a wrong file can have thousands, and the first few say enough. */
const MAX_LISTED = 25;

/** A backup that passed every check, brought up to the current format. */
export interface ValidBackup {
  ok: true;
  database: PlannerDatabase;
  exportedAt: string;
  /** Set when the file was in an older format and was migrated. */
  migratedFrom?: number;
}

/** A refused backup: `message` says what is wrong in a sentence; `problems` lists `path: message`. */
export interface RefusedBackup {
  ok: false;
  message: string;
  problems: string[];
}

const envelopeSchema = z.strictObject({
  app: z.string().max(100),
  kind: z.literal(BACKUP_KIND),
  schemaVersion: z.number(),
  exportedAt: z.iso.datetime({ offset: true, error: 'must be a date and time in ISO 8601 form' }),
  planner: z.record(z.string(), z.unknown()),
});

function refuse(message: string, problems: string[] = []): RefusedBackup {
  const listed =
    problems.length > MAX_LISTED
      ? [...problems.slice(0, MAX_LISTED), `…and ${problems.length - MAX_LISTED} more problems`]
      : problems;
  return {
    ok: false,
    message: `The file was not imported and nothing was changed. ${message}`,
    problems: listed,
  };
}

/**
 * Reads a planner backup and checks all of it before anything changes: size, JSON syntax, keys
 * that could pollute prototypes, the envelope (`kind`, `schemaVersion`), every field, then every
 * cross-reference (plans, phases, dependencies, loops). Older formats are migrated; a newer format
 * is refused. Never throws.
 */
export function parseBackup(text: string): ValidBackup | RefusedBackup {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_BACKUP_BYTES) {
    return refuse(
      `It is ${(bytes / 1024 / 1024).toFixed(1)} MB; a planner backup can be at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB.`,
    );
  }
  // Editors on Windows may add a byte-order mark; it is not part of the JSON.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return refuse('The file is empty.');

  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`It is not valid JSON, so it may be cut off or damaged (${detail}).`, [
      `(file): ${detail}`,
    ]);
  }

  const unsafe = findUnsafeStructure(raw);
  if (unsafe.length > 0)
    return refuse('It contains keys that are not allowed in a planner file.', unsafe);

  if (!isPlainObject(raw) || raw.kind !== BACKUP_KIND) {
    return refuse(
      'It is not an OnMuni Toolkit planner backup (its "kind" is not "onmuni-planner-backup").',
      [
        `kind: expected "${BACKUP_KIND}", found ${isPlainObject(raw) ? (JSON.stringify(raw.kind) ?? 'nothing') : 'no object'}`,
      ],
    );
  }
  // The version comes before the header check: a newer version may have added header fields,
  // and "update OnMuni Toolkit" is then the useful answer, not a list of unknown keys.
  const planner = isPlainObject(raw.planner) ? raw.planner : {};
  const migrated = migratePlannerDocument({ ...planner, schemaVersion: raw.schemaVersion });
  if (!migrated.ok) {
    return refuse(
      migrated.reason === 'newer'
        ? 'It was made by a newer version of OnMuni Toolkit. Update OnMuni Toolkit, then import it again.'
        : 'Its schemaVersion is missing or not a format this version knows.',
      [migrated.message],
    );
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return refuse('Its header is not that of a planner backup.', formatZodIssues(envelope.error));
  }

  const parsed = plannerDatabaseSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return refuse(
      'Some of its contents do not match the planner format.',
      formatZodIssues(parsed.error, ['planner']),
    );
  }
  const broken = checkIntegrity(parsed.data);
  if (broken.length > 0) {
    return refuse(
      'Some of its tasks refer to plans, phases or tasks that are missing, or depend on each other in a loop.',
      broken.map((p) => `planner.${p}`),
    );
  }
  const result: ValidBackup = {
    ok: true,
    database: parsed.data,
    exportedAt: envelope.data.exportedAt,
  };
  if (migrated.fromVersion < parsed.data.schemaVersion) result.migratedFrom = migrated.fromVersion;
  return result;
}
