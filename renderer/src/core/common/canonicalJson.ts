/**
 * JSON with object keys sorted at every level (undefined fields dropped): two values are equal as
 * data exactly when their canonical JSON is equal, whatever order their keys were written in.
 * Annotations use it to tell changed records from unchanged ones and to break merge ties the same
 * way on every machine; content packs, to tell updated documents from unchanged ones.
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
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when two values hold the same data. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
