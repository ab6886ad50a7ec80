/**
 * `npx tsx tests/bench/room/readme.ts`: rewrites the workshop room figures of README.md's
 * Performance section (between the `room-bench` markers) from the last run's
 * tests/bench/results/room.json.
 */
import { readFileSync } from 'node:fs';
import { machineLine, markdownTable } from '../support/markdown';
import { rewriteReadmeBlock } from '../support/readmeBlock';
import { goalMet } from '../support/types';
import { RESULT_FILE, toBenchRows, type RoomBenchResult } from './index';

const result = JSON.parse(readFileSync(RESULT_FILE, 'utf8')) as RoomBenchResult;
const goalText = (row: ReturnType<typeof toBenchRows>[number]): string => {
  if (row.goal === undefined) return '';
  const sign = row.goal.kind === 'atMost' ? '≤' : row.goal.kind === 'below' ? '<' : '>';
  return `${sign} ${row.goal.limit} ${row.unit}: ${goalMet(row) ? 'met' : 'NOT MET'}`;
};
const rows = toBenchRows(result).map((row) => [
  row.metric,
  `${row.value} ${row.unit}`,
  row.detail ?? '',
  goalText(row),
]);
rewriteReadmeBlock('room-bench', { generator: import.meta.filename, source: RESULT_FILE }, [
  `Measured with \`npm run bench -- room\` on ${machineLine(result.load)}`,
  '',
  markdownTable(['Measure', 'Value', 'Detail', 'Goal'], rows),
  '',
  `${result.participants} participants joined in ${Math.round(result.joinMs)} ms, each with an open event stream; ${result.voteRounds} rounds in which all of them voted at once (polls and dot votes alternately), then a Q&A round in which all asked a question at once and then all upvoted one: ${result.answers} answers, ${result.resultEvents} results events to the presenter. Requests went through one keep-alive agent of ${result.actionSockets} sockets, so a request's time includes its wait for a socket.`,
]);
