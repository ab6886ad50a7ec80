import { foldWord, wordSpansOf, type Analyzer } from './analyzer';
import { MAX_QUERY_CHARS } from './parseQuery';

/**
 * Spelling suggestions for a search that found nothing: each word the library does not know is
 * replaced by the nearest word it does know. Plain functions over a word list, so the empty state
 * can offer "Did you mean …" without touching the index.
 */

/** Words shorter than this are left alone: a two-letter word has too many near neighbours. */
const MIN_WORD_LENGTH = 3;

/** A known word: its folded form (for comparing) and how the library writes it (for showing). */
export interface LexiconWord {
  folded: string;
  display: string;
}

/**
 * The library's vocabulary from some texts (titles, topic labels, glossary terms): each distinct
 * folded word once, shown in lower case if the texts ever write it so (a title's capital "Open"
 * becomes "open"), else as written (names and acronyms: "Stratford", "AODA").
 */
export function buildLexicon(
  texts: readonly string[],
  /** The texts' language's analyzer: French words are cut from their elisions ("l'outil"). */
  analyzer: Analyzer,
): LexiconWord[] {
  const byFolded = new Map<string, LexiconWord>();
  for (const text of texts) {
    for (const { word } of wordSpansOf(analyzer.tokenSpans(text))) {
      const folded = foldWord(word);
      if (folded.length < MIN_WORD_LENGTH || /^\d+$/.test(folded)) continue;
      const existing = byFolded.get(folded);
      if (
        !existing ||
        (existing.display !== existing.display.toLowerCase() && word === word.toLowerCase())
      )
        byFolded.set(folded, { folded, display: word });
    }
  }
  return [...byFolded.values()].sort((a, b) => (a.folded < b.folded ? -1 : 1));
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours, the commonest
 * typo), giving up with `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How far a word may be from a suggestion: 1 edit up to 5 letters, 2 up to 8, then 3. */
function allowedDistance(length: number): number {
  if (length <= 5) return 1;
  if (length <= 8) return 2;
  return 3;
}

/** The nearest known word within the allowed distance; ties go to the longer shared start. */
export function nearestWord(word: string, lexicon: readonly LexiconWord[]): LexiconWord | null {
  const folded = foldWord(word);
  const limit = allowedDistance(folded.length);
  let best: { word: LexiconWord; distance: number; shared: number } | null = null;
  for (const candidate of lexicon) {
    const distance = editDistance(folded, candidate.folded, limit);
    if (distance > limit) continue;
    const shared = sharedStart(folded, candidate.folded);
    if (!best || distance < best.distance || (distance === best.distance && shared > best.shared))
      best = { word: candidate, distance, shared };
  }
  return best?.word ?? null;
}

/**
 * Up to `max` corrected versions of a query that found nothing. The first fixes every unknown
 * word at once (leaving out words nothing is near, if other words remain); if the query had
 * several unknown words, single fixes follow. Known words, short words, quotes and minus signs
 * are kept as typed. Returns [] when nothing could be corrected.
 */
export function suggestQueries(
  input: string,
  lexicon: readonly LexiconWord[],
  max: number,
  /** The query's language's analyzer: a French fix keeps the elision ("l'equipemnt" -> "l'équipement"). */
  analyzer: Analyzer,
): string[] {
  const known = new Set(lexicon.map((entry) => entry.folded));
  const spans = wordSpansOf(analyzer.tokenSpans(input.slice(0, MAX_QUERY_CHARS)));
  const fixes: Fix[] = [];
  const hopeless: Fix[] = [];
  for (const span of spans) {
    const folded = foldWord(span.word);
    if (folded.length < MIN_WORD_LENGTH || known.has(folded) || /^\d+$/.test(folded)) continue;
    const nearest = nearestWord(span.word, lexicon);
    const fix = { start: span.start, length: span.length, replacement: nearest?.display ?? '' };
    (nearest ? fixes : hopeless).push(fix);
  }
  if (fixes.length === 0) return [];
  const suggestions = [applyFixes(input, [...fixes, ...hopeless])];
  if (fixes.length > 1) for (const fix of fixes) suggestions.push(applyFixes(input, [fix]));
  return [...new Set(suggestions)].filter((s) => s !== '' && s !== input.trim()).slice(0, max);
}

interface Fix {
  start: number;
  length: number;
  /** The word to put in its place; '' leaves the word out. */
  replacement: string;
}

function applyFixes(input: string, fixes: readonly Fix[]): string {
  let out = input;
  for (const fix of [...fixes].sort((a, b) => b.start - a.start))
    out = out.slice(0, fix.start) + fix.replacement + out.slice(fix.start + fix.length);
  // A word left out may leave a stray minus sign or doubled spaces behind.
  return out
    .replace(/(^|\s)-(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
