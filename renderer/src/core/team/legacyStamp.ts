import { formatHlc, memberOf, parseHlc, type Hlc, type MemberId } from './hlc';

/**
 * The member id of stamps derived from data made before clocks existed (annotations of schema
 * version 3 and older, and the files exported from them): sixteen zeros. It is fixed, not random,
 * so that every machine derives the same stamp from the same old record, and merging an old file
 * twice, or on two machines, gives one result.
 */
export const LEGACY_MEMBER = '0000000000000000' as MemberId;

/** The largest wall time a stamp holds (13 digits), in milliseconds. */
const LAST_WALL = 9_999_999_999_999;

/**
 * The stamp of an old record last changed at `isoTime`: that time, counter 0, `LEGACY_MEMBER`.
 * Old records keep the order their times gave them among themselves. Undefined for a value that
 * is not a time a stamp can hold (the record is invalid anyway and its schema says why).
 */
export function legacyStamp(isoTime: unknown): Hlc | undefined {
  if (typeof isoTime !== 'string') return undefined;
  const wall = Date.parse(isoTime);
  if (!Number.isInteger(wall) || wall < 0 || wall > LAST_WALL) return undefined;
  return formatHlc(wall, 0, LEGACY_MEMBER);
}

/**
 * `stamp`, or, when it is a legacy stamp, the same time and counter as `member`'s: when old data
 * moves into a member's records, it becomes that member's (to publish), in the order it had.
 */
export function adoptLegacyStamp(stamp: Hlc, member: MemberId): Hlc {
  if (memberOf(stamp) !== LEGACY_MEMBER) return stamp;
  const { wall, counter } = parseHlc(stamp);
  return formatHlc(wall, counter, member);
}
