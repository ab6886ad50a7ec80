/**
 * `npx tsx tests/bench/search/readme.ts`: rewrites the search figures of README.md's Performance
 * section (between the `search-bench` markers) from the last run's tests/bench/results/search.json.
 */
import { readFileSync } from 'node:fs';
import { machineLine } from '../support/markdown';
import { rewriteReadmeBlock } from '../support/readmeBlock';
import { RESULT_FILE } from './index';
import { formatGoals, formatTable } from './report';
import type { SuiteResult } from './suite';

const result = JSON.parse(readFileSync(RESULT_FILE, 'utf8')) as SuiteResult;
rewriteReadmeBlock('search-bench', { generator: import.meta.filename, source: RESULT_FILE }, [
  `Measured with \`npm run bench -- search\` on ${machineLine(result.load)}`,
  '',
  formatGoals(result),
  '',
  formatTable(result),
]);
