/**
 * Texts and annotations for the anchoring bounds tests: a long, deterministic document in the
 * corpus's vocabulary, near-miss copies of its passages (the hostile case: a long quote that
 * almost matches the text, so no exact search finds it and a naive approximate search compares
 * all of it at every position), and annotations carrying any quote.
 */
import { describeRange } from '../../../renderer/src/core/annotations/anchoring/describeRange';
import { createAnnotation } from '../../../renderer/src/core/annotations/operations';
import {
  emptyAnnotationsDatabase,
  type Annotation,
} from '../../../renderer/src/core/annotations/schema';
import { at, clockAt, DOC_A, idOf } from './fixtures';

const WORDS = (
  'the town council staff report open data broadband rural northern budget plan digital ' +
  'service residents online permit clerk agenda minutes by-law records portal pilot partner'
).split(' ');

/** About `length` characters of words, the same for the same seed. */
export function documentText(length: number, seed = 1): string {
  let state = seed;
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    const word = WORDS[state % WORDS.length] ?? 'plan';
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

/** `passage` with every `every`-th character replaced by '#', which the document never holds. */
export function nearMiss(passage: string, every: number): string {
  const parts: string[] = [];
  for (let at = 0; at < passage.length; at += every) {
    const part = passage.slice(at, at + every);
    parts.push(part.length === every ? `${part.slice(0, -1)}#` : part);
  }
  return parts.join('');
}

/**
 * An annotation (id `n`) on `text[start, end)`, as the app's own operation makes it, then given
 * `exact` as its quote if set: the quote a crafted file could carry for that place. Only the
 * first annotation on a text is made (and validated) by `createAnnotation`; the others copy it
 * with their own id and selectors, so thousands are quick to make.
 */
export function annotationAt(
  n: number,
  text: string,
  start: number,
  end: number,
  exact?: string,
): Annotation {
  const base = baseAnnotation(text);
  const [quote, position] = describeRange(text, start, end);
  const selector = [
    { ...quote, exact: exact ?? quote.exact },
    { ...position, end: start + (exact ?? quote.exact).length },
  ];
  return { ...base, id: idOf(n), target: { ...base.target, selector } };
}

const bases = new Map<string, Annotation>();

function baseAnnotation(text: string): Annotation {
  const known = bases.get(text);
  if (known) return known;
  const made = createAnnotation(emptyAnnotationsDatabase(), {
    docId: DOC_A,
    text,
    start: 0,
    end: 1,
    meaning: 'important',
    author: 'Ada Lovelace',
    now: at(0),
    clock: clockAt(0),
  }).annotation;
  bases.set(text, made);
  return made;
}
