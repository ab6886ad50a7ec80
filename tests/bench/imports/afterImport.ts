/**
 * What the import benchmark does once a file was accepted or refused: apply an accepted import
 * (Replace, Merge), then leave for a light page and open the plan or document, measuring the main
 * thread while it opens. Each step is bounded as a whole, as the page may freeze in it.
 */
import type { Page } from 'playwright-core';
import { within } from './bounded';
import {
  ALERT_SELECTOR,
  ANNOTATED_DOC_ID,
  HEADING_SELECTOR,
  HIGHLIGHTS_READY,
  NEUTRAL_ROUTE,
  STATUS_SELECTOR,
  type Importer,
} from './importers';
import { pageClock, watchFor, type LongTasks } from './pageProbes';
import {
  alertTexts,
  clickButton,
  failureOf,
  goToRoute,
  settleBriefly,
  SETTLE_LIMIT_MS,
  tasksUntilQuiet,
  TASKS_UNTIL_QUIET_LIMIT_MS,
  waitWhileBusy,
} from './pageSteps';

const APPLY_LIMIT_MS = 60_000;
const OPEN_LIMIT_MS = 30_000;

/** What applying an accepted import did. */
export interface Applied {
  /** In words, e.g. "Replace: All changes saved" or "Merge: refused: …". */
  text: string;
  /** False when the page froze or crashed on the way: nothing after it can be measured. */
  ended: boolean;
}

/** Opening the plan or document after the import. */
export interface OpenedAfter {
  /** What was opened, in words. */
  what: string;
  /** From navigating to its content being shown, or null when it was not shown. */
  readyMs: number | null;
  tasks: LongTasks | null;
  /** Why it was not measured, or anything odd about it. */
  note: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function applyUnbounded(page: Page, importer: Importer): Promise<string> {
  const watch = watchFor<'applied' | 'refused'>(page, {
    startOnFileChange: false,
    outcomes: [
      {
        kind: 'applied',
        selector: STATUS_SELECTOR,
        pattern: importer.appliedStatus,
        newOnly: false,
      },
      { kind: 'refused', selector: ALERT_SELECTOR, pattern: '\\S', newOnly: true },
    ],
  });
  await watch.armed;
  if (!(await clickButton(page, importer.confirmButton))) {
    return `nothing to apply (no ${importer.confirmButton} button)`;
  }
  const result = await within(APPLY_LIMIT_MS, watch.result);
  if (!result.ok) throw new Error(result.reason);
  // The first sign is not the last word: "All changes saved" can flash before the import is
  // refused for browser storage, and "Merged" can be followed by a save that fails. Wait for the
  // work to end, then an alert, if any, is the outcome.
  const idle = await waitWhileBusy(page, APPLY_LIMIT_MS);
  if (!idle.ok) throw new Error(idle.reason);
  await settleBriefly(page);
  const alerts = await within(5_000, alertTexts(page));
  if (!alerts.ok) throw new Error(alerts.reason);
  const alert = alerts.value[0];
  return alert === undefined
    ? `${importer.confirmButton}: ${result.value.text.slice(0, 80)}`
    : `${importer.confirmButton}: refused: ${alert.slice(0, 100)}`;
}

/** Applies an accepted import with the importer's confirm button and waits for its outcome. */
export async function applyImport(
  page: Page,
  importer: Importer,
  crashed: () => boolean,
): Promise<Applied> {
  const limit = 2 * APPLY_LIMIT_MS + SETTLE_LIMIT_MS + 20_000;
  const result = await within(limit, applyUnbounded(page, importer));
  if (result.ok) return { text: result.value, ended: true };
  return { text: `${importer.confirmButton}: ${failureOf(result, crashed())}`, ended: false };
}

/** Where "opening afterwards" goes: the first plan listed, or the annotated document. */
async function openTarget(
  page: Page,
  importer: Importer,
): Promise<{ route: string; ready: string; what: string }> {
  if (importer.kind === 'annotations') {
    return { route: `/doc/${ANNOTATED_DOC_ID}`, ready: HIGHLIGHTS_READY, what: 'the document' };
  }
  const plan = await page.evaluate(() => {
    const link = document.querySelector('main a[href^="#/planner/plan/"]');
    const href = link?.getAttribute('href');
    return href ? { href, title: (link?.textContent ?? '').trim() } : null;
  });
  if (plan === null) {
    return { route: '/planner', ready: '^Planner$', what: 'the planner home (no plan listed)' };
  }
  return {
    route: plan.href.replace(/^#/, ''),
    ready: `^${escapeRegExp(plan.title)}$`,
    what: `the plan “${plan.title}”`,
  };
}

async function openUnbounded(
  page: Page,
  importer: Importer,
  crashed: () => boolean,
): Promise<OpenedAfter> {
  const target = await openTarget(page, importer);
  await goToRoute(page, NEUTRAL_ROUTE);
  await settleBriefly(page);
  // Only the content counts as open: an alert left from a failed save is not the document.
  const watch = watchFor<'ready'>(page, {
    startOnFileChange: false,
    outcomes: [
      { kind: 'ready', selector: HEADING_SELECTOR, pattern: target.ready, newOnly: false },
    ],
  });
  await watch.armed;
  const { now: armedAt } = await pageClock(page);
  await goToRoute(page, target.route);
  const shown = await within(OPEN_LIMIT_MS, watch.result);
  if (crashed()) return { what: target.what, readyMs: null, tasks: null, note: 'the page crashed' };
  // Measured even when the content never showed: the task that kept it from showing is the news.
  const { tasks, note } = await tasksUntilQuiet(page, shown.ok ? shown.value.startedAt : armedAt);
  const notShown = shown.ok
    ? ''
    : `${failureOf(shown, false)}: not shown within ${OPEN_LIMIT_MS / 1000} s`;
  return {
    what: target.what,
    readyMs: shown.ok ? shown.value.shownAt - shown.value.startedAt : null,
    tasks,
    note: [notShown, note].filter(Boolean).join('; '),
  };
}

/** Leaves for a light page, then opens the plan or document and measures the main thread. */
export async function openAfterImport(
  page: Page,
  importer: Importer,
  crashed: () => boolean,
): Promise<OpenedAfter> {
  const limit = OPEN_LIMIT_MS + 2 * (SETTLE_LIMIT_MS + 5_000) + TASKS_UNTIL_QUIET_LIMIT_MS;
  const result = await within(limit, openUnbounded(page, importer, crashed));
  if (result.ok) return result.value;
  const what = failureOf(result, crashed());
  return { what: importer.opens, readyMs: null, tasks: null, note: `${what} while opening` };
}
