import type { z } from 'zod';
import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import { formatZodIssues } from '../safeJson/formatZodIssues';

/**
 * Keeps the items of a stored list that pass their schema and have an id not seen before; each
 * item dropped adds a line to `issues` (`name.index...: what was wrong; item dropped`).
 */
export function keepValidItems<S extends z.ZodType<{ id: string }>>(
  list: unknown,
  name: string,
  schema: S,
  issues: ProblemLine[],
): z.output<S>[] {
  if (!Array.isArray(list)) {
    issues.push(notAList(name));
    return [];
  }
  const kept: z.output<S>[] = [];
  const ids = new Set<string>();
  list.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      issues.push(withOutcome(firstIssue(parsed.error, [name, index]), 'problems:outcome.dropped'));
    } else if (ids.has(parsed.data.id)) {
      issues.push(
        withOutcome(
          problemLine(`${name}.${index}.id`, 'problems:stored.usedTwice', { id: parsed.data.id }),
          'problems:outcome.secondDropped',
        ),
      );
    } else {
      ids.add(parsed.data.id);
      kept.push(parsed.data);
    }
  });
  return kept;
}

/** The first of zod's issues for a stored item, at `path` (each dropped item gets one line). */
export function firstIssue(error: z.ZodError, path: (string | number)[]): ProblemLine {
  return (
    formatZodIssues(error, path, 1)[0] ?? problemLine(path.join('.'), 'problems:stored.invalid')
  );
}

/** "name: expected a list; started with none". */
export function notAList(name: string): ProblemLine {
  return withOutcome(
    problemLine(name, 'problems:stored.notAList'),
    'problems:outcome.startedWithNone',
  );
}
