import { join } from 'node:path';
import { build } from 'esbuild';
import { startServer } from '../../../build/scripts/serve';
import { launchChromium } from '../../e2e/support/chromium';
import { readBuiltIndexHtml } from '../support/build-output';
import { saveRun, SIZES, WARMUP, type SaveRun } from './result';
import { STORE_KINDS, type StoreKind, type StoreRunResult } from './saveLoop';

type PageOutcome =
  { ok: true; result: StoreRunResult; storedBytes: number } | { ok: false; message: string };

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
 * Both planner stores in headless Chromium on the served app's origin, over its real
 * localStorage (quota included). A run the browser refuses is a failure line, not a crash.
 */
export async function runInChromium(
  failures: string[],
): Promise<{ version: string; runs: SaveRun[] }> {
  readBuiltIndexHtml();
  const source = await bundle();
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  const runs: SaveRun[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays in force.
    await page.evaluate(source);
    for (const size of SIZES) {
      for (const kind of STORE_KINDS) {
        console.log(`bench: team saves, ${size.tasks} tasks, ${kind}, Chromium…`);
        const outcome = await page.evaluate(
          ([k, tasks, saves, warm]) =>
            (
              window as unknown as {
                __teamSaveBench: (
                  k: StoreKind,
                  a: number,
                  b: number,
                  c: number,
                ) => Promise<PageOutcome>;
              }
            ).__teamSaveBench(k, tasks, saves, warm),
          [kind, size.tasks, size.saves, WARMUP] as const,
        );
        if (outcome.ok)
          runs.push(saveRun('browser', outcome.result, size.goalMs, outcome.storedBytes));
        else failures.push(`Chromium, ${kind}, ${size.tasks} tasks: ${outcome.message}`);
      }
    }
    return { version: browser.version(), runs };
  } finally {
    await browser.close();
    await server.close();
  }
}
