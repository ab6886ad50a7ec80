/**
 * Child process entry: `node --expose-gc --import tsx worker.ts <job.json>`. An `import` job reads
 * and indexes one pack file; a `search` job opens some index segments and answers the search
 * benchmark's query suite. One process per job, so each import is a cold one (as a user's is)
 * and heap figures of one job do not carry into the next.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import type { BenchCorpus } from '../search/corpus';
import { measureRun } from '../search/measure';
import type { QuerySets } from '../search/queries';
import { measureImport, segmentsEngine, type ImportContext } from './measure';

/** What the parent asks of a worker. */
export type PackJobSpec =
  | { kind: 'import'; packFile: string; contextFile: string }
  | {
      kind: 'search';
      /** The configuration's name, e.g. "library + 1,000-doc pack". */
      label: string;
      /** Segments written by `serializeSegments`. */
      segmentsFile: string;
      /** The query sets and the vocabulary, as `{ queries, vocabulary }`. */
      queriesFile: string;
      /** Passes over each query set after warm-up. */
      repetitions: number;
    };

/** The job file the parent hands to this worker: the job and where its result goes. */
export type PackWorkerJob = PackJobSpec & { resultFile: string };

const jobFile = process.argv[2];
if (!jobFile) throw new Error('usage: worker.ts <job.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as PackWorkerJob;

if (job.kind === 'import') {
  const context = JSON.parse(readFileSync(job.contextFile, 'utf8')) as ImportContext;
  const bytes = new Uint8Array(readFileSync(job.packFile));
  writeFileSync(job.resultFile, JSON.stringify(await measureImport(bytes, context)));
} else {
  const { queries, vocabulary } = JSON.parse(readFileSync(job.queriesFile, 'utf8')) as {
    queries: QuerySets;
    vocabulary: Vocabulary;
  };
  // measureRun hands the corpus to the engine's load, which for segments needs no documents.
  const corpus: BenchCorpus = { name: job.label, origin: 'segments', vocabulary, docs: [] };
  const take = () => new Uint8Array(readFileSync(job.segmentsFile));
  const measured = await measureRun(corpus, queries, 'ours', take, job.repetitions, segmentsEngine);
  writeFileSync(job.resultFile, JSON.stringify(measured));
}
