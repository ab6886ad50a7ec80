import { machineLine, markdownTable } from '../support/markdown';
import type { BenchRow } from '../support/types';
import type { RunMeasurement } from '../search/measure';
import { QUERY_KINDS, type QueryKind } from '../search/queries';
import { median, num } from '../search/report';
import {
  IMPORT_RUNS,
  PACK_SIZES,
  SEARCH_CONFIGS,
  SEARCH_PACK_SIZE,
  SEARCH_RUNS,
  type PacksResult,
  type SearchConfig,
} from './suite';
import type { ImportMeasurement } from './measure';

/**
 * The pack benchmark's report: import and index times per pack size, and search with the bundled
 * library alone, with a 1,000-document pack beside it, and with the same documents in one
 * segment. No goals: issue 15 asks for the figures, and a pack's cost is shown as ratios to the
 * library alone.
 */

const MB = 1024 * 1024;
const WITH_PACK: SearchConfig = 'library + pack';

/** One figure of an import run. */
type ImportValue = (run: ImportMeasurement) => number | null;
const importFigure: Record<'import' | 'index' | 'total', ImportValue> = {
  import: (run) => run.importMs,
  index: (run) => run.indexMs,
  total: (run) => run.importMs + run.indexMs,
};

function importsOf(result: PacksResult, size: number): ImportMeasurement[] {
  return result.imports.filter((run) => run.documents === size);
}

/** Median, min and max of a figure over runs, or null when no run has it. */
function spread(runs: readonly ImportMeasurement[], value: ImportValue) {
  const values = runs.map(value).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

function spreadCell(runs: readonly ImportMeasurement[], value: ImportValue, scale = 1): string {
  const s = spread(runs, value);
  if (!s) return 'not measured';
  return `${num(s.median / scale)} (${num(s.min / scale)}–${num(s.max / scale)})`;
}

/** Import and index, one column per pack size. */
export function formatImportTable(result: PacksResult): string {
  const per = (size: number) => importsOf(result, size);
  const packOf = (size: number) => result.packs.find((pack) => pack.documents === size);
  const row = (label: string, cell: (size: number) => string) => [label, ...PACK_SIZES.map(cell)];
  const rows = [
    row('pack file / its Markdown (MiB)', (size) => {
      const pack = packOf(size);
      return pack ? `${num(pack.fileBytes / MB)} / ${num(pack.markdownBytes / MB)}` : 'n/a';
    }),
    row('import: readPack, every check (ms)', (size) => spreadCell(per(size), importFigure.import)),
    row('index: buildSegment (ms)', (size) => spreadCell(per(size), importFigure.index)),
    row('import + index (ms)', (size) => spreadCell(per(size), importFigure.total)),
    row('import + index per document (ms)', (size) =>
      spreadCell(per(size), importFigure.total, size),
    ),
    row('index segment (MiB)', (size) => spreadCell(per(size), (run) => run.segmentBytes, MB)),
    row('heap held after, documents + index (MiB)', (size) =>
      spreadCell(per(size), (run) => run.heldBytes, MB),
    ),
    row('peak RSS above the RSS before (MiB)', (size) =>
      spreadCell(per(size), (run) => Math.max(0, run.peakRssBytes - run.rssBeforeBytes), MB),
    ),
  ];
  return markdownTable(
    ['Pack', ...PACK_SIZES.map((size) => `${size.toLocaleString('en-CA')} documents`)],
    rows,
  );
}

/** One figure of a search run. */
type RunValue = (run: RunMeasurement) => number | null;
const p95 =
  (kind: QueryKind): RunValue =>
  (run) =>
    run.latency[kind].p95;
const p50 =
  (kind: QueryKind): RunValue =>
  (run) =>
    run.latency[kind].p50;
const ready: RunValue = (run) => run.readyMs;
const heap: RunValue = (run) => (run.heapBytes === null ? null : run.heapBytes / MB);

function searchesOf(result: PacksResult, config: SearchConfig) {
  return result.searches.filter((run) => run.config === config);
}

function medianOf(result: PacksResult, config: SearchConfig, value: RunValue): number | null {
  const values = searchesOf(result, config)
    .map(value)
    .filter((v): v is number => v !== null);
  return values.length === 0 ? null : median(values);
}

/** The median over runs (paired by order) of `config` ÷ the library alone. */
function medianRatio(result: PacksResult, config: SearchConfig, value: RunValue): number | null {
  const base = searchesOf(result, 'library');
  const ratios = searchesOf(result, config).flatMap((run, i) => {
    const [a, b] = [value(run), base[i] ? value(base[i]) : null];
    return a !== null && b !== null && b > 0 ? [a / b] : [];
  });
  return ratios.length === 0 ? null : median(ratios);
}

function ratioText(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${num(ratio)}×`;
}

/** Search over the library alone, with the pack, and as one segment; ratios to the library. */
export function formatSearchTable(result: PacksResult): string {
  const documents = (config: SearchConfig) =>
    searchesOf(result, config)[0]?.documents.toLocaleString('en-CA') ?? '?';
  const header = [
    'Search',
    `library (${documents('library')} docs)`,
    `library + ${SEARCH_PACK_SIZE.toLocaleString('en-CA')}-doc pack (2 segments)`,
    `same ${documents('one segment')} docs, 1 segment`,
    'with pack ÷ library',
    '1 segment ÷ library',
  ];
  const figure = (value: RunValue) => (config: SearchConfig) =>
    num(medianOf(result, config, value));
  const ratios = (config: SearchConfig, values: readonly RunValue[]) =>
    values.map((value) => ratioText(medianRatio(result, config, value))).join(' / ');
  const metrics: Array<{
    label: string;
    cell: (config: SearchConfig) => string;
    ratios: RunValue[];
  }> = [
    { label: 'search-ready (ms)', cell: figure(ready), ratios: [ready] },
    { label: 'heap after the query suite (MiB)', cell: figure(heap), ratios: [heap] },
    ...QUERY_KINDS.map((kind) => ({
      label: `${kind} p50 / p95 (ms)`,
      cell: (config: SearchConfig) =>
        `${num(medianOf(result, config, p50(kind)))} / ${num(medianOf(result, config, p95(kind)))}`,
      ratios: [p50(kind), p95(kind)],
    })),
  ];
  const rows = metrics.map((metric) => [
    metric.label,
    ...SEARCH_CONFIGS.map(metric.cell),
    ratios(WITH_PACK, metric.ratios),
    ratios('one segment', metric.ratios),
  ]);
  return markdownTable(header, rows);
}

/** How the figures were taken, under the tables. */
export function methodText(result: PacksResult): string {
  const queries = QUERY_KINDS.map((kind) => `${result.queries[kind]} ${kind}`).join(', ');
  return [
    `Import and index: each pack imported ${IMPORT_RUNS} times, each time cold in a fresh \`node --expose-gc\` process; cells are median (min–max). Import is \`readPack\` on the file's bytes (ZIP structure, limits, every SHA-256, UTF-8, manifest, every content rule); index is \`buildSegment\` over its documents.`,
    `Search: each configuration run ${SEARCH_RUNS} times in fresh processes, alternating, with the search bench's query kinds drawn from the library and the pack together (${queries}), every query ${result.repetitions} times after one untimed pass; figures are medians of the runs, ratios the median of per-run ratios.`,
  ].join('\n\n');
}

