/**
 * What the import benchmark runs inside the page: a long-task recorder installed before any app
 * script, a watcher that notes when an outcome appears in the DOM, and a wait for a quiet main
 * thread. They run in the page's own clock, so the times they report are not stretched by the
 * DevTools round trips of the driver.
 */
import type { Page } from 'playwright-core';

/** Long tasks (over 50 ms, the Long Tasks API's threshold) seen in a window of time. */
export interface LongTasks {
  /** The longest task in ms, or null when no task in the window was over 50 ms. */
  longest: number | null;
  count: number;
  /** All their durations added up, in ms. */
  total: number;
}

/** One thing the watcher waits for: an element matching `selector` whose text matches `pattern`. */
export interface WatchedOutcome<Kind extends string> {
  kind: Kind;
  selector: string;
  /** A regular expression's source, matched against the element's whitespace-collapsed text. */
  pattern: string;
  /** Only elements that were not on the page when the watch began (new alerts, new previews). */
  newOnly: boolean;
}

/** What to wait for, and from when to count. */
export interface WatchSpec<Kind extends string> {
  /** Count from the next `change` of a file input (choosing a file), not from the call. */
  startOnFileChange: boolean;
  outcomes: readonly WatchedOutcome<Kind>[];
}

/** What the watcher saw, in the page's `performance.now()` clock. */
export interface WatchResult<Kind extends string> {
  kind: Kind;
  /** The matching element's text, cut to 400 characters. */
  text: string;
  /** How many list items it holds (a refusal's listed problems). */
  listed: number;
  /** When the file was chosen, or when the watch began. */
  startedAt: number;
  /** When the element was in the DOM (the commit). */
  committedAt: number;
  /** The next animation frame after the commit: when it is painted and a person can see it. */
  shownAt: number;
}

/** Resolves with the time the main thread has been free of long tasks for a while. */
export interface SettleResult {
  at: number;
  /** False when the page was still busy when the wait's limit came. */
  quiet: boolean;
}

interface BenchProbes {
  longTaskSupported: boolean;
  watch(spec: WatchSpec<string>): Promise<WatchResult<string>>;
  settle(quietMs: number, maxMs: number): Promise<SettleResult>;
  longTasksBetween(from: number, to: number): LongTasks;
  now(): number;
}

type ProbedWindow = { __onmuniBench: BenchProbes };

/**
 * Installed with `page.addInitScript`, so it runs before the app's scripts and the observer sees
 * every long task from the start (DevTools injects it: the app's CSP stays in force). Plain
 * JavaScript in a string because it is sent to the browser as text; a compiled function could
 * carry the compiler's helpers, which do not exist in the page.
 */
