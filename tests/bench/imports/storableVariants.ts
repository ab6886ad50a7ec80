/**
 * Accepted files cut down to what the browser edition can store. Browser storage holds about
 * 5 MB per origin, so a 15 MB backup or a 20 MB annotations file is (rightly) refused when it is
 * applied, and "opening the plan or document afterwards" would then open nothing new. The same
 * data, cut to fit, is imported as well, so opening it measures what the issue asks about: the
 * main thread while a big plan or a document with many near-miss annotations opens.
 */
import type { HostileFile } from '../../fixtures/hostileFiles';

/** Room for the stored copy, leaving some of the origin's ~5 MB for the other stores. */
export const STORABLE_BYTES = 3 * 1024 * 1024;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The largest count `n` for which `build(n)` fits in `limit` bytes (binary search). */
function largestFitting(count: number, limit: number, build: (n: number) => string): string {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(build(middle), 'utf8') <= limit) low = middle;
    else high = middle - 1;
  }
  return build(low);
}

/** A planner backup with its first tasks only; dependencies on dropped tasks are dropped too. */
function cutBackup(backup: Json, limit: number): string | null {
  const planner = backup.planner;
  if (!isObject(planner) || !Array.isArray(planner.tasks)) return null;
  const tasks = planner.tasks.filter(isObject);
  return largestFitting(tasks.length, limit, (count) => {
    const kept = tasks.slice(0, count);
    const ids = new Set(kept.map((task) => task.id));
    const cut = kept.map((task) => ({
      ...task,
      dependencies: Array.isArray(task.dependencies)
        ? task.dependencies.filter((id) => ids.has(id))
        : task.dependencies,
    }));
    return JSON.stringify({ ...backup, planner: { ...planner, tasks: cut } });
  });
}

/** An annotation collection with its first items only. */
function cutCollection(collection: Json, limit: number): string | null {
  const page = collection.first;
  if (!isObject(page) || !Array.isArray(page.items)) return null;
  const items = page.items;
  return largestFitting(items.length, limit, (count) =>
    JSON.stringify({
      ...collection,
      total: count,
      first: { ...page, items: items.slice(0, count) },
    }),
  );
}

/**
 * The storable cut of an accepted file that is too big to store, or null when the file is
 * refused anyway, already small enough, or not in a shape this knows how to cut.
 */
export function storableVariant(file: HostileFile, limit = STORABLE_BYTES): HostileFile | null {
  if (file.expect !== 'accepted' || Buffer.byteLength(file.text, 'utf8') <= limit) return null;
  const parsed: unknown = JSON.parse(file.text);
  if (!isObject(parsed)) return null;
  const text = file.kind === 'planner' ? cutBackup(parsed, limit) : cutCollection(parsed, limit);
  if (text === null) return null;
  return {
    ...file,
    name: `${file.name}-storable`,
    description: `${file.description}; cut to its first records so it fits browser storage`,
    text,
  };
}
