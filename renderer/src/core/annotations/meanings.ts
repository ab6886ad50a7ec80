/**
 * What a highlight means. Stored as the value of a `classifying` TextualBody, so these values are
 * part of the exchange format: never rename one, only add. The UI words each one (its label is
 * shown next to the highlight colour, never colour alone).
 */
export const MEANINGS = ['important', 'question', 'idea', 'concern'] as const;
export type Meaning = (typeof MEANINGS)[number];

/** True when `value` is one of the four meanings. */
export function isMeaning(value: string): value is Meaning {
  return (MEANINGS as readonly string[]).includes(value);
}
