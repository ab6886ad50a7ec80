import type { Benchmark, BenchRow } from './support/types';

/** A module that measures something: its default export returns the rows to print, or a promise of them. */
type BenchModule = { default: () => BenchRow[] | Promise<BenchRow[]> };

/** Loads a benchmark module only when it runs, so `npm run bench -- <name>` skips the rest. */
function lazy(name: string, load: () => Promise<BenchModule>): Benchmark {
  return { name, run: async () => (await load()).default() };
}

/**
 * Every benchmark `npm run bench` runs, in order. To add one, write `tests/bench/<name>.bench.ts`
 * whose default export returns `BenchRow[]`, and add one line here.
 */
export const benchmarks: readonly Benchmark[] = [
  lazy('initial-js', () => import('./initial-js.bench')),
  lazy('start-up', () => import('./startup.bench')),
  lazy('search', () => import('./search/index')),
  lazy('planner', () => import('./planner/index')),
  lazy('imports', () => import('./imports/index')),
  lazy('stored-open', () => import('./storedOpen.bench')),
  lazy('packs', () => import('./packs/index')),
  lazy('team', () => import('./team/index')),
  lazy('room', () => import('./room/index')),
];
