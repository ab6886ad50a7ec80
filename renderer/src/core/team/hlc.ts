/**
 * Hybrid logical clocks (Kulkarni et al., 2014): a wall-clock time in milliseconds, a counter,
 * and the member who stamped it. Every change to shared data carries one, and merging orders
 * changes by it, never by file times or raw wall clocks: a member whose laptop runs a day fast or
 * slow still orders their edits after everything they had seen, and two members never stamp the
 * same value, so every machine picks the same winner.
 *
 * A stamp is a fixed-width string, `<13-digit ms>-<4 base-36 digits>-<member id>`, so that string
 * order is clock order; it is stored and compared as text.
 */

/** A member's id: 16 lowercase letters or digits, random (two people called Sam never collide). */
export type MemberId = string & { readonly __brand: 'MemberId' };
/** A hybrid logical clock stamp (see the module comment). */
export type Hlc = string & { readonly __brand: 'Hlc' };

export const MEMBER_ID_PATTERN = /^[a-z0-9]{16}$/;
export const HLC_PATTERN = /^(\d{13})-([0-9a-z]{4})-([a-z0-9]{16})$/;

const COUNTER_LIMIT = 36 ** 4;
/**
 * A stamp more than this far ahead of our own clock is refused as corrupt (a hand-edited file, a
 * machine set to 2099): adopting it would drag every later stamp of ours with it. Clocks a day or
 * a month off are ordinary and accepted.
 */
export const MAX_CLOCK_LEAD_MS = 366 * 24 * 60 * 60 * 1000;

export function isMemberId(value: unknown): value is MemberId {
  return typeof value === 'string' && MEMBER_ID_PATTERN.test(value);
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

/** A fresh random member id. */
export function randomMemberId(): MemberId {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('') as MemberId;
}

export function formatHlc(wall: number, counter: number, member: MemberId): Hlc {
  return `${String(wall).padStart(13, '0')}-${counter.toString(36).padStart(4, '0')}-${member}` as Hlc;
}

/** The parts of a stamp (it must be valid: see `isHlc`). */
export function parseHlc(stamp: Hlc): { wall: number; counter: number; member: MemberId } {
  const match = HLC_PATTERN.exec(stamp);
  if (!match) throw new Error(`not a clock stamp: ${stamp}`);
  return {
    wall: Number(match[1]),
    counter: parseInt(match[2] ?? '0', 36),
    member: match[3] as MemberId,
  };
}

/** The member who stamped `stamp`. */
export function memberOf(stamp: Hlc): MemberId {
  return stamp.slice(19) as MemberId;
}

/** The stamp's wall time in milliseconds (the stamping machine's clock: for display only). */
export function wallOf(stamp: Hlc): number {
  return Number(stamp.slice(0, 13));
}

/** Orders two stamps: negative when `a` is earlier. */
export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two stamps. */
export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return a < b ? b : a;
}

/**
 * One member's clock. `tick` stamps a local change; `observe` takes in a stamp read from someone
 * else, so the next local stamp is later than everything seen (the change was made knowing it).
 */
export class HybridClock {
  private wall: number;
  private counter: number;

  constructor(
    readonly member: MemberId,
    private readonly now: () => number = Date.now,
    latest?: Hlc,
  ) {
    const parts = latest === undefined ? undefined : parseHlc(latest);
    this.wall = parts?.wall ?? 0;
    this.counter = parts?.counter ?? 0;
  }

  /** A new stamp, later than every stamp this clock has made or observed. */
  tick(): Hlc {
    const physical = this.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else if (this.counter + 1 < COUNTER_LIMIT) {
      this.counter += 1;
    } else {
      this.wall += 1;
      this.counter = 0;
    }
    return formatHlc(this.wall, this.counter, this.member);
  }

  /**
   * Takes in a stamp from another member. Returns false, changing nothing, for a stamp too far
   * ahead of this machine's clock to be real (see MAX_CLOCK_LEAD_MS); the caller skips it.
   */
  observe(stamp: Hlc): boolean {
    const { wall, counter } = parseHlc(stamp);
    if (wall > Math.max(this.now(), this.wall) + MAX_CLOCK_LEAD_MS) return false;
    if (wall > this.wall || (wall === this.wall && counter > this.counter)) {
      this.wall = wall;
      this.counter = counter;
    }
    return true;
  }

  /** The latest stamp made or observed (to store, so a restart never goes back in time). */
  latest(): Hlc {
    return formatHlc(this.wall, this.counter, this.member);
  }
}
