/**
 * Child process entry: `node --expose-gc --import tsx worker.ts <job.json>`. A `build` job builds
 * one engine's index over a corpus and writes it to `indexFile`; a `run` job loads that file and
 * answers the query suite. One process per job keeps heap figures and JIT warm-up independent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchCorpus } from './corpus';
import type { EngineName } from './engines';
import { measureBuild, measureRun } from './measure';
import type { QuerySets } from './queries';

/** The job file a parent hands to this worker. */
export interface WorkerJob {
  kind: 'build' | 'run';
  engine: EngineName;
  corpusFile: string;
  /** Where the serialized index is written (build) or read from (run). */
  indexFile: string;
  /** Whether the serialized index is text (JSON) or bytes. */
  binary: boolean;
  /** Passes over each query set after warm-up (run). */
  repetitions: number;
  resultFile: string;
}

const jobFile = process.argv[2];
if (!jobFile) throw new Error('usage: worker.ts <job.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as WorkerJob;
const { corpus, queries } = JSON.parse(readFileSync(job.corpusFile, 'utf8')) as {
  corpus: BenchCorpus;
  queries: QuerySets;
};

if (job.kind === 'build') {
  const { measurement, serialized } = measureBuild(corpus, job.engine);
  writeFileSync(job.indexFile, serialized);
  writeFileSync(job.resultFile, JSON.stringify(measurement));
} else {
  const take = () =>
    job.binary ? readFileSync(job.indexFile) : readFileSync(job.indexFile, 'utf8');
  const measurement = await measureRun(corpus, queries, job.engine, take, job.repetitions);
  writeFileSync(job.resultFile, JSON.stringify(measurement));
}
