import { z } from 'zod';
import { LIBRARY_DOC_ID_PATTERN, type DocId } from '../content/ids';

/*
 * zod pieces shared by the schemas of stored data (planner, workshops, annotations). Backups and
 * imports can carry any of these fields, so each is checked, and its refusal named, the same way
 * in every feature. Refusals are `problems:field.*` catalogue keys, never words: the UI words them
 * (see `zodIssueMessage`, which adds the issue's `maximum` and `minimum` as values).
 */

/** Text of at most `max` characters (it may be empty). */
export const boundedText = (max: number) =>
  z.string().max(max, { error: 'problems:field.tooLong' });

/** Text of at most `max` characters that is not empty or only spaces. */
export const requiredText = (max: number) =>
  boundedText(max).refine((value) => value.trim() !== '', { error: 'problems:field.blank' });

/** A reference to a document by its id (the document itself may since have been removed). */
export const storedDocId = z
  .string()
  .regex(LIBRARY_DOC_ID_PATTERN, { error: 'problems:field.docId' })
  .transform((value) => value as DocId);

/** True when no item appears twice (compared as a `Set` compares: by value or by identity). */
export function hasNoRepeats(list: readonly unknown[]): boolean {
  return new Set(list).size === list.length;
}

/**
 * A list of at most `max` items, none twice. `what` names the items in the refusals, e.g.
 * "documents": "must list at most 100 documents", "lists the same document twice".
 */
export const uniqueList = <T extends z.ZodType>(
  item: T,
  max: number,
  what: 'documents' | 'tasks',
) =>
  z
    .array(item)
    .max(max, { error: `problems:field.tooMany.${what}` })
    .refine(hasNoRepeats, { error: `problems:field.repeated.${what}` });
