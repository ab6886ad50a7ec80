import { cpus, loadavg } from 'node:os';
import type { BenchRow } from '../support/types';
import { ENGINE_NAMES, ENGINES, type EngineName } from './engines';
import type { EngineMeasurement, Latency } from './measure';
import { QUERY_KINDS } from './queries';
import type { CorpusName, SuiteResult } from './suite';

/** The issue's goals for our engine (issue 4, "Benchmark"). */
export const GOALS = {
  '1k': { typeaheadP95Ms: 5, searchReadyMs: 150, beatMiniSearch: true },
  '10k': { typeaheadP95Ms: 40, searchReadyMs: 800, beatMiniSearch: false },
} as const;

type GoalCorpus = keyof typeof GOALS;

/** One goal, checked. */
export interface GoalCheck {
  corpus: GoalCorpus;
  metric: 'typeahead p95' | 'search-ready';
  ours: number | null;
  limit: number;
  miniSearch: number | null;
  /** Whether ours must also be lower than MiniSearch's in the same run. */
  beatMiniSearch: boolean;
  met: boolean;
  text: string;
}

const REFERENCES = ENGINE_NAMES.filter((name) => name !== 'ours');
const MB = 1024 * 1024;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Search-ready time reported for a measurement: the median of its load runs. */
export function searchReady(m: EngineMeasurement): number {
  return median(m.readyMs);
}

