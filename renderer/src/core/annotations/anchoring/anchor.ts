import type { Selector, TextPositionSelector, TextQuoteSelector } from '../schema';
import { approximateMatchEnds, OVER_BUDGET } from './approximateSearch';
import { CandidatePicker, type Candidate } from './candidates';
import { reverseCodeUnits, SearchableText } from './searchableText';
import { unitsFor, WorkMeter } from './workMeter';

/** Quotes at least this long may be found with errors when the exact quote is gone. */
export const FUZZY_MIN_LENGTH = 32;

/**
 * Quotes up to this long are found with errors as a whole (up to a quarter of their length in
 * edits). The cost of that grows with the quote (text length × quote length / 32), so a longer
 * quote, a paragraph or more, is found by its ends instead: see FUZZY_END_LENGTH.
 */
export const FUZZY_WHOLE_MAX_LENGTH = 256;

/**
 * A quote longer than FUZZY_WHOLE_MAX_LENGTH is found with errors by its first and last this
 * many characters, each with up to a quarter of that in edits, where they lie as far apart as
 * the quote is long, give or take a quarter. Its middle is not compared: the ends of a passage
 * place it, and comparing 6,000 characters at every place in the text is what froze the reader.
 * Every approximate search therefore costs at most 8 units per character of text, plus choosing
 * among the (at most 32) places it matches.
 */
export const FUZZY_END_LENGTH = 64;

/** How a passage was found again. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
}

/**
 * Why an annotation could not be placed: its passage is not in the text any more
 * (`not-found`), or the document's work budget ran out before it was looked for
 * (`not-searched`; looking again with a fresh budget may find it).
 */
export type OrphanReason = 'not-found' | 'not-searched';

/** What anchoring found for one annotation: small and plain, so it can be cached and posted. */
export type AnchorFinding =
  ({ status: 'anchored' } & AnchorResult) | { status: 'orphaned'; reason: OrphanReason };

/**
 * The passage at the recorded position, when the text there is still exactly the quote; else
 * null. Costs no more than comparing the quote once, so it is never rationed.
 */
export function anchorAtPosition(
  text: string,
  selectors: readonly Selector[],
): AnchorResult | null {
  const quote = quoteSelector(selectors);
  const position = positionSelector(selectors);
  if (!quote || !position || position.end - position.start !== quote.exact.length) return null;
  return text.slice(position.start, position.end) === quote.exact
    ? { start: position.start, end: position.end, method: 'position' }
    : null;
}

/**
 * Finds a described passage in the document's current text, trying in turn:
 * 1. the recorded position, when the text there is still exactly the quote;
 * 2. every occurrence of the exact quote, choosing the one whose surroundings best agree with the
 *    recorded prefix and suffix (then the one nearest the recorded position);
 * 3. for quotes of 32+ characters, the closest approximate match: the whole quote with at most a
 *    quarter of its length in edits, or for quotes over 256 characters its two ends (see
 *    FUZZY_END_LENGTH); chosen the same way.
 * Steps 2 and 3 are paid for from `meter`; when it cannot afford them the finding is
 * `not-searched`, never a search beyond the budget.
 */
export function findPassage(
  text: SearchableText,
  selectors: readonly Selector[],
  meter: WorkMeter,
): AnchorFinding {
  const found = findExactly(text, selectors, meter);
  return found === TRY_APPROXIMATELY ? findApproximately(text, selectors, meter) : found;
}

/** Returned by `findExactly` when only an approximate search can still find the passage. */
export const TRY_APPROXIMATELY = 'try-approximately';

/** Steps 1 and 2 of `findPassage`: the cheap ones, linear in the text. */
export function findExactly(
  text: SearchableText,
  selectors: readonly Selector[],
  meter: WorkMeter,
): AnchorFinding | typeof TRY_APPROXIMATELY {
  const quote = quoteSelector(selectors);
  if (!quote) return orphaned('not-found');
  const atPosition = anchorAtPosition(text.text, selectors);
  if (atPosition) return { status: 'anchored', ...atPosition };
  const hint = positionSelector(selectors)?.start ?? null;
  const exact = findExact(text.text, quote, hint, meter);
  if (exact === OVER_BUDGET) return orphaned('not-searched');
  if (exact) return { status: 'anchored', ...exact, method: 'quote' };
  return quote.exact.length < FUZZY_MIN_LENGTH ? orphaned('not-found') : TRY_APPROXIMATELY;
}

