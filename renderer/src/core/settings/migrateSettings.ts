import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import type { ParsedDocument } from '../store/DocumentStorage';
import type { Settings } from './settingsSchema';
import {
  AUTHOR_NAME_MAX,
  SETTINGS_VERSION,
  defaultSettings,
  settingsFieldSchemas,
} from './settingsSchema';

type RawDocument = Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Version 0 is any settings object written without a
 * `version` field (before the format was versioned): its fields already had today's names, so the
 * migration only stamps the version. Version 1 had no language: the interface spoke English only,
 * and nobody had chosen it, so the language follows the system (`null`), as on a first start.
 */
const MIGRATIONS: Readonly<Record<number, (doc: RawDocument) => RawDocument>> = {
  0: (doc) => ({ ...doc, version: 1 }),
  1: (doc) => ({ ...doc, version: 2, language: null }),
};

const FIELD_NAMES = Object.keys(settingsFieldSchemas) as (keyof typeof settingsFieldSchemas)[];

/**
 * What each field should hold, in words a user can act on (zod's messages are for developers):
 * `problems:settings.expected.<field>`, with these values.
 */
const EXPECTED_VALUES: Record<(typeof FIELD_NAMES)[number], Record<string, number>> = {
  theme: {},
  textSize: {},
  authorName: { maximum: AUTHOR_NAME_MAX },
  language: {},
};

/**
 * Turns a stored settings document of any version (or any JSON value at all) into current
 * settings. Never throws: each field that is missing or invalid gets its default, and every
 * change other than a clean migration is listed in `issues` as `field: what happened`.
 */
export function parseSettings(raw: unknown): ParsedDocument<Settings> {
  const defaults = defaultSettings();
  if (!isPlainObject(raw)) {
    return {
      data: defaults,
      issues: [
        withOutcome(
          problemLine(undefined, 'problems:settings.notAnObject', { context: describe(raw) }),
          'problems:outcome.allReset',
        ),
      ],
    };
  }

  const issues: ProblemLine[] = [];
  const { doc, fromVersion } = migrate(raw, issues);

  const data: Settings = { ...defaults };
  for (const field of FIELD_NAMES) {
    if (!(field in doc)) {
      // A field added after the document was written is expected to be missing: not an issue.
      if (fromVersion === SETTINGS_VERSION)
        issues.push(
          withOutcome(problemLine(field, 'problems:settings.missing'), 'problems:outcome.setTo', {
            value: show(defaults[field]),
          }),
        );
      continue;
    }
    const result = settingsFieldSchemas[field].safeParse(doc[field]);
    if (result.success) {
      // The per-field schema guarantees the type; TypeScript cannot follow the indexed assignment.
      (data as Record<string, unknown>)[field] = result.data;
    } else {
      issues.push(
        withOutcome(
          problemLine(field, `problems:settings.expected.${field}`, {
            ...EXPECTED_VALUES[field],
            found: show(doc[field]),
          }),
          'problems:outcome.resetTo',
          { value: show(defaults[field]) },
        ),
      );
    }
  }
  for (const key of Object.keys(doc)) {
    if (key !== 'version' && !(FIELD_NAMES as string[]).includes(key)) {
      issues.push(
        withOutcome(problemLine(key, 'problems:settings.unknown'), 'problems:outcome.droppedAlone'),
      );
    }
  }

  return fromVersion < SETTINGS_VERSION
    ? { data, issues, migratedFrom: fromVersion }
    : { data, issues };
}

/** Applies migrations in order from the document's version up to the current one. */
function migrate(
  raw: RawDocument,
  issues: ProblemLine[],
): { doc: RawDocument; fromVersion: number } {
  const stated = raw.version;
  let fromVersion: number;
  if (stated === undefined) {
    fromVersion = 0;
  } else if (typeof stated === 'number' && Number.isInteger(stated) && stated >= 0) {
    fromVersion = stated;
  } else {
    issues.push(
      withOutcome(
        problemLine('version', 'problems:settings.versionNotWhole', { found: show(stated) }),
        'problems:outcome.readAsZero',
      ),
    );
    fromVersion = 0;
  }

  if (fromVersion > SETTINGS_VERSION) {
    issues.push(
      withOutcome(
        problemLine('version', 'problems:settings.newer', {
          version: fromVersion,
          current: SETTINGS_VERSION,
        }),
        'problems:outcome.knownKept',
      ),
    );
    return { doc: { ...raw, version: SETTINGS_VERSION }, fromVersion };
  }

  let doc = raw;
  for (let v = fromVersion; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No settings migration from version ${v}`); // a programming error
    doc = step(doc);
  }
  return { doc, fromVersion };
}

function isPlainObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What was found instead of an object, as the message's i18next context ("found a list"). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
