/**
 * Runs the import benchmark alone and prints its rows:
 * `npx tsx tests/bench/imports/main.ts [name…]` (only the hostile files whose name contains one
 * of the arguments).
 */
import { formatTable } from '../support/table';
import { runImportBenchmark } from './index';

const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const rows = await runImportBenchmark(filters);
console.log(formatTable([{ benchmark: 'imports', rows }]));