/** The full printed report. */
export function formatReport(result: PacksResult): string {
  const lines = [
    `Content pack benchmark: ${machineLine(result.load)} Run took ${(result.totalMs / 1000).toFixed(0)} s.`,
    '',
    formatImportTable(result),
    '',
    formatSearchTable(result),
    '',
    methodText(result),
  ];
  if (result.failures.length > 0)
    lines.push('', 'Failed:', ...result.failures.map((failure) => `- ${failure}`));
  return lines.join('\n');
}

/** Rows for `npm run bench`'s shared table (no goals: the issue asks for the figures). */
export function toBenchRows(result: PacksResult): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const size of PACK_SIZES) {
    const runs = importsOf(result, size);
    const add = (label: string, value: ImportValue, extra = '') => {
      const s = spread(runs, value);
      rows.push({
        metric: `${size} docs: ${label}`,
        value: s?.median ?? Number.NaN,
        unit: 'ms',
        detail: s
          ? `min ${num(s.min)}, max ${num(s.max)}, n=${runs.length}${extra}`
          : 'not measured',
      });
    };
    add('import (readPack)', importFigure.import);
    add('index (buildSegment)', importFigure.index);
    const total = spread(runs, importFigure.total);
    add('import + index', importFigure.total, total ? `; ${num(total.median / size)} ms/doc` : '');
  }
  const label = `library + ${SEARCH_PACK_SIZE}-doc pack`;
  const withPack = (value: RunValue, metric: string, unit: string) => {
    const [pack, alone] = [medianOf(result, WITH_PACK, value), medianOf(result, 'library', value)];
    rows.push({
      metric: `${label}: ${metric}`,
      value: pack ?? Number.NaN,
      unit,
      detail: `library alone ${num(alone)} ${unit}; ${ratioText(medianRatio(result, WITH_PACK, value))}; median of ${SEARCH_RUNS} runs`,
    });
  };
  withPack(ready, 'search-ready', 'ms');
  for (const kind of QUERY_KINDS) withPack(p95(kind), `${kind} p95`, 'ms');
  return rows;
}
