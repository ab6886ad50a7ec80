import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
/** axe-core's own browser build, from node_modules (never fetched from a CDN). */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** WCAG 2.0 A and AA, the project's bar, plus axe's best practices. */
export const AXE_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'best-practice'];

let axeSource: string | undefined;

/**
 * Puts axe-core into the page. `page.addScriptTag({ path })` would add an inline script, which
 * the app's CSP (`script-src 'self'`) rightly blocks; evaluating through the DevTools protocol is
 * not subject to the page's CSP, so the app is tested with its real policy in force.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(axeSource);
}

/** Runs axe-core on the whole document and returns its results. */
export async function runAxe(page: Page): Promise<AxeResults> {
  await injectAxe(page);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: [...AXE_TAGS] },
    resultTypes: ['violations'],
  };
  return page.evaluate((runOptions) => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
    };
    return axe.run(document, runOptions);
  }, options);
}

/** Formats violations as `rule (impact): help`, then each offending element and why. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const why = (node.failureSummary ?? '').split('\n').join(' ');
          return `    ${node.target.join(' ')}: ${why}`;
        })
        .join('\n');
      return `  ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n${nodes}`;
    })
    .join('\n');
}

/** Fails, listing every violation, if axe-core finds a WCAG 2.0 A/AA or best-practice issue. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await runAxe(page);
  if (results.violations.length > 0) {
    throw new Error(
      `axe-core found ${results.violations.length} violation(s) on ${label}:\n` +
        formatViolations(results.violations),
    );
  }
}
