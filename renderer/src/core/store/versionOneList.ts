import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import { foundProblem, isPlainObject } from './migrateDocument';

/**
 * The list held by a small stored document shaped `{ version: 1, <field>: [...] }` (recent
 * searches, reading positions), or null when the document is not that shape. Each thing wrong
 * adds a line to `issues`, so the store reports it and keeps the original aside (see
 * DocumentStorageAdapter) instead of quietly starting again.
 */
export function versionOneList(
  raw: unknown,
  field: string,
  issues: ProblemLine[],
): unknown[] | null {
  const emptyList = (line: ProblemLine) => withOutcome(line, 'problems:outcome.emptyList');
  if (!isPlainObject(raw)) {
    issues.push(emptyList(problemLine(undefined, 'problems:stored.notAnObject')));
    return null;
  }
  if (raw.version !== 1) {
    issues.push(
      emptyList(foundProblem('version', 'problems:stored.notVersionOne', {}, raw.version)),
    );
    return null;
  }
  const list = raw[field];
  if (!Array.isArray(list)) {
    issues.push(emptyList(problemLine(field, 'problems:stored.notAList')));
    return null;
  }
  // Array.isArray says any[]: the items are still unchecked JSON.
  return list as unknown[];
}
