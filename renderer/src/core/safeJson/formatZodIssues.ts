import { z } from 'zod';
import { problemLine, type ProblemLine } from '../common/problemLine';
import { ProblemList, problemPath } from './ProblemList';

/** A path inside a checked value, as zod and our problem lines count it. */
export type IssuePath = readonly (string | number)[];

/**
 * Custom refusals in our schemas are catalogue keys (`problems:field.tooLong`), never words:
 * `{ error: PROBLEM_KEY.tooLong }`. Their values come from the issue (`maximum`, `minimum`) and
 * from `params`.
 */
const KEY_PREFIX = 'problems:';

/**
 * Turns zod's issues into problem lines: the one reading of a schema's complaints, used by
 * imports, stored data and inputs. `prefix` is prepended to each path, for values checked inside
 * a larger document. With `max`, at most that many are listed, then "(file): and N more
 * problems".
 */
export function formatZodIssues(
  error: z.ZodError,
  prefix: IssuePath = [],
  max = Infinity,
): ProblemLine[] {
  const problems = new ProblemList(max, Infinity);
  addZodIssues(problems, error, prefix);
  return problems.lines();
}

/** Adds zod's issues to `problems`; a line is built only for an issue that is listed. */
export function addZodIssues(
  problems: ProblemList,
  error: z.ZodError,
  prefix: IssuePath = [],
): void {
  for (const issue of error.issues) {
    problems.add(() => {
      const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      const { key, values } = zodIssueMessage(issue);
      return problemLine(problemPath(path), key, values);
    });
  }
}

/** What zod's English locale says for `issue` (the issues our keys stand for say exactly this). */
function zodEnglish(issue: z.core.$ZodIssue): string | undefined {
  const said = englishErrors(issue as unknown as z.core.$ZodRawIssue);
  return typeof said === 'string' ? said : said?.message;
}
const englishErrors = z.locales.en().localeError;

/** Sizes zod words as "to have N <unit>" rather than "to be N". */
const SIZED_ORIGINS: ReadonlySet<string> = new Set(['string', 'array', 'set', 'map', 'file']);

/**
 * The catalogue message for one zod issue: the schema's own key for our custom refusals, else
 * zod's default wording mapped by issue code (the `problems:zod.*` keys say in English exactly
 * what zod's English locale says). Codes our schemas do not produce keep zod's text as a value.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue): {
  key: string;
  values?: Record<string, string | number>;
} {
  if (issue.message.startsWith(KEY_PREFIX)) {
    const values: Record<string, string | number> = {};
    if ('maximum' in issue) values.maximum = String(issue.maximum);
    if ('minimum' in issue) values.minimum = String(issue.minimum);
    if (issue.code === 'invalid_value') values.expected = z.core.util.joinValues(issue.values, '|');
    const params = issue.code === 'custom' ? issue.params : undefined;
    for (const [name, value] of Object.entries(params ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    }
    return { key: issue.message, values };
  }
  const other = { key: 'problems:zod.other', values: { message: issue.message } };
  // A message of a schema outside our stored data (or one not yet a key) is kept as it is.
  if (issue.code !== 'invalid_type' && issue.message !== zodEnglish(issue)) return other;
  switch (issue.code) {
    case 'invalid_type': {
      // The final issue no longer holds the input; zod's message names what it received.
      const received = /, received (.+)$/.exec(issue.message)?.[1];
      if (received === undefined) return other;
      return { key: 'problems:zod.invalidType', values: { expected: issue.expected, received } };
    }
    case 'too_big':
    case 'too_small': {
      if (issue.exact === true) return other;
      const big = issue.code === 'too_big';
      const bound = String(big ? issue.maximum : issue.minimum);
      const relation = `${big ? '<' : '>'}${issue.inclusive === true ? '=' : ''}`;
      const origin = issue.origin;
      const kind = SIZED_ORIGINS.has(origin) ? origin : 'value';
      return {
        key: `problems:zod.${big ? 'tooBig' : 'tooSmall'}.${kind}`,
        values: { origin, relation, bound },
      };
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? {
            key: 'problems:zod.invalidValue.one',
            values: { value: z.core.util.stringifyPrimitive(issue.values[0]) },
          }
        : {
            key: 'problems:zod.invalidValue.many',
            values: { values: z.core.util.joinValues(issue.values, '|') },
          };
    case 'unrecognized_keys':
      return {
        key: 'problems:zod.unrecognizedKeys',
        values: { count: issue.keys.length, keys: z.core.util.joinValues(issue.keys, ', ') },
      };
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern !== undefined
        ? { key: 'problems:zod.invalidFormat.regex', values: { pattern: issue.pattern } }
        : other;
    default:
      return other;
  }
}
