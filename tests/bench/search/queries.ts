import lunr from 'lunr';
import { wordSpans } from '../../../renderer/src/core/search/analyzer';
import type { SearchableDocument } from '../../../renderer/src/core/search/searchFields';
import { pick, randomInt, seededRandom, type Random } from './random';

/** The kinds of query measured, in table order. */
export const QUERY_KINDS = ['single', 'multi', 'typeahead', 'typo', 'phrase'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** Queries as a user would type them, per kind. Typeahead holds every prefix of each query. */
export type QuerySets = Record<QueryKind, string[]>;

/** How many queries of each kind (typeahead: whole queries, each typed letter by letter). */
const COUNTS = { single: 40, multi: 30, typeahead: 12, typo: 30, phrase: 30 } as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A word worth searching for: letters only, 3+ long, not an English stop word. */
function isContentWord(word: string): boolean {
  return (
    word.length >= 3 &&
    /^\p{L}+$/u.test(word) &&
    lunr.stopWordFilter(new lunr.Token(word.toLowerCase(), {})) !== undefined
  );
}

function bodyWords(doc: SearchableDocument): string[] {
  return wordSpans(doc.plainText).map((span) => span.word.toLowerCase());
}

/** One edit (substitute, delete, insert or swap) at a position after the first letter. */
function misspell(word: string, random: Random): string {
  const at = 1 + randomInt(random, word.length - 1);
  const letter = pick(random, [...LETTERS]);
  switch (randomInt(random, 4)) {
    case 0:
      return word.slice(0, at) + (letter === word[at] ? 'x' : letter) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default: {
      const [here, next] = [word.charAt(at), word.charAt(at + 1)];
      return next !== '' && here !== next
        ? word.slice(0, at) + next + here + word.slice(at + 2)
        : word.slice(0, at) + letter + word.slice(at + 1);
    }
  }
}

/** Every prefix of a query as it is typed, one keystroke at a time. */
export function typedPrefixes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

/**
 * Query sets drawn from a corpus with a fixed seed, so every engine gets the same queries.
 * - single: content words, half by frequency (what people usually type), half uniformly from
 *   the distinct vocabulary (rare words and, in generated corpora, new words);
 * - multi: 2-3 content words from one document (so an AND search has an answer);
 * - typeahead: two content words from one document, typed letter by letter;
 * - typo: content words of 5+ letters with one edit after the first letter;
 * - phrase: 2-3 consecutive words of a document, quoted, with at least one content word.
 */
export function buildQuerySets(docs: readonly SearchableDocument[], seed: number): QuerySets {
  const random = seededRandom(seed);
  const perDoc = docs.map(bodyWords);
  const contentPerDoc = perDoc.map((words) => words.filter(isContentWord));
  const withContent = contentPerDoc.filter((words) => words.length >= 3);
  const distinct = [...new Set(contentPerDoc.flat())].sort();
  const frequentWord = () => pick(random, pick(random, withContent));
  const frequentLongWord = (): string => {
    for (;;) {
      const word = frequentWord();
      if (word.length >= 5) return word;
    }
  };
  const anyWord = () => pick(random, distinct);

  const single = Array.from({ length: COUNTS.single }, (_, i) =>
    i % 2 === 0 ? frequentWord() : anyWord(),
  );
  const multi = Array.from({ length: COUNTS.multi }, () => {
    const words = pick(random, withContent);
    return Array.from({ length: 2 + randomInt(random, 2) }, () => pick(random, words)).join(' ');
  });
  const typeahead = Array.from({ length: COUNTS.typeahead }, () => {
    const words = pick(random, withContent);
    return `${pick(random, words)} ${pick(random, words)}`;
  }).flatMap(typedPrefixes);
  const long = distinct.filter((word) => word.length >= 5);
  const typo = Array.from({ length: COUNTS.typo }, (_, i) =>
    misspell(i % 2 === 0 ? frequentLongWord() : pick(random, long), random),
  );
  const phrase: string[] = [];
  while (phrase.length < COUNTS.phrase) {
    const words = pick(random, perDoc);
    const length = 2 + randomInt(random, 2);
    if (words.length < length) continue;
    const start = randomInt(random, words.length - length + 1);
    const slice = words.slice(start, start + length);
    if (slice.some(isContentWord) && slice.every((word) => /^\p{L}+$/u.test(word)))
      phrase.push(`"${slice.join(' ')}"`);
  }
  return { single, multi, typeahead, typo, phrase };
}
