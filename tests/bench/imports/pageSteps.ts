/**
 * Small steps the import benchmark takes in the page, each one safe on a page that may be frozen:
 * every wait is bounded, and a frozen page gets one more chance to say what froze it.
 */
import type { Page } from 'playwright-core';
import { within, type Bounded } from './bounded';
import { ALERT_SELECTOR, STATUS_SELECTOR } from './importers';
import { longTasksBetween, settle, type LongTasks } from './pageProbes';

/** "Settled": no long task for this long, waited for at most SETTLE_LIMIT_MS. */
export const QUIET_MS = 1_000;
export const SETTLE_LIMIT_MS = 15_000;
/** How long a frozen page gets to answer once more before its long tasks are given up on. */
const FROZEN_GRACE_MS = 60_000;
/** The longest `tasksUntilQuiet` can take, for callers that bound a whole step. */
export const TASKS_UNTIL_QUIET_LIMIT_MS = SETTLE_LIMIT_MS + 5_000 + FROZEN_GRACE_MS;

/** Why a step ended without its result. */
export type StepFailure = 'timed out' | 'crashed' | 'failed';

/** Names a failed bounded step; a crashed page explains any failure. */
export function failureOf(result: Bounded<unknown>, crashed: boolean): StepFailure {
  if (crashed) return 'crashed';
  return !result.ok && result.reason === 'timed out' ? 'timed out' : 'failed';
}

/** Goes to a hash route inside the app, as a link would (the document, and its probes, stay). */
export async function goToRoute(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${route}`);
}

/** Clicks a button in `main` by its exact text, from the page (no actionability polling). */
export function clickButton(page: Page, label: string): Promise<boolean> {
  return page.evaluate((text) => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('main button')) {
      if (button.textContent?.trim() === text && !button.disabled) {
        button.click();
        return true;
      }
    }
    return false;
  }, label);
}

/** The text of every alert on the page. */
export function alertTexts(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const texts: string[] = [];
    for (const alert of document.querySelectorAll<HTMLElement>(selector)) {
      const text = alert.innerText.replace(/\s+/g, ' ').trim();
      if (text !== '') texts.push(text);
    }
    return texts;
  }, ALERT_SELECTOR);
}

/**
 * Waits while a status says the app is still at work ("Importing “x”…", "Saving…"): the work
 * may be in a worker, where the main thread's quiet says nothing. Polls only the few status
 * elements, every 100 ms.
 */
export function waitWhileBusy(page: Page, limitMs: number): Promise<Bounded<unknown>> {
  return within(
    limitMs,
    page.waitForFunction(
      (selector) =>
        ![...document.querySelectorAll(selector)].some((status) =>
          /…$/.test((status.textContent ?? '').trim()),
        ),
      STATUS_SELECTOR,
      { polling: 100, timeout: 0 },
    ),
  );
}

/** Waits until the page has been quiet a while; bounded, so a frozen page cannot hang it. */
export function settleBriefly(page: Page): Promise<Bounded<unknown>> {
  return within(SETTLE_LIMIT_MS + 5_000, settle(page, QUIET_MS, SETTLE_LIMIT_MS));
}

/** Long tasks from `from` (page clock) until the page has been quiet a while, with any oddity. */
export async function tasksUntilQuiet(
  page: Page,
  from: number,
): Promise<{ tasks: LongTasks | null; note: string }> {
  const settled = await within(SETTLE_LIMIT_MS + 5_000, settle(page, QUIET_MS, SETTLE_LIMIT_MS));
  // A page that did not answer the wait is frozen: give it one more chance to answer, so the
  // task that froze it is measured rather than only guessed at.
  const end = settled.ok ? settled.value.at : Number.MAX_SAFE_INTEGER;
  const tasks = await within(
    settled.ok ? 10_000 : FROZEN_GRACE_MS,
    longTasksBetween(page, from, end),
  );
  const note = !tasks.ok
    ? `the page did not answer for over ${TASKS_UNTIL_QUIET_LIMIT_MS / 1000} s`
    : !settled.ok
      ? 'the page froze, then answered'
      : settled.value.quiet
        ? ''
        : `still busy ${SETTLE_LIMIT_MS / 1000} s later`;
  return { tasks: tasks.ok ? tasks.value : null, note };
}
