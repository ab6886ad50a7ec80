import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../../build/scripts/serve';

/** Folders whose changes end up in the browser build (generated data excluded). */
const SOURCE_DIRS = ['renderer', 'content'];
const IGNORED = new Set([join('renderer', 'public', 'data')]);

/** The most recently modified source file of the browser build, or null if there are none. */
export function newestSourceChange(): { path: string; mtimeMs: number } | null {
  let newest: { path: string; mtimeMs: number } | null = null;
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(projectRoot, full);
      if (IGNORED.has(rel)) continue;
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        const { mtimeMs } = statSync(full);
        if (!newest || mtimeMs > newest.mtimeMs) newest = { path: rel, mtimeMs };
      }
    }
  };
  for (const dir of SOURCE_DIRS) visit(join(projectRoot, dir));
  return newest;
}
