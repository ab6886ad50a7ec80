/** Runs the planner save benchmark alone and prints its rows: `npx tsx tests/bench/planner/main.ts`. */
import { formatTable } from '../support/table';
import runPlannerBenchmark from './index';

const rows = await runPlannerBenchmark();
console.log(formatTable([{ benchmark: 'planner', rows }]));
