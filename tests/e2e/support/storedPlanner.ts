import type { Page } from 'playwright-core';

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
