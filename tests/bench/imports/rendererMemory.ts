/**
 * The peak memory of Chromium's renderer processes, read by Linux from outside the browser. It
 * cross-checks the sampled heap: the page and its dedicated workers live in one renderer process,
 * and the kernel's high-water mark (VmHWM) catches a peak that lasts less than the time between
 * two heap readings, or that happens while every isolate is too busy to answer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const KB = 1024;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    return match?.[1] === undefined ? null : Number(match[1]) * KB;
  } catch {
    return null; // The process has ended.
  }
}

/** Renderer processes of one browser, with the resident size each had at the baseline. */
export class RendererMemory {
  private baseline = new Map<number, number>();

  private constructor(
    private readonly browser: Browser,
    /** The browser process's id, for a last-resort kill when it will not close. */
    readonly browserPid: number | null,
  ) {}

  /** Null where there is no /proc to read (not Linux): the heap readings then stand alone. */
  static async attach(browser: Browser): Promise<RendererMemory | null> {
    const memory = new RendererMemory(
      browser,
      await processIds(browser, 'browser').then((p) => p[0] ?? null),
    );
    return memory.browserPid !== null && statusField(memory.browserPid, 'VmRSS') !== null
      ? memory
      : null;
  }

  /**
   * Notes every renderer's resident size and resets its high-water mark to it (writing 5 to
   * /proc/<pid>/clear_refs), so the peak read later is the import's, not the start-up's.
   */
  async resetPeaks(): Promise<void> {
    this.baseline = new Map();
    for (const pid of await processIds(this.browser, 'renderer')) {
      const rss = statusField(pid, 'VmRSS');
      if (rss === null) continue;
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        // An older kernel keeps the old peak; the growth read later is then an overestimate.
      }
      this.baseline.set(pid, rss);
    }
  }

  /** The largest growth over the baseline since `resetPeaks()`, summed over renderers, in bytes. */
  peakGrowth(): number {
    let growth = 0;
    for (const [pid, rss] of this.baseline) {
      const peak = statusField(pid, 'VmHWM');
      if (peak !== null) growth += Math.max(0, peak - rss);
    }
    return growth;
  }
}

/** Ids of the browser's processes of one type, from the DevTools protocol. */
async function processIds(browser: Browser, type: 'browser' | 'renderer'): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    return processInfo.filter((process) => process.type === type).map((process) => process.id);
  } finally {
    await session.detach();
  }
}
