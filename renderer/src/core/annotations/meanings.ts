/**
 * What a highlight means. Stored as the value of a `classifying` TextualBody, so these values are
 * part of the exchange format: never rename one, only add.
 */
export const MEANINGS = ['important', 'question', 'idea', 'concern'] as const;
export type Meaning = (typeof MEANINGS)[number];

/** Labels shown next to each highlight colour (never colour alone). */
export const MEANING_LABELS: Readonly<Record<Meaning, string>> = {
  important: 'Important',
  question: 'Question',
  idea: 'Idea for us',
  concern: 'Concern',
};

/** True when `value` is one of the four meanings. */
export function isMeaning(value: string): value is Meaning {
  return (MEANINGS as readonly string[]).includes(value);
}
