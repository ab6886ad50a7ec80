import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject, test as base } from 'vitest';
import { projectRoot } from '../../../build/scripts/serve';
import { launchChromium } from './chromium';
import { ConsoleRecorder } from './console-recorder';
import { RequestRecorder } from './request-recorder';

/** One test's view of the app: a fresh browser context (so fresh storage) and its recorders. */
export interface AppSession {
  readonly baseURL: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requests: RequestRecorder;
  readonly console: ConsoleRecorder;
  /** Opens the app at a hash route, e.g. `open('/about')`, or the start page with no argument. */
  open(route?: string): Promise<void>;
  /** The full URL of a hash route. */
  urlFor(route?: string): string;
}

/** Where screenshots of failed tests go (gitignored). */
export const RESULTS_DIR = join(projectRoot, 'test-results', 'e2e');

/**
 * The end-to-end `test`: one Chromium per file, and per test a fresh context with a request
 * recorder and a console recorder. After each test it fails the test if any request left the
 * app's origin or the page logged an error, and keeps a screenshot of a failed test.
 */
export const test = base
  .extend('baseURL', { scope: 'file' }, () => inject('baseURL'))
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('app', async ({ browser, baseURL, task }, { onCleanup }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Long enough for a cold start on a slow CI machine, short enough to fail fast locally.
    context.setDefaultTimeout(15_000);
    const requests = await RequestRecorder.attach(context, baseURL);
    const page = await context.newPage();
    const consoleRecorder = ConsoleRecorder.attach(page);
    const urlFor = (route?: string): string => (route ? `${baseURL}#${route}` : baseURL);
    const session: AppSession = {
      baseURL,
      context,
      page,
      requests,
      console: consoleRecorder,
      urlFor,
      open: async (route) => {
        await page.goto(urlFor(route), { waitUntil: 'load' });
      },
    };
    onCleanup(async () => {
      const problems = [requests, consoleRecorder].flatMap((recorder) => recorder.problems());
      try {
        if (problems.length > 0 || task.result?.state === 'fail') {
          await saveScreenshot(page, `${task.suite?.name ?? ''} ${task.name}`);
        }
      } finally {
        await context.close();
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    return session;
  });

/** Keeps a full-page screenshot of a failed test in test-results/e2e/. */
async function saveScreenshot(page: Page, testName: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const name = testName
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true }).then(
    () => console.log(`e2e: screenshot of the failed test saved to ${path}`),
    (error: unknown) => console.warn(`e2e: could not save a screenshot: ${String(error)}`),
  );
}

export { describe, expect } from 'vitest';
