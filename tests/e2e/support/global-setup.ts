import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureBuilt, rendererOutDir, startServer } from '../../../build/scripts/serve';
import { chromiumPath } from './chromium';
import { newestSourceChange } from './staleness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served browser edition, e.g. `http://127.0.0.1:41234/`. */
    baseURL: string;
  }
}

/**
 * Runs once before all end-to-end files: checks Chromium (failing the whole run with one clear
 * message if it is missing), builds the browser edition if it has never been built, and serves
 * it on a free loopback port.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromiumPath();
  ensureBuilt();
  warnIfStale();
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  project.provide('baseURL', server.url);
  console.log(`e2e: serving ${rendererOutDir} at ${server.url}`);
  return () => server.close();
}

/** A stale build tests yesterday's code: say so rather than rebuild under other processes' feet. */
function warnIfStale(): void {
  const builtAt = statSync(join(rendererOutDir, 'index.html')).mtimeMs;
  const changed = newestSourceChange();
  if (changed && changed.mtimeMs > builtAt) {
    console.warn(
      `e2e: WARNING: ${changed.path} changed after the last build; run \`npm run build\` to ` +
        'test the current code (npm test always builds first).',
    );
  }
}