/** Step 3 of `findPassage`, for a quote that `findExactly` did not find. */
export function findApproximately(
  text: SearchableText,
  selectors: readonly Selector[],
  meter: WorkMeter,
): AnchorFinding {
  const quote = quoteSelector(selectors);
  if (!quote || quote.exact.length < FUZZY_MIN_LENGTH) return orphaned('not-found');
  const hint = positionSelector(selectors)?.start ?? null;
  const fuzzy =
    quote.exact.length <= FUZZY_WHOLE_MAX_LENGTH
      ? findWhole(text, quote, hint, meter)
      : findByEnds(text, quote, hint, meter);
  if (fuzzy === OVER_BUDGET) return orphaned('not-searched');
  return fuzzy ? { status: 'anchored', ...fuzzy, method: 'fuzzy' } : orphaned('not-found');
}

/**
 * `findPassage` for one annotation on its own: the passage, or null when it is not found (or
 * could not be looked for within `meter`, by default a whole document's budget). Callers that
 * anchor many annotations on one text should share one meter so that the total stays bounded.
 */
export function anchor(
  text: string,
  selectors: readonly Selector[],
  meter: WorkMeter = new WorkMeter(),
): AnchorResult | null {
  const found = findPassage(new SearchableText(text), selectors, meter);
  return found.status === 'anchored'
    ? { start: found.start, end: found.end, method: found.method }
    : null;
}

function orphaned(reason: OrphanReason): AnchorFinding {
  return { status: 'orphaned', reason };
}

function quoteSelector(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

function positionSelector(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

type Search = Candidate | null | typeof OVER_BUDGET;

/**
 * The best exact occurrence: one pass over the text, then for each occurrence the comparison
 * that confirmed it and one of its context (a text that repeats the quote thousands of times
 * pays for each time).
 */
function findExact(
  text: string,
  quote: TextQuoteSelector,
  hint: number | null,
  meter: WorkMeter,
): Search {
  const scan = unitsFor(text.length);
  if (!meter.canAfford(scan)) return OVER_BUDGET;
  meter.spend(scan);
  const picker = new CandidatePicker(text, quote, hint, meter);
  const { exact } = quote;
  const confirm = unitsFor(exact.length);
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    if (!meter.canAfford(confirm)) return OVER_BUDGET;
    meter.spend(confirm);
    if (!picker.offer({ start: at, end: at + exact.length })) return OVER_BUDGET;
  }
  return picker.best;
}

/**
 * The whole quote with at most a quarter of its length in edits: where the best matches end,
 * then for each end the earliest start with as few edits (found backwards, just before it).
 */
function findWhole(
  text: SearchableText,
  quote: TextQuoteSelector,
  hint: number | null,
  meter: WorkMeter,
): Search {
  const { exact } = quote;
  const found = approximateMatchEnds(text.text, exact, Math.floor(exact.length / 4), meter);
  if (found === null || found === OVER_BUDGET) return found;
  const backwards = text.reversed(meter);
  if (backwards === null) return OVER_BUDGET;
  const pattern = reverseCodeUnits(exact);
  const length = text.text.length;
  const picker = new CandidatePicker(text.text, quote, hint, meter);
  for (const end of found.ends) {
    // The window of the text that can hold a match ending here, in backwards coordinates.
    const from = length - end;
    const to = length - Math.max(0, end - exact.length - found.errors);
    const starts = approximateMatchEnds(backwards, pattern, found.errors, meter, from, to);
    if (starts === OVER_BUDGET) return OVER_BUDGET;
    if (starts === null) continue;
    // The earliest start (the longest match), as approx-string-match chooses; only a text that
    // repeats itself has more starts than the search keeps, and any of them is a real match.
    const start = length - Math.max(...starts.ends);
    if (!picker.offer({ start, end })) return OVER_BUDGET;
  }
  return picker.best;
}

/** A long quote by its two ends, placed about as far apart as the quote is long. */
function findByEnds(
  text: SearchableText,
  quote: TextQuoteSelector,
  hint: number | null,
  meter: WorkMeter,
): Search {
  const { exact } = quote;
  const maxErrors = Math.floor(FUZZY_END_LENGTH / 4);
  const tails = approximateMatchEnds(text.text, exact.slice(-FUZZY_END_LENGTH), maxErrors, meter);
  if (tails === null || tails === OVER_BUDGET) return tails;
  const backwards = text.reversed(meter);
  if (backwards === null) return OVER_BUDGET;
  const head = reverseCodeUnits(exact.slice(0, FUZZY_END_LENGTH));
  const heads = approximateMatchEnds(backwards, head, maxErrors, meter);
  if (heads === null || heads === OVER_BUDGET) return heads;
  const length = text.text.length;
  const slack = Math.floor(exact.length / 4);
  const picker = new CandidatePicker(text.text, quote, hint, meter);
  for (const backwardsEnd of heads.ends) {
    const start = length - backwardsEnd;
    for (const end of tails.ends) {
      if (Math.abs(end - start - exact.length) > slack) continue;
      if (!picker.offer({ start, end })) return OVER_BUDGET;
    }
  }
  return picker.best;
}