export const PAGE_PROBES_SCRIPT = String.raw`
(() => {
  if (window.__onmuniBench) return;
  const longTasks = [];
  let lastLongTaskEnd = 0;
  const longTaskSupported =
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes.includes('longtask');
  const record = (entries) => {
    for (const entry of entries) {
      longTasks.push({ start: entry.startTime, duration: entry.duration });
      lastLongTaskEnd = Math.max(lastLongTaskEnd, entry.startTime + entry.duration);
    }
  };
  const observer = longTaskSupported
    ? new PerformanceObserver((list) => record(list.getEntries()))
    : null;
  observer?.observe({ type: 'longtask', buffered: true });
  // The observer's callback is a task of its own, and a call from the driver can run before it
  // right after a long task: take what is queued first, or the task that froze the page is missed.
  const flush = () => {
    if (observer) record(observer.takeRecords());
  };
  let fileChangedAt = null;
  document.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'file') {
      fileChangedAt = performance.now();
    }
  }, true);
  const textOf = (element) => (element.textContent || '').replace(/\s+/g, ' ').trim();

  window.__onmuniBench = {
    longTaskSupported,
    now: () => performance.now(),
    watch(spec) {
      // Per outcome: React may reuse one element for a status and then an alert (same tag, new
      // role), and that alert is new even though the element is not.
      const existing = spec.outcomes.map(
        (outcome) => new Set(document.querySelectorAll(outcome.selector)),
      );
      const patterns = spec.outcomes.map((outcome) => new RegExp(outcome.pattern));
      const armedAt = performance.now();
      if (spec.startOnFileChange) fileChangedAt = null;
      return new Promise((resolve) => {
        let done = false;
        const mutations = new MutationObserver(() => check());
        const check = () => {
          if (done) return;
          const startedAt = spec.startOnFileChange ? fileChangedAt : armedAt;
          if (startedAt === null) return;
          for (let index = 0; index < spec.outcomes.length; index += 1) {
            const outcome = spec.outcomes[index];
            for (const element of document.querySelectorAll(outcome.selector)) {
              if (outcome.newOnly && existing[index].has(element)) continue;
              const text = textOf(element);
              if (!patterns[index].test(text)) continue;
              done = true;
              mutations.disconnect();
              const committedAt = performance.now();
              // innerText keeps the breaks between paragraphs that textContent runs together.
              const shownText = (element.innerText || text).replace(/\s+/g, ' ').trim();
              const result = {
                kind: outcome.kind,
                text: shownText.slice(0, 400),
                listed: element.querySelectorAll('li').length,
                startedAt,
                committedAt,
              };
              let reported = false;
              const report = () => {
                if (reported) return;
                reported = true;
                resolve({ ...result, shownAt: performance.now() });
              };
              requestAnimationFrame(report);
              // A page that paints no frames (hidden) still answers.
              setTimeout(report, 1000);
              return;
            }
          }
        };
        mutations.observe(document.documentElement, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['role'],
        });
        // The file's change event has no DOM mutation of its own: look again once it has fired.
        document.addEventListener('change', () => setTimeout(check, 0), { capture: true, once: true });
        check();
      });
    },
    settle(quietMs, maxMs) {
      const start = performance.now();
      return new Promise((resolve) => {
        const tick = () => {
          flush();
          const now = performance.now();
          const quietSince = Math.max(lastLongTaskEnd, start);
          if (now - quietSince >= quietMs) resolve({ at: now, quiet: true });
          else if (now - start >= maxMs) resolve({ at: now, quiet: false });
          else setTimeout(tick, 100);
        };
        setTimeout(tick, 100);
      });
    },
    longTasksBetween(from, to) {
      flush();
      let longest = null;
      let count = 0;
      let total = 0;
      for (const task of longTasks) {
        if (task.start >= to || task.start + task.duration <= from) continue;
        longest = longest === null ? task.duration : Math.max(longest, task.duration);
        count += 1;
        total += task.duration;
      }
      return { longest, count, total };
    },
  };
})();
`;

/** Installs the probes in every document the page loads from now on. */
export async function installPageProbes(page: Page): Promise<void> {
  await page.addInitScript({ content: PAGE_PROBES_SCRIPT });
}

/** Starts a watch in the page; the returned promise settles when an outcome appears. */
export function watchFor<Kind extends string>(
  page: Page,
  spec: WatchSpec<Kind>,
): { armed: Promise<void>; result: Promise<WatchResult<Kind>> } {
  // Armed in one call and awaited in another, so the caller can act (choose a file, click)
  // between the two without missing an outcome that appears at once.
  const armed = page.evaluate((watchSpec: WatchSpec<string>) => {
    const probes = (window as unknown as ProbedWindow).__onmuniBench;
    (window as unknown as { __onmuniWatch: Promise<unknown> }).__onmuniWatch =
      probes.watch(watchSpec);
  }, spec as WatchSpec<string>);
  const result = armed.then(() =>
    page.evaluate(
      () => (window as unknown as { __onmuniWatch: Promise<WatchResult<Kind>> }).__onmuniWatch,
    ),
  );
  return { armed, result };
}

/** Waits (in the page) until no long task has run for `quietMs`, or `maxMs` has passed. */
export function settle(page: Page, quietMs: number, maxMs: number): Promise<SettleResult> {
  return page.evaluate(
    ([quiet, max]) => (window as unknown as ProbedWindow).__onmuniBench.settle(quiet, max),
    [quietMs, maxMs] as const,
  );
}

/** The long tasks that overlapped `[from, to]` (page clock). */
export function longTasksBetween(page: Page, from: number, to: number): Promise<LongTasks> {
  return page.evaluate(
    ([start, end]) =>
      (window as unknown as ProbedWindow).__onmuniBench.longTasksBetween(start, end),
    [from, to] as const,
  );
}

/** The page's clock now, and whether it reports long tasks at all. */
export function pageClock(page: Page): Promise<{ now: number; longTaskSupported: boolean }> {
  return page.evaluate(() => {
    const probes = (window as unknown as ProbedWindow).__onmuniBench;
    return { now: probes.now(), longTaskSupported: probes.longTaskSupported };
  });
}
