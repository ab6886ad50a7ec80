import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

function runWorker(worker: string, jobFile: string, nodeArgs: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', ...nodeArgs, '--import', 'tsx', worker, jobFile],
      { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`worker exited with ${signal ?? code}`)),
    );
  });
}

/**
 * Gives the function that runs one job of a suite bench in a fresh `node --expose-gc` process
 * running `worker` (so no run inherits another's heap or JIT state): the job is written to a JSON
 * file in `dir` with the `resultFile` the worker writes its JSON result to, which is returned.
 */
export function workerJobs<Spec extends object>(
  worker: string,
  dir: string,
  nodeArgs: readonly string[] = [],
): <T>(spec: Spec) => Promise<T> {
  let jobs = 0;
  return async <T>(spec: Spec): Promise<T> => {
    const resultFile = path.join(dir, `result-${(jobs += 1)}.json`);
    const jobFile = path.join(dir, `job-${jobs}.json`);
    await writeFile(jobFile, JSON.stringify({ ...spec, resultFile }));
    await runWorker(worker, jobFile, nodeArgs);
    return JSON.parse(await readFile(resultFile, 'utf8')) as T;
  };
}
