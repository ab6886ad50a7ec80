import type { z } from 'zod';
import { formatZodIssues } from '../safeJson/formatZodIssues';

/**
 * Keeps the items of a stored list that pass their schema and have an id not seen before; each
 * item dropped adds a line to `issues` (`name.index...: what was wrong; item dropped`).
 */
export function keepValidItems<S extends z.ZodType<{ id: string }>>(
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
