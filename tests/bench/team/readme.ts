/**
 * `npx tsx tests/bench/team/readme.ts`: rewrites the team folder figures of README.md's
 * Performance section (between the `team-bench` markers) from the last run's
 * tests/bench/results/team.json.
 */
import { readFileSync } from 'node:fs';
import { machineLine } from '../support/markdown';
import { rewriteReadmeBlock } from '../support/readmeBlock';
import { RESULT_FILE } from './index';
import { formatSaveTable, formatTeamReadTable, methodText } from './report';
import type { TeamResult } from './result';

const result = JSON.parse(readFileSync(RESULT_FILE, 'utf8')) as TeamResult;
rewriteReadmeBlock('team-bench', { generator: import.meta.filename, source: RESULT_FILE }, [
  `Measured with \`npm run bench -- team\` on ${machineLine(result.load)}${result.chromium ? ` Chromium ${result.chromium}.` : ''}`,
  '',
  formatSaveTable(result),
  '',
  formatTeamReadTable(result),
  '',
  methodText(result),
]);
