import { unitsFor, type WorkMeter } from './workMeter';

/**
 * Approximate string search (Myers' bit-parallel algorithm, block-based, as in the
 * approx-string-match package by Robert Knight, MIT licence) with two changes that keep hostile
 * input bounded: the work is counted in a WorkMeter and refused up front when its worst case
 * does not fit, and at most MAX_MATCH_ENDS match ends are kept, however many there are (a text
 * of one repeated word matches at every position).
 *
 * G. Myers, "A Fast Bit-Vector Algorithm for Approximate String Matching Based on Dynamic
 * Programming", J. ACM 46(3), 1999.
 */

/** Most match ends kept from one search; the first ones in the text win. */
export const MAX_MATCH_ENDS = 32;

/** Returned instead of matches when the meter cannot afford the search. */
export const OVER_BUDGET = 'over-budget';

/** Bits in a block: the pattern is processed 32 characters at a time. */
const WORD = 32;

export interface ApproximateMatches {
  /** The fewest edits (insertions, deletions, substitutions) any match needs. */
  errors: number;
  /** Offsets just after each match with that many edits, in text order. */
  ends: number[];
}

/** The most units searching `length` characters for a pattern of `patternLength` can cost. */
export function approximateSearchCost(length: number, patternLength: number): number {
  return length * Math.ceil(patternLength / WORD) + unitsFor(patternLength);
}

/**
 * Finds where `pattern` ends in `text[from, to)` with at most `maxErrors` edits, keeping only the
 * matches with the fewest edits. Null when there is none; OVER_BUDGET (and nothing spent) when
 * the meter cannot afford the worst case.
 */
export function approximateMatchEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  meter: WorkMeter,
  from = 0,
  to = text.length,
): ApproximateMatches | null | typeof OVER_BUDGET {
  if (pattern.length === 0 || to <= from) return null;
  if (!meter.canAfford(approximateSearchCost(to - from, pattern.length))) return OVER_BUDGET;
  const found = scan(text, pattern, Math.min(maxErrors, pattern.length), from, to);
  meter.spend(found.steps + unitsFor(pattern.length));
  return found.ends.length > 0 ? { errors: found.errors, ends: found.ends } : null;
}

/** The pattern's column state: one entry per block of 32 pattern characters. */
interface Blocks {
  /** Vertical positive and negative deltas. */
  P: Uint32Array;
  M: Uint32Array;
  /** The bit of each block's last row. */
  lastRowMask: Uint32Array;
}

function scan(
  text: string,
  pattern: string,
  maxErrorsIn: number,
  from: number,
  to: number,
): { errors: number; ends: number[]; steps: number } {
  let maxErrors = maxErrorsIn;
  const bMax = Math.ceil(pattern.length / WORD) - 1;
  const blocks: Blocks = {
    P: new Uint32Array(bMax + 1),
    M: new Uint32Array(bMax + 1),
    lastRowMask: new Uint32Array(bMax + 1).fill(1 << 31),
  };
  blocks.lastRowMask[bMax] = 1 << ((pattern.length - 1) % WORD);
  const { ascii, other, none } = patternBits(pattern, bMax + 1);

  // The lowest block that must be computed in this column (Ukkonen's cut-off).
  let y = Math.max(0, Math.ceil(maxErrors / WORD) - 1);
  const score = new Uint32Array(bMax + 1);
  for (let b = 0; b <= y; b++) {
    score[b] = (b + 1) * WORD;
    blocks.P[b] = ~0;
    blocks.M[b] = 0;
  }
  score[bMax] = pattern.length;

  const ends: number[] = [];
  let steps = 0;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    const eq = (code < ascii.length ? ascii[code] : other.get(code)) ?? none;
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      carry = advanceBlock(blocks, eq, b, carry);
      score[b] = (score[b] ?? 0) + carry;
    }
    steps += y + 1;
    if ((score[y] ?? 0) - carry <= maxErrors && y < bMax && ((eq[y + 1] ?? 0) & 1 || carry < 0)) {
      // The next block may hold a match: compute it too, from now on.
      y += 1;
      blocks.P[y] = ~0;
      blocks.M[y] = 0;
      const blockRows = y === bMax ? pattern.length % WORD || WORD : WORD;
      score[y] = (score[y - 1] ?? 0) + blockRows - carry + advanceBlock(blocks, eq, y, carry);
      steps += 1;
    } else {
      while (y > 0 && (score[y] ?? 0) >= maxErrors + WORD) y -= 1;
    }
    const errors = score[y] ?? 0;
    if (y === bMax && errors <= maxErrors) {
      // Only the best matches are wanted: a better one discards those before it.
      if (errors < maxErrors) ends.length = 0;
      if (ends.length < MAX_MATCH_ENDS) ends.push(j + 1);
      maxErrors = errors;
    }
  }
  return { errors: maxErrors, ends, steps };
}

/** For each character, the bits of the pattern positions that hold it, per block. */
function patternBits(
  pattern: string,
  blockCount: number,
): { ascii: Uint32Array[]; other: Map<number, Uint32Array>; none: Uint32Array } {
  const none = new Uint32Array(blockCount);
  // Characters below 256 are looked up in an array, the rest in a map.
  const ascii: Uint32Array[] = new Array<Uint32Array>(256).fill(none);
  const other = new Map<number, Uint32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let bits = code < 256 ? ascii[code] : other.get(code);
    if (!bits || bits === none) {
      bits = new Uint32Array(blockCount);
      if (code < 256) ascii[code] = bits;
      else other.set(code, bits);
    }
    const block = i >> 5;
    bits[block] = (bits[block] ?? 0) | (1 << (i & 31));
  }
  return { ascii, other, none };
}

/** 1 when n is not zero, else 0, without a branch. */
function oneIfNotZero(n: number): number {
  return ((n | -n) >> 31) & 1;
}

/**
 * One block of one column (Myers, Fig. 8, with the branch-free steps of Šošić's thesis):
 * updates the block's deltas for text character bits `eq` and returns the horizontal delta
 * (-1, 0 or 1) at its last row, given `hIn` at its first.
 */
function advanceBlock(blocks: Blocks, eq: Uint32Array, b: number, hIn: number): number {
  let pV = blocks.P[b] ?? 0;
  let mV = blocks.M[b] ?? 0;
  const hInIsNegative = hIn >>> 31;
  const equal = (eq[b] ?? 0) | hInIsNegative;
  const xV = equal | mV;
  const xH = (((equal & pV) + pV) ^ pV) | equal;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const last = blocks.lastRowMask[b] ?? 0;
  const hOut = oneIfNotZero(pH & last) - oneIfNotZero(mH & last);
  pH <<= 1;
  mH <<= 1;
  mH |= hInIsNegative;
  pH |= oneIfNotZero(hIn) - hInIsNegative;
  pV = mH | ~(xV | pH);
  mV = pH & xV;
  blocks.P[b] = pV;
  blocks.M[b] = mV;
  return hOut;
}
