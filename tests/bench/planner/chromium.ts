import { join } from 'node:path';
import { build } from 'esbuild';
import { startServer } from '../../../build/scripts/serve';
import { launchChromium } from '../../e2e/support/chromium';
import { readBuiltIndexHtml } from '../support/build-output';
import type { BenchRow } from '../support/types';
import { rowsFor } from './report';
import type { SaveRunResult } from './saveLoop';

type PageOutcome = { ok: true; result: SaveRunResult } | { ok: false; message: string };

/** The save loop bundled for the page (the core modules and the browser host's storage logic). */
async function bundle(): Promise<string> {
  const output = await build({
    entryPoints: [join(import.meta.dirname, 'browserEntry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return output.outputFiles[0]?.text ?? '';
}

/**
 * Runs the save loop in headless Chromium on the served app's origin, so it uses that origin's
 * real localStorage (quota included). A size the browser refuses is reported as a failed row,
 * not thrown: that is a finding, not a broken benchmark.
 */
export async function runInChromium(
  sizes: readonly { tasks: number; goalMs: number; saves: number }[],
  warmup: number,
): Promise<BenchRow[]> {
  readBuiltIndexHtml();
  const source = await bundle();
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays in force.
    await page.evaluate(source);
    for (const size of sizes) {
      console.log(`bench: planner saves, ${size.tasks} tasks, Chromium ${browser.version()}…`);
      const outcome = await page.evaluate(
        ([tasks, saves, warm]) =>
          (
            window as unknown as {
              __plannerSaveBench: (a: number, b: number, c: number) => Promise<PageOutcome>;
            }
          ).__plannerSaveBench(tasks, saves, warm),
        [size.tasks, size.saves, warmup] as const,
      );
      if (outcome.ok) {
        rows.push(
          ...rowsFor(`Chromium ${browser.version()}, localStorage`, outcome.result, size.goalMs),
        );
      } else {
        rows.push({
          metric: `Save, ${size.tasks.toLocaleString('en-CA')} tasks (Chromium, localStorage)`,
          value: Number.NaN,
          unit: 'ms',
          detail: `not possible: ${outcome.message}`,
          goal: { kind: 'below', limit: size.goalMs },
        });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
