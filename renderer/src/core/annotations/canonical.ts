import type { Annotation, Tombstone } from './schema';

/**
 * JSON with object keys sorted at every level: two values are equal as data exactly when their
 * canonical JSON is equal, whatever order their keys were written in. Used to tell changed
 * annotations from unchanged ones and to break ties in merges the same way on every machine.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}

/** Orders two strings by UTF-16 code units, the same in every locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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

/** True when two values hold the same data. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
