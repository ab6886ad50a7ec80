import type { Page } from 'playwright-core';
import { createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import type { PlannerDatabase } from '../../../renderer/src/core/planner/schema';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import type { MemberId } from '../../../renderer/src/core/team/hlc';

/**
 * What the browser host stores of the planner, as one text: its records and the logs of changes
 * since (`onmuni:planner-records` and `onmuni:planner-log-<n>`, see recordLogBackend.ts), in key
 * order. Empty when nothing is stored. For checks that a value was stored, or that nothing
 * changed; what the planner holds is read back through the app.
 */
export function storedPlanner(page: Page): Promise<string> {
  return page.evaluate(() => {
    const keys: string[] = [];
    for (let index = 0; index < window.localStorage.length; index++) {
      const key = window.localStorage.key(index);
      if (key !== null && /^onmuni:planner-(records|log-\d+)$/.test(key)) keys.push(key);
    }
    return keys
      .sort()
      .map((key) => window.localStorage.getItem(key) ?? '')
      .join('\n');
  });
}

/** Host storage over a map of texts, for the planner store to read and write outside the page. */
function mapStorage(documents: Map<string, string>): DocumentStorage {
  return {
    read: (key) => {
      const text = documents.get(key);
      return Promise.resolve(text === undefined ? { status: 'missing' } : { status: 'ok', text });
    },
    write: (key, text) => {
      documents.set(key, text);
      return Promise.resolve();
    },
  };
}

/** The member the tests' planners are stored as. */
const E2E_MEMBER = 'e2ee2ee2ee2ee2e0' as MemberId;

/**
 * Puts `db` into the page's storage as the planner's records, written by the real planner store
 * as the app writes them (a planner too large to be moved from the old document in a browser:
 * localStorage cannot hold both at once).
 */
export async function seedPlannerRecords(page: Page, db: PlannerDatabase): Promise<void> {
  const documents = new Map<string, string>();
  const store = createPlannerStore(mapStorage(documents), undefined, E2E_MEMBER);
  await store.load();
  await store.save(db);
  await page.evaluate(
    (entries) => {
      for (const [key, text] of entries) window.localStorage.setItem(`onmuni:${key}`, text);
    },
    [...documents],
  );
}

/** The planner the page has stored, read back by the real planner store. */
export async function storedPlannerDatabase(page: Page): Promise<PlannerDatabase> {
  const entries = await page.evaluate(() => {
    const found: [string, string][] = [];
    for (let index = 0; index < window.localStorage.length; index++) {
      const key = window.localStorage.key(index);
      if (key !== null && /^onmuni:planner-(records|log-\d+)$/.test(key)) {
        found.push([key.slice('onmuni:'.length), window.localStorage.getItem(key) ?? '']);
      }
    }
    return found;
  });
  const store = createPlannerStore(mapStorage(new Map(entries)), undefined, E2E_MEMBER);
  return (await store.load()).data;
}
