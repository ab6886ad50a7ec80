/**
 * Anchoring work is counted, not timed, so that its bound holds on any machine and tests can
 * prove it. One unit is one step of the bit-parallel matcher over one character of text for up
 * to 32 characters of pattern (32 cells of the edit-distance table), or scanning or comparing
 * about 32 characters.
 *
 * One document's anchoring run gets ANCHORING_WORK_BUDGET units: about half a second in a
 * worker on the project's 2-core machine (a unit takes 10 to 20 ns there, more under load).
 * Honest data needs far less: 3,000 highlights whose text moved cost about 1 million units on a
 * 10,000-character document, and a quote found again with edits about 1 to 3 units per character
 * of its document. What does not fit is listed as not searched, and can be looked for again.
 */
export const ANCHORING_WORK_BUDGET = 25_000_000;

/** Characters covered by one unit of scanning or comparing (one machine word of the matcher). */
export const UNIT_CHARACTERS = 32;

/** Units to scan or compare `characters` characters. */
export function unitsFor(characters: number): number {
  return Math.ceil(characters / UNIT_CHARACTERS);
}

/**
 * Counts the work of one anchoring run against a limit. Callers check `canAfford(worst case)`
 * before starting a step and `spend` what it really cost, so the total never passes the limit.
 */
export class WorkMeter {
  private used = 0;

  constructor(readonly limit: number = ANCHORING_WORK_BUDGET) {}

  /** Units spent so far. */
  get spent(): number {
    return this.used;
  }

  /** True when `units` more fit in the limit. */
  canAfford(units: number): boolean {
    return this.used + units <= this.limit;
  }

  /** Records work done (always within what `canAfford` allowed). */
  spend(units: number): void {
    this.used += units;
  }
}
