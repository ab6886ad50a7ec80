import { canonicalJson, compareStrings } from '../common/canonicalJson';
import { compareHlc } from '../team/hlc';
import type { Annotation, Tombstone } from './schema';

export { canonicalJson, sameData } from '../common/canonicalJson';

/**
 * Orders two revisions of the same annotation: the later clock stamp (`rev`) wins, never the wall
 * time `modified`, so a laptop whose clock is a day off cannot bury a later edit. For the same
 * stamp (only old records given the same derived stamp, or a hand-edited file, can share one) the
 * canonical JSON decides, so every machine picks the same winner whichever copy it holds.
 * Positive when `a` wins.
 */
export function compareRevisions(a: Annotation, b: Annotation): number {
  return compareHlc(a.rev, b.rev) || compareStrings(canonicalJson(a), canonicalJson(b));
}

/** Orders two tombstones of the same annotation the same way. Positive when `a` wins. */
export function compareTombstones(a: Tombstone, b: Tombstone): number {
  return compareHlc(a.rev, b.rev) || compareStrings(canonicalJson(a), canonicalJson(b));
}

/**
 * True when the deletion was stamped at or after the annotation's last change: it stays deleted.
 * An edit stamped after the deletion (made by someone who had not seen it) keeps the annotation.
 */
export function tombstoneCovers(tombstone: Tombstone, annotation: Annotation): boolean {
  return compareHlc(tombstone.rev, annotation.rev) >= 0;
}
