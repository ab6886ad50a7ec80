/**
 * `npx tsx tests/bench/packs/readme.ts`: rewrites the content pack figures of README.md's
 * Performance section (between the `packs-bench` markers) from the last run's
 * tests/bench/results/packs.json.
 */
import { readFileSync } from 'node:fs';
import { machineLine } from '../support/markdown';
import { rewriteReadmeBlock } from '../support/readmeBlock';
import { RESULT_FILE } from './index';
import { formatImportTable, formatSearchTable, methodText } from './report';
import type { PacksResult } from './suite';

const result = JSON.parse(readFileSync(RESULT_FILE, 'utf8')) as PacksResult;
rewriteReadmeBlock('packs-bench', { generator: import.meta.filename, source: RESULT_FILE }, [
  `Measured with \`npm run bench -- packs\` on ${machineLine(result.load)}`,
  '',
  formatImportTable(result),
  '',
  formatSearchTable(result),
  '',
  methodText(result),
]);
