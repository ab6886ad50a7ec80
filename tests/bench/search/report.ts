import { machineLine, markdownTable } from '../support/markdown';
import type { BenchRow } from '../support/types';
import { ENGINE_NAMES, ENGINES, type EngineName } from './engines';
import {
  MIN_SAMPLES,
  passesFor,
  type BuildMeasurement,
  type Latency,
  type RunMeasurement,
} from './measure';
import { QUERY_KINDS, type QueryKind } from './queries';
import { RUNS, type CorpusName, type SuiteResult } from './suite';

/**
 * The goals of issue 14, checked against a run of the suite. A ratio is ours ÷ MiniSearch within
 * one run (the same query set, the same machine state), and the ratio reported is the median of
 * the runs' ratios. A goal whose numbers are missing is not met.
 */
const RATIO_GOAL = 0.8;
const ABSOLUTE_GOALS = {
  '1k': { typeaheadP95Ms: 5, searchReadyMs: 150 },
  '10k': { typeaheadP95Ms: 20, searchReadyMs: 500 },
} as const;
type GoalCorpus = keyof typeof ABSOLUTE_GOALS;

/** One goal, checked. */
export interface GoalCheck {
  corpus: GoalCorpus;
  /** What is compared, e.g. "typeahead p95 ÷ MiniSearch". */
  label: string;
  /** The measured value: a ratio (×) or an absolute figure in `unit`. */
  value: number | null;
  unit: '×' | 'ms' | 'MiB';
  /** Met when value <= limit (ratios) or value < limit (absolute). */
  limit: number;
  inclusive: boolean;
  met: boolean;
  /** Ours and MiniSearch as medians, for the detail column. */
  ours: number | null;
  miniSearch: number | null;
  oursUnit: string;
}

