import type { z } from 'zod';
import { addZodIssues, type IssuePath } from './formatZodIssues';
import type { ProblemList } from './ProblemList';

/**
 * Checks each of `items` with `itemSchema` on its own, adding the issues of invalid ones to
 * `problems` under `prefix.<index>`, and stops once `problems` is full. Checked as one array,
 * 20,000 tasks of 200 invalid values each make zod build 4 million issues (16 s, 2.4 GB); one by
 * one, memory holds one item's issues and the work ends after about 10,000 problems. Returns the
 * parsed items when all were valid, else null.
 */
export function parseEachItem<T extends z.ZodType>(
  itemSchema: T,
  items: readonly unknown[],
  prefix: IssuePath,
  problems: ProblemList,
): z.output<T>[] | null {
  const before = problems.size;
  const parsed: z.output<T>[] = [];
  for (let index = 0; index < items.length; index++) {
    if (problems.full) return null; // not every item was checked
    const result = itemSchema.safeParse(items[index]);
    if (result.success) parsed.push(result.data);
    else addZodIssues(problems, result.error, [...prefix, index]);
  }
  return problems.size === before ? parsed : null;
}

/**
 * True for a list to check with `parseEachItem`: an array within its schema's length limit. A
 * longer one is left to the schema of the whole document, which refuses it by its length alone,
 * without reading (or building issues for) its items.
 */
export function isListToCheckItemByItem(list: unknown, limit: number): list is unknown[] {
  return Array.isArray(list) && list.length <= limit;
}