function num(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 0.1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

function latencyCell(latency: Latency): string {
  const cut = latency.n < latency.planned ? ` (n=${latency.n}/${latency.planned})` : '';
  return `${num(latency.p50)} / ${num(latency.p95)} / ${num(latency.max)}${cut}`;
}

interface MetricRow {
  label: string;
  /** The number a ratio compares (null: not measured). */
  value: (m: EngineMeasurement) => number | null;
  cell: (m: EngineMeasurement) => string;
}

const METRICS: MetricRow[] = [
  {
    label: 'index build (s)',
    value: (m) => m.buildMs,
    cell: (m) => num(m.buildMs / 1000),
  },
  {
    label: 'serialized raw (MiB)',
    value: (m) => m.rawBytes,
    cell: (m) => num(m.rawBytes / MB),
  },
  {
    label: 'serialized gzip (MiB)',
    value: (m) => m.gzipBytes,
    cell: (m) => num(m.gzipBytes / MB),
  },
  {
    label: 'search-ready: parse + load (ms, median)',
    value: searchReady,
    cell: (m) => num(searchReady(m)),
  },
  {
    label: 'heap after load (MiB)',
    value: (m) => m.heapBytes,
    cell: (m) => (m.heapBytes === null ? 'n/a' : num(m.heapBytes / MB)),
  },
  ...QUERY_KINDS.map((kind): MetricRow => ({
    label: `${kind} p50 / p95 / max (ms)`,
    value: (m) => m.latency[kind].p95,
    cell: (m) => latencyCell(m.latency[kind]),
  })),
];

function find(
  result: SuiteResult,
  corpus: CorpusName,
  engine: EngineName,
): EngineMeasurement | undefined {
  return result.measurements.find((m) => m.corpus === corpus && m.engine === engine);
}

/** Checks the issue's goals against a run. A goal whose numbers are missing is not met. */
export function checkGoals(result: SuiteResult): GoalCheck[] {
  const checks: GoalCheck[] = [];
  for (const corpus of Object.keys(GOALS) as GoalCorpus[]) {
    if (!result.corpora.some((c) => c.name === corpus)) continue;
    const goal = GOALS[corpus];
    const ours = find(result, corpus, 'ours');
    const mini = find(result, corpus, 'minisearch');
    const pairs = [
      ['typeahead p95', goal.typeaheadP95Ms, (m: EngineMeasurement) => m.latency.typeahead.p95],
      ['search-ready', goal.searchReadyMs, searchReady],
    ] as const;
    for (const [metric, limit, read] of pairs) {
      const oursValue = ours ? read(ours) : null;
      const miniValue = mini ? read(mini) : null;
      const underLimit = oursValue !== null && oursValue < limit;
      const beatsMini =
        !goal.beatMiniSearch || (oursValue !== null && miniValue !== null && oursValue < miniValue);
      const met = underLimit && beatsMini;
      const parts = [
        `${corpus} ${metric} ${goal.beatMiniSearch ? `< ${limit} ms and < MiniSearch` : `< ${limit} ms`}:`,
        met ? 'met' : 'NOT MET',
        `(ours ${oursValue === null ? 'not measured' : `${num(oursValue)} ms`}${
          goal.beatMiniSearch
            ? `, MiniSearch ${miniValue === null ? 'not measured' : `${num(miniValue)} ms`}`
            : ''
        })`,
      ];
      checks.push({
        corpus,
        metric,
        ours: oursValue,
        limit,
        miniSearch: miniValue,
        beatMiniSearch: goal.beatMiniSearch,
        met,
        text: parts.join(' '),
      });
    }
  }
  return checks;
}

function goalCell(checks: GoalCheck[], corpus: CorpusName, label: string): [string, string] {
  const metric = label.startsWith('typeahead')
    ? 'typeahead p95'
    : label.startsWith('search-ready')
      ? 'search-ready'
      : null;
  const check = checks.find((c) => c.corpus === corpus && c.metric === metric);
  if (!check) return ['', ''];
  const goal = `${metric === 'typeahead p95' ? 'p95 ' : ''}< ${check.limit} ms${check.beatMiniSearch ? ' and < MiniSearch' : ''}`;
  return [goal, check.met ? 'met' : 'NOT MET'];
}

/** The one results table: every metric per corpus, our engine's ratio to each reference. */
export function formatTable(result: SuiteResult): string {
  const checks = checkGoals(result);
  const header = [
    'Corpus',
    'Metric',
    ...ENGINE_NAMES.map((name) => ENGINES[name].label),
    ...REFERENCES.map((name) => `ours ÷ ${ENGINES[name].label}`),
    'Goal (ours)',
    'Status',
  ];
  const rows: string[][] = [];
  for (const corpus of result.corpora) {
    const label = `${corpus.name} (${corpus.docs} docs)`;
    for (const metric of METRICS) {
      const measured = ENGINE_NAMES.map((name) => find(result, corpus.name, name));
      const ours = measured[0];
      const oursValue = ours ? metric.value(ours) : null;
      const ratios = REFERENCES.map((name) => {
        const reference = find(result, corpus.name, name);
        const referenceValue = reference ? metric.value(reference) : null;
        if (oursValue === null || referenceValue === null || referenceValue <= 0) return 'n/a';
        return `${(oursValue / referenceValue).toFixed(2)}×`;
      });
      rows.push([
        label,
        metric.label,
        ...measured.map((m, i) =>
          m
            ? metric.cell(m)
            : result.skipped.some((s) => s.corpus === corpus.name && s.engine === ENGINE_NAMES[i])
              ? 'skipped'
              : result.failures.some(
                    (f) => f.corpus === corpus.name && f.engine === ENGINE_NAMES[i],
                  )
                ? 'failed'
                : 'not run',
        ),
        ...ratios,
        ...goalCell(checks, corpus.name, metric.label),
      ]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [render(header), rule, ...rows.map(render)].join('\n');
}

/** The full printed report: context, the table, the goals, and how each engine was set up. */
export function formatReport(result: SuiteResult, loadBefore: readonly number[]): string {
  const cpu = cpus();
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(1)).join(' / ');
  const lines = [
    `Search benchmark: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average (1/5/15 min) ${load(loadBefore)} at start, ${load(loadavg())} at end${(loadavg()[0] ?? 0) > cpu.length ? ' (busy machine: timings are inflated and noisy)' : ''}.`,
    `Run took ${(result.totalMs / 1000).toFixed(0)} s. One fresh \`node --expose-gc\` process per engine and corpus.`,
    '',
    'Corpora:',
    ...result.corpora.map(
      (c) =>
        `- ${c.name}: ${c.docs} docs, ${c.words} body words; ${c.origin}. Queries: ${QUERY_KINDS.map((k) => `${c.queries[k]} ${k}`).join(', ')} (typeahead = every prefix of 12 two-word queries).`,
    ),
    '',
    formatTable(result),
    '',
    'Latency cells are p50 / p95 / max in ms; ratios compare p95 (latency rows) or the value; below 1× means ours is faster or smaller. "(n=a/b)": the time budget for that query kind ran out after a of b queries.',
    '',
    'Goals (issue 4):',
    ...checkGoals(result).map((check) => `- ${check.text}`),
    '',
    'Engines:',
    ...ENGINE_NAMES.map((name) => `- ${ENGINES[name].label}: ${ENGINES[name].notes}`),
  ];
  if (result.skipped.length > 0)
    lines.push(
      '',
      `Skipped to keep the run short (add --full): ${result.skipped.map((s) => `${ENGINES[s.engine].label} on ${s.corpus}`).join(', ')}. perf-anchors §5 measured plain lunr on a similar 10k corpus: build 49 s, search-ready 2.4-2.5 s, heap 372 MB, typeahead p95 190-275 ms.`,
    );
  if (result.failures.length > 0)
    lines.push(
      '',
      'Failed:',
      ...result.failures.map((f) => `- ${f.engine} on ${f.corpus}: ${f.message}`),
    );
  return lines.join('\n');
}

/** Rows for `npm run bench`'s shared table: each goal, plus how ours compares to MiniSearch. */
export function toBenchRows(result: SuiteResult): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const check of checkGoals(result)) {
    const ratio =
      check.ours !== null && check.miniSearch !== null && check.miniSearch > 0
        ? `${(check.ours / check.miniSearch).toFixed(2)}× MiniSearch (${num(check.miniSearch)} ms)`
        : 'MiniSearch not measured';
    rows.push({
      metric: `${check.corpus} docs: ${check.metric} (ours)`,
      value: check.ours ?? Number.NaN,
      unit: 'ms',
      detail: ratio,
      goal: { kind: 'below', limit: check.limit },
    });
    if (check.beatMiniSearch)
      rows.push({
        metric: `${check.corpus} docs: ${check.metric}, ours ÷ MiniSearch`,
        value:
          check.ours !== null && check.miniSearch !== null
            ? check.ours / check.miniSearch
            : Number.NaN,
        unit: '×',
        goal: { kind: 'below', limit: 1 },
      });
  }
  for (const m of result.measurements.filter((m) => m.engine === 'ours'))
    rows.push({
      metric: `${m.corpus} docs: serialized index (ours)`,
      value: m.rawBytes / MB,
      unit: 'MiB',
      detail: `gzip ${num(m.gzipBytes / MB)} MiB, heap ${m.heapBytes === null ? 'n/a' : `${num(m.heapBytes / MB)} MiB`}`,
    });
  return rows;
}
