import { canonicalJson, compareStrings } from '../common/canonicalJson';
import type { Annotation, Tombstone } from './schema';

export { canonicalJson, sameData } from '../common/canonicalJson';

/**
 * Orders two revisions of the same annotation: later `modified` first wins, and for the same time
 * the canonical JSON decides, so every machine picks the same winner whichever copy it holds.
 * Positive when `a` wins.
 */
export function compareRevisions(a: Annotation, b: Annotation): number {
  const byTime = Date.parse(a.modified) - Date.parse(b.modified);
  return byTime !== 0 ? Math.sign(byTime) : compareStrings(canonicalJson(a), canonicalJson(b));
}

/** Orders two tombstones of the same annotation the same way. Positive when `a` wins. */
export function compareTombstones(a: Tombstone, b: Tombstone): number {
  const byTime = Date.parse(a.deleted) - Date.parse(b.deleted);
  return byTime !== 0 ? Math.sign(byTime) : compareStrings(canonicalJson(a), canonicalJson(b));
}

/** True when the deletion happened at or after the annotation's last change: it stays deleted. */
export function tombstoneCovers(tombstone: Tombstone, annotation: Annotation): boolean {
  return Date.parse(tombstone.deleted) >= Date.parse(annotation.modified);
}