const MB = 1024 * 1024;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function num(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (value < 0.1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

const runsOf = (result: SuiteResult, corpus: CorpusName, engine: EngineName) =>
  result.runs.filter((run) => run.corpus === corpus && run.engine === engine);
const buildOf = (result: SuiteResult, corpus: CorpusName, engine: EngineName) =>
  result.builds.find((build) => build.corpus === corpus && build.engine === engine);

/** A figure of one run. */
type RunValue = (run: RunMeasurement) => number | null;
const ready: RunValue = (run) => run.readyMs;
const heap: RunValue = (run) => (run.heapBytes === null ? null : run.heapBytes / MB);
const p95 =
  (kind: QueryKind): RunValue =>
  (run) =>
    run.latency[kind].p95;

/** The median over runs of one engine's figure. */
function medianOf(result: SuiteResult, corpus: CorpusName, engine: EngineName, value: RunValue) {
  const values = runsOf(result, corpus, engine)
    .map(value)
    .filter((v): v is number => v !== null);
  return values.length === 0 ? null : median(values);
}

/** The median of ours ÷ MiniSearch over runs paired by their order. */
function medianRatio(result: SuiteResult, corpus: CorpusName, value: RunValue): number | null {
  const ours = runsOf(result, corpus, 'ours');
  const mini = runsOf(result, corpus, 'minisearch');
  const ratios = ours.flatMap((run, i) => {
    const [a, b] = [value(run), mini[i] ? value(mini[i]) : null];
    return a !== null && b !== null && b > 0 ? [a / b] : [];
  });
  return ratios.length === 0 ? null : median(ratios);
}

/** Every goal of the issue, for the corpora that ran. */
export function checkGoals(result: SuiteResult): GoalCheck[] {
  const checks: GoalCheck[] = [];
  for (const corpus of Object.keys(ABSOLUTE_GOALS) as GoalCorpus[]) {
    if (!result.corpora.some((c) => c.name === corpus)) continue;
    const ratioGoal = (label: string, value: RunValue, limit: number, unit: string) => {
      const ratio = medianRatio(result, corpus, value);
      checks.push({
        corpus,
        label: `${label} ÷ MiniSearch`,
        value: ratio,
        unit: '×',
        limit,
        inclusive: true,
        met: ratio !== null && ratio <= limit,
        ours: medianOf(result, corpus, 'ours', value),
        miniSearch: medianOf(result, corpus, 'minisearch', value),
        oursUnit: unit,
      });
    };
    for (const kind of QUERY_KINDS) ratioGoal(`${kind} p95`, p95(kind), RATIO_GOAL, 'ms');
    ratioGoal('search-ready', ready, RATIO_GOAL, 'ms');
    ratioGoal('heap after the query suite', heap, 1, 'MiB');
    const [ours, mini] = [buildOf(result, corpus, 'ours'), buildOf(result, corpus, 'minisearch')];
    const size = ours && mini ? ours.gzipBytes / mini.gzipBytes : null;
    checks.push({
      corpus,
      label: 'serialized size (gzip) ÷ MiniSearch',
      value: size,
      unit: '×',
      limit: 1,
      inclusive: true,
      met: size !== null && size <= 1,
      ours: ours ? ours.gzipBytes / MB : null,
      miniSearch: mini ? mini.gzipBytes / MB : null,
      oursUnit: 'MiB',
    });
    const absolute = (label: string, value: RunValue, limit: number) => {
      const figure = medianOf(result, corpus, 'ours', value);
      checks.push({
        corpus,
        label,
        value: figure,
        unit: 'ms',
        limit,
        inclusive: false,
        met: figure !== null && figure < limit,
        ours: figure,
        miniSearch: medianOf(result, corpus, 'minisearch', value),
        oursUnit: 'ms',
      });
    };
    absolute('typeahead p95', p95('typeahead'), ABSOLUTE_GOALS[corpus].typeaheadP95Ms);
    absolute('search-ready', ready, ABSOLUTE_GOALS[corpus].searchReadyMs);
  }
  return checks;
}

/** The goals as a table: one row per goal, with its status. */
export function formatGoals(result: SuiteResult): string {
  const rows = checkGoals(result).map((check) => [
    `${check.corpus} docs`,
    check.label,
    `${check.inclusive ? '≤' : '<'} ${check.limit}${check.unit === '×' ? '×' : ` ${check.unit}`}`,
    check.value === null
      ? 'not measured'
      : `${num(check.value)}${check.unit === '×' ? '×' : ` ${check.unit}`}`,
    check.unit === '×' ? `${num(check.ours)} / ${num(check.miniSearch)} ${check.oursUnit}` : '',
    check.met ? 'met' : 'NOT MET',
  ]);
  return markdownTable(
    [
      'Corpus',
      'Goal',
      'Target',
      `Measured (median of ${RUNS} runs)`,
      'ours / MiniSearch',
      'Status',
    ],
    rows,
  );
}

function latencyCell(latency: Latency): string {
  return `${num(latency.p50)} / ${num(latency.p95)} / ${num(latency.max)}`;
}

/** The median run of an engine by one figure (the run whose figure is the median). */
function medianRun(runs: readonly RunMeasurement[], value: RunValue): RunMeasurement | undefined {
  const sorted = [...runs].sort((a, b) => (value(a) ?? 0) - (value(b) ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

interface MetricRow {
  label: string;
  build?: (build: BuildMeasurement) => string;
  run?: { value: RunValue; cell: (runs: readonly RunMeasurement[]) => string };
}

const METRICS: MetricRow[] = [
  { label: 'index build (s)', build: (b) => num(b.buildMs / 1000) },
  { label: 'serialized raw (MiB)', build: (b) => num(b.rawBytes / MB) },
  { label: 'serialized gzip (MiB)', build: (b) => num(b.gzipBytes / MB) },
  {
    label: 'search-ready (ms)',
    run: { value: ready, cell: (runs) => num(median(runs.map((r) => r.readyMs))) },
  },
  {
    label: 'heap after the query suite (MiB)',
    run: {
      value: heap,
      cell: (runs) =>
        num(median(runs.flatMap((r) => (heap(r) === null ? [] : [heap(r) as number])))),
    },
  },
  ...QUERY_KINDS.map((kind): MetricRow => ({
    label: `${kind} p50 / p95 / max (ms)`,
    run: {
      value: p95(kind),
      cell: (runs) => {
        const run = medianRun(runs, p95(kind));
        return run ? latencyCell(run.latency[kind]) : 'n/a';
      },
    },
  })),
];

/** Every figure per corpus and engine, with ours ÷ MiniSearch as the median of paired runs. */
export function formatTable(result: SuiteResult): string {
  const header = [
    'Corpus',
    'Metric',
    ...ENGINE_NAMES.map((name) => ENGINES[name].label),
    `ours ÷ MiniSearch`,
  ];
  const rows: string[][] = [];
  for (const corpus of result.corpora) {
    const label = `${corpus.name} (${corpus.docs} docs)`;
    for (const metric of METRICS) {
      const cells = ENGINE_NAMES.map((engine) => {
        if (result.skipped.some((s) => s.corpus === corpus.name && s.engine === engine))
          return 'skipped';
        if (metric.build) {
          const build = buildOf(result, corpus.name, engine);
          return build ? metric.build(build) : 'not run';
        }
        const runs = runsOf(result, corpus.name, engine);
        return runs.length > 0 && metric.run ? metric.run.cell(runs) : 'not run';
      });
      let ratio: number | null = null;
      if (metric.run) ratio = medianRatio(result, corpus.name, metric.run.value);
      else if (metric.build) {
        const [ours, mini] = [
          buildOf(result, corpus.name, 'ours'),
          buildOf(result, corpus.name, 'minisearch'),
        ];
        const pick = metric.label.startsWith('index build')
          ? (b: BuildMeasurement) => b.buildMs
          : metric.label.includes('gzip')
            ? (b: BuildMeasurement) => b.gzipBytes
            : (b: BuildMeasurement) => b.rawBytes;
        ratio = ours && mini ? pick(ours) / pick(mini) : null;
      }
      rows.push([label, metric.label, ...cells, ratio === null ? 'n/a' : `${num(ratio)}×`]);
    }
  }
  return markdownTable(header, rows);
}

/** The full printed report: context, the goals, the table, and how each engine was set up. */
export function formatReport(result: SuiteResult): string {
  const lines = [
    `Search benchmark: ${machineLine(result.load)}`,
    `Run took ${(result.totalMs / 1000).toFixed(0)} s. Each index is built once per corpus; ours and MiniSearch then run ${RUNS} times each (alternating), the other engines once, each run in a fresh \`node --expose-gc\` process.`,
    '',
    'Corpora:',
    ...result.corpora.map(
      (c) =>
        `- ${c.name}: ${c.docs} docs, ${c.words} body words; ${c.origin}. Queries: ${QUERY_KINDS.map((k) => `${c.queries[k]} ${k}`).join(', ')} (typeahead = every prefix of 12 two-word queries), each passed over ${QUERY_KINDS.map((k) => passesFor(c.queries[k], c.repetitions)).join(' / ')} time(s) per run (at least ${MIN_SAMPLES} timed samples per kind).`,
    ),
    '',
    'Goals (issue 14):',
    formatGoals(result),
    '',
    formatTable(result),
    '',
    `Latency cells are p50 / p95 / max in ms, from the run with the median p95. Search-ready lasts from the serialized index in memory until the first query of every kind has returned its final results; heap is V8 heap plus ArrayBuffers after the whole query suite, after a full GC. Values of ours and MiniSearch are medians of ${RUNS} runs; the ratio is the median of the ${RUNS} per-run ratios.`,
    '',
    'Engines:',
    ...ENGINE_NAMES.map((name) => `- ${ENGINES[name].label}: ${ENGINES[name].notes}`),
  ];
  if (result.skipped.length > 0)
    lines.push(
      '',
      `Skipped to keep the run short (add --full): ${result.skipped.map((s) => `${ENGINES[s.engine].label} on ${s.corpus}`).join(', ')}.`,
    );
  if (result.failures.length > 0)
    lines.push(
      '',
      'Failed:',
      ...result.failures.map((f) => `- ${f.engine} on ${f.corpus}: ${f.message}`),
    );
  return lines.join('\n');
}

/** Rows for `npm run bench`'s shared table: each goal of the issue, met or not. */
export function toBenchRows(result: SuiteResult): BenchRow[] {
  return checkGoals(result).map((check) => ({
    metric: `${check.corpus} docs: ${check.label}`,
    value: check.value ?? Number.NaN,
    unit: check.unit,
    detail:
      check.unit === '×'
        ? `ours ${num(check.ours)} ${check.oursUnit}, MiniSearch ${num(check.miniSearch)} ${check.oursUnit}; median of ${RUNS} runs`
        : `median of ${RUNS} runs; MiniSearch ${num(check.miniSearch)} ms`,
    goal: { kind: check.inclusive ? 'atMost' : 'below', limit: check.limit },
  }));
}
