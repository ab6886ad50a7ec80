/**
 * Child process entry: `node --expose-gc --import tsx worker.ts <job.json>`. Reads the corpus and
 * queries the parent wrote, measures one engine, writes the measurement next to the job file.
 * One process per engine and corpus keeps heap figures and JIT warm-up independent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchCorpus } from './corpus';
import { measureEngine, type MeasureJob } from './measure';
import type { QuerySets } from './queries';

/** The job file a parent hands to this worker. */
export interface WorkerJob extends MeasureJob {
  corpusFile: string;
  resultFile: string;
}

const jobFile = process.argv[2];
if (!jobFile) throw new Error('usage: worker.ts <job.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as WorkerJob;
const { corpus, queries } = JSON.parse(readFileSync(job.corpusFile, 'utf8')) as {
  corpus: BenchCorpus;
  queries: QuerySets;
};
writeFileSync(job.resultFile, JSON.stringify(measureEngine(corpus, queries, job)));
