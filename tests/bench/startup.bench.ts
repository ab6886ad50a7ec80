import type { Browser } from 'playwright-core';
import { startServer } from '../../build/scripts/serve';
import { launchChromium } from '../e2e/support/chromium';
import { readBuiltIndexHtml } from './support/build-output';
import { summarise } from './support/stats';
import type { BenchRow } from './support/types';

/** Runs per measurement; the median of an odd count is one real run. */
const RUNS = 7;
/** A load that takes longer than this is broken, not slow: fail instead of hanging. */
const LOAD_LIMIT_MS = 30_000;

/** Timings of one page load, in ms from the start of navigation. */
interface LoadTiming {
  firstContentfulPaint: number;
  domContentLoaded: number;
  navVisible: number;
  interactive: number;
}

/**
 * Installed before any page script: resolves `window.__benchNavVisible` with the time the Main
 * navigation first has a layout box. A MutationObserver sees it the moment React commits it,
 * without polling that would itself cost time.
 */
const WATCH_FOR_NAV = `
  window.__benchNavVisible = new Promise((resolve) => {
    const seen = () => {
      const nav = document.querySelector('nav[aria-label="Main"]');
      if (nav && nav.getClientRects().length > 0) { resolve(performance.now()); return true; }
      return false;
    };
    if (!seen()) {
      const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
      observer.observe(document, { childList: true, subtree: true });
    }
  });
`;

/** Loads the app in a fresh context (cold HTTP cache, empty storage) and reads its timings. */
async function measureOnce(browser: Browser, url: string): Promise<LoadTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH_FOR_NAV });
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_LIMIT_MS });
    const timing = page.evaluate(async () => {
      const fcp = await new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) {
            observer.disconnect();
            resolve(entry.startTime);
          }
        }).observe({ type: 'paint', buffered: true });
      });
      const navVisible = await (window as unknown as { __benchNavVisible: Promise<number> })
        .__benchNavVisible;
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      const domContentLoaded = navigation?.domContentLoadedEventEnd ?? 0;
      return {
        firstContentfulPaint: fcp,
        domContentLoaded,
        navVisible,
        interactive: Math.max(fcp, domContentLoaded, navVisible),
      };
    });
    return await Promise.race([
      timing,
      new Promise<never>((_, reject) => {
        setTimeout(
          () => reject(new Error(`No first paint or Main nav within ${LOAD_LIMIT_MS} ms of load.`)),
          LOAD_LIMIT_MS,
        ).unref();
      }),
    ]);
  } finally {
    await context.close();
  }
}

/**
 * Start-up of the browser edition in headless Chromium, served in-process from the build output.
 * "Interactive" means: the Main navigation is visible, DOMContentLoaded has finished and the
 * first contentful paint has happened (the latest of the three).
 */
export default async function startup(): Promise<BenchRow[]> {
  readBuiltIndexHtml();
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  try {
    const timings: LoadTiming[] = [];
    for (let run = 0; run < RUNS; run += 1) timings.push(await measureOnce(browser, server.url));
    const fcp = summarise(timings.map((timing) => timing.firstContentfulPaint));
    const dcl = summarise(timings.map((timing) => timing.domContentLoaded));
    const interactive = summarise(timings.map((timing) => timing.interactive));
    return [
      {
        metric: 'First contentful paint (median)',
        value: fcp.median,
        unit: 'ms',
        detail: fcp.detail,
        goal: { kind: 'below', limit: 300 },
      },
      { metric: 'DOMContentLoaded (median)', value: dcl.median, unit: 'ms', detail: dcl.detail },
      {
        metric: 'Interactive: Main nav shown (median)',
        value: interactive.median,
        unit: 'ms',
        detail: `${interactive.detail}; Chromium ${browser.version()}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
