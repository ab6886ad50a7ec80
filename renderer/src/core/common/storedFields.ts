import { z } from 'zod';
import { DOC_ID_PATTERN, type DocId } from '../content/ids';

/*
 * zod pieces shared by the schemas of stored data (planner, workshops, annotations). Backups and
 * imports can carry any of these fields, so each is checked, and its refusal worded, the same way
 * in every feature.
 */

/** Text of at most `max` characters (it may be empty). */
export const boundedText = (max: number) =>
  z.string().max(max, { error: `must be at most ${max} characters` });

/** Text of at most `max` characters that is not empty or only spaces. */
export const requiredText = (max: number) =>
  boundedText(max).refine((value) => value.trim() !== '', { error: 'must not be blank' });

/** A reference to a document by its id (the document itself may since have been removed). */
export const storedDocId = z
  .string()
  .regex(DOC_ID_PATTERN, { error: 'must be a document id such as guide-1-assess-readiness' })
  .transform((value) => value as DocId);

/** True when no item appears twice (compared as a `Set` compares: by value or by identity). */
export function hasNoRepeats(list: readonly unknown[]): boolean {
  return new Set(list).size === list.length;
}

/**
 * A list of at most `max` items, none twice. `what` is the plural the refusals name, e.g.
 * "documents": "must list at most 100 documents", "lists the same document twice".
 */
export const uniqueList = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max, { error: `must list at most ${max} ${what}` })
    .refine(hasNoRepeats, { error: `lists the same ${what.replace(/s$/, '')} twice` });
