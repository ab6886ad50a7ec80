import { cpus } from 'node:os';

/**
 * Markdown pieces the suite benches (search, packs) print and write into README.md, so both
 * render tables and the machine line the same way.
 */

/** Renders rows as a Markdown table with padded columns. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  // The rule row as Prettier writes it, so a README regenerated from this stays formatted.
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [render(header), rule, ...rows.map(render)].join('\n');
}

function loadText(values: readonly number[]): string {
  return values.length === 0 ? 'n/a' : values.map((v) => v.toFixed(1)).join(' / ');
}

/** One line on the machine and its load averages at the start and end of a run. */
export function machineLine(load: { start: readonly number[]; end: readonly number[] }): string {
  const cpu = cpus();
  const busy = Math.max(...load.start, ...load.end) > cpu.length;
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average (1 / 5 / 15 min) ${loadText(load.start)} at start, ${loadText(load.end)} at end${busy ? ' (busy machine: timings are inflated and noisy)' : ''}.`;
}
