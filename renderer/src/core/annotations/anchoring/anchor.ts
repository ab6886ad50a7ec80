import search from 'approx-string-match';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../schema';

/** Quotes at least this long may be found with errors when the exact quote is gone. */
export const FUZZY_MIN_LENGTH = 32;

/** How a passage was found again. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
}

/**
 * Finds a described passage in the document's current text, trying in turn:
 * 1. the recorded position, when the text there is still exactly the quote;
 * 2. every occurrence of the exact quote, choosing the one whose surroundings best agree with the
 *    recorded prefix and suffix (then the one nearest the recorded position);
 * 3. for quotes of 32+ characters, the closest approximate match with at most a quarter of the
 *    quote's length in edits (insertions, deletions, substitutions), chosen the same way.
 * Returns null when none applies: the annotation is orphaned.
 */
export function anchor(text: string, selectors: readonly Selector[]): AnchorResult | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  if (!quote) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hint = position?.start ?? null;
  const exact = bestCandidate(text, quote, exactOccurrences(text, quote.exact), hint);
  if (exact) return { ...exact, method: 'quote' };
  if (quote.exact.length < FUZZY_MIN_LENGTH) return null;
  const maxErrors = Math.floor(quote.exact.length / 4);
  const fuzzy = bestCandidate(text, quote, search(text, quote.exact, maxErrors), hint);
  return fuzzy ? { ...fuzzy, method: 'fuzzy' } : null;
}

interface Candidate {
  start: number;
  end: number;
}

function exactOccurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length });
  }
  return found;
}

/** The candidate whose context agrees most with the quote's; ties go to the nearest the hint. */
function bestCandidate(
  text: string,
  quote: TextQuoteSelector,
  candidates: readonly Candidate[],
  hint: number | null,
): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const score = contextAgreement(text, candidate, quote);
    const distance = hint === null ? 0 : Math.abs(candidate.start - hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = { start: candidate.start, end: candidate.end };
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** Characters of the recorded prefix and suffix that still sit next to the candidate. */
function contextAgreement(text: string, at: Candidate, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, at.start - quote.prefix.length), at.start);
  const after = text.slice(at.end, at.end + quote.suffix.length);
  return commonSuffixLength(quote.prefix, before) + commonPrefixLength(quote.suffix, after);
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
