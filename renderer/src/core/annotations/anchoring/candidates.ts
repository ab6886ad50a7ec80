import type { TextQuoteSelector } from '../schema';
import { unitsFor, type WorkMeter } from './workMeter';

/** A place in the text where the quote may be: `text.slice(start, end)`. */
export interface Candidate {
  start: number;
  end: number;
}

/**
 * Picks, among candidates offered one at a time, the one whose surroundings agree most with the
 * quote's recorded prefix and suffix; ties go to the one nearest the recorded position `hint`,
 * then (for spans of varying length) to the one whose length is nearest the quote's. Each
 * comparison is paid for in the meter; `offer` returns false once the meter cannot afford one,
 * and the caller must then give up rather than trust a choice made among some candidates only.
 */
export class CandidatePicker {
  private chosen: Candidate | null = null;
  private bestScore = -Infinity;
  private bestDistance = Infinity;
  private bestLengthGap = Infinity;
  private readonly cost: number;

  constructor(
    private readonly text: string,
    private readonly quote: TextQuoteSelector,
    private readonly hint: number | null,
    private readonly meter: WorkMeter,
  ) {
    this.cost = unitsFor(quote.prefix.length + quote.suffix.length) + 1;
  }

  /** Weighs one more candidate; false when the meter could not afford it. */
  offer(candidate: Candidate): boolean {
    if (!this.meter.canAfford(this.cost)) return false;
    this.meter.spend(this.cost);
    const score = contextAgreement(this.text, candidate, this.quote);
    const distance = this.hint === null ? 0 : Math.abs(candidate.start - this.hint);
    const lengthGap = Math.abs(candidate.end - candidate.start - this.quote.exact.length);
    if (
      score > this.bestScore ||
      (score === this.bestScore &&
        (distance < this.bestDistance ||
          (distance === this.bestDistance && lengthGap < this.bestLengthGap)))
    ) {
      this.chosen = { start: candidate.start, end: candidate.end };
      this.bestScore = score;
      this.bestDistance = distance;
      this.bestLengthGap = lengthGap;
    }
    return true;
  }

  /** The best candidate offered so far, or null when none was. */
  get best(): Candidate | null {
    return this.chosen;
  }
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
