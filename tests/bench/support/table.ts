import { round } from './stats';
import { goalMet, type BenchResult, type Goal } from './types';

function goalText(goal: Goal | undefined, unit: string): string {
  if (!goal) return '';
  const sign = { below: '<', atMost: '≤', above: '>' }[goal.kind];
  return `${sign} ${goal.limit} ${unit}`;
}

/** Renders results as one Markdown table (readable in a terminal, pasteable into a report). */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['Benchmark', 'Metric', 'Value', 'Detail', 'Goal', 'Status'];
  const lines: string[][] = [];
  for (const result of results) {
    if (result.error) {
      lines.push([result.benchmark, 'FAILED', '', result.error.split('\n')[0] ?? '', '', 'error']);
      continue;
    }
    for (const row of result.rows) {
      const met = goalMet(row);
      lines.push([
        result.benchmark,
        row.metric,
        `${round(row.value)} ${row.unit}`,
        row.detail ?? '',
        goalText(row.goal, row.unit),
        met === null ? '' : met ? 'met' : 'NOT MET',
      ]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const render = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [render(header), rule, ...lines.map(render)].join('\n');
}
