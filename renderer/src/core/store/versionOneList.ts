import { isPlainObject } from './migrateDocument';

/**
 * The list held by a small stored document shaped `{ version: 1, <field>: [...] }` (recent
 * searches, reading positions), or null when the document is not that shape. Each thing wrong
 * adds a line to `issues`, so the store reports it and keeps the original aside (see
 * HostStorageAdapter) instead of quietly starting again.
 */
export function versionOneList(raw: unknown, field: string, issues: string[]): unknown[] | null {
  if (!isPlainObject(raw)) {
    issues.push('(document): expected an object; started with an empty list');
    return null;
  }
  if (raw.version !== 1) {
    const found = JSON.stringify(raw.version) ?? 'nothing';
    issues.push(`version: expected 1, found ${found}; started with an empty list`);
    return null;
  }
  const list = raw[field];
  if (!Array.isArray(list)) {
    issues.push(`${field}: expected a list; started with an empty list`);
    return null;
  }
  // Array.isArray says any[]: the items are still unchecked JSON.
  return list as unknown[];
}
