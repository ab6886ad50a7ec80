/**
 * `npm run bench [-- <name>...]`: runs the registered benchmarks (all, or those whose name
 * contains one of the arguments), prints one table and writes results/latest.json.
 * Not part of `npm test`: timings depend on the machine and are for people to read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchmarks } from './benchmarks';
import { formatTable } from './support/table';
import { goalMet, type BenchResult } from './support/types';

const RESULTS_DIR = join(import.meta.dirname, 'results');

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const selected = benchmarks.filter(
    ({ name }) => filters.length === 0 || filters.some((filter) => name.includes(filter)),
  );
  if (selected.length === 0) {
    const names = benchmarks.map(({ name }) => name).join(', ');
    throw new Error(`No benchmark matches ${filters.join(', ')}. Known: ${names}.`);
  }

  const results: BenchResult[] = [];
  for (const benchmark of selected) {
    console.log(`bench: running ${benchmark.name}…`);
    const started = performance.now();
    try {
      results.push({ benchmark: benchmark.name, rows: await benchmark.run() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`bench: ${benchmark.name} failed: ${message}`);
      results.push({ benchmark: benchmark.name, rows: [], error: message });
    }
    console.log(
      `bench: ${benchmark.name} took ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  const cpu = cpus();
  const machine = {
    platform: `${platform()} ${release()}`,
    cpu: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: Number(loadavg()[0]?.toFixed(2) ?? 0),
  };
  console.log(`\nOnMuni Toolkit benchmarks, ${new Date().toISOString()}`);
  console.log(
    `Machine: ${machine.platform}, ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}\n`,
  );
  if (machine.loadAverage1m > cpu.length) {
    console.log(
      `Warning: load average ${machine.loadAverage1m} on ${cpu.length} cores; other work is ` +
        'running, so timings are inflated. Re-run on a quiet machine for numbers to compare.\n',
    );
  }
  console.log(formatTable(results));

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, 'latest.json');
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${file}`);

  const failed = results.filter((result) => result.error);
  const missed = results.flatMap((result) => result.rows).filter((row) => goalMet(row) === false);
  if (missed.length > 0) console.log(`${missed.length} goal(s) not met.`);
  // A broken benchmark is an error; a missed goal is information, not a failure.
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
