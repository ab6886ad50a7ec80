/**
 * Opening large stored data on the desktop (issue 11, "opening any document or plan afterwards
 * keeps every main-thread task under 100 ms"). The browser edition cannot store the full-size
 * accepted files (browser storage holds about 5 MB; the import benchmark opens 3 MB cuts), but
 * the desktop can (25 MB per document). Here the built renderer runs with a stand-in for the
 * desktop's preload bridge (desktopBridge.ts) holding, at full size, the dense valid plan (20,000
 * tasks, 100 dependencies each) and the near-miss annotations that the import benchmark accepts,
 * then opens the plan or the annotated document from a light page and records every long task
 * until the page is quiet. Three runs each; the median is kept.
 */
import { startServer } from '../../build/scripts/serve';
import { emptyAnnotationsDatabase } from '../../renderer/src/core/annotations';
import { importAnnotationCollection } from '../../renderer/src/core/annotations/exchange/importAnnotationCollection';
import { mergeAnnotations } from '../../renderer/src/core/annotations/merge';
import { parseBackup } from '../../renderer/src/core/planner/import/parseBackup';
import { launchChromium } from '../e2e/support/chromium';
import { hostileAnnotationFiles, hostilePlannerFiles } from '../fixtures/hostileFiles';
import { readDocumentText } from './imports/cases';
import { desktopBridgeScript } from './imports/desktopBridge';
import {
  ANNOTATED_DOC_ID,
  HEADING_SELECTOR,
  HIGHLIGHTS_READY,
  NEUTRAL_ROUTE,
} from './imports/importers';
import { installPageProbes, pageClock, watchFor } from './imports/pageProbes';
import { goToRoute, settleBriefly, tasksUntilQuiet } from './imports/pageSteps';
import { IMPORT_GOALS } from './imports/report';
import { readBuiltIndexHtml } from './support/build-output';
import { median, round } from './support/stats';
import type { BenchRow } from './support/types';

const RUNS = 3;
const OPEN_LIMIT_MS = 60_000;
const MB = 1024 * 1024;

/** One stored document and where it is opened. */
interface StoredCase {
  label: string;
  /** The host storage key and the text stored under it. */
  key: string;
  text: string;
  route: string;
  /** Heading text (a regular expression) that says the content is shown. */
  ready: string;
}

function denseValidPlan(): StoredCase {
  const file = hostilePlannerFiles('full').find((item) => item.name.includes('dense'));
  if (!file) throw new Error('The hostile files have no dense valid plan.');
  const backup = parseBackup(file.text);
  if (!backup.ok) {
    throw new Error(`The dense valid plan is refused: ${JSON.stringify(backup.problems)}`);
  }
  const plan = backup.database.plans[0];
  if (!plan) throw new Error('The dense valid plan has no plan.');
  const text = JSON.stringify(backup.database);
  return {
    label: `planner dense valid, ${(text.length / MB).toFixed(1)} MB stored`,
    key: 'planner',
    text,
    route: `/planner/plan/${plan.id}`,
    ready: `^${plan.title}$`,
  };
}

function nearMissAnnotations(documentText: string): StoredCase {
  const file = hostileAnnotationFiles('full', documentText, ANNOTATED_DOC_ID).find(
    (item) => item.expect === 'accepted',
  );
  if (!file) throw new Error('The hostile files have no accepted annotations file.');
  const empty = emptyAnnotationsDatabase();
  const imported = importAnnotationCollection(file.text, {
    knownDocIds: new Set([ANNOTATED_DOC_ID]),
    local: empty,
  });
  if (!imported.ok) {
    throw new Error(`The annotations are refused: ${JSON.stringify(imported.errors)}`);
  }
  const text = JSON.stringify(mergeAnnotations(empty, imported.incoming));
  return {
    label: `annotations near-miss quotes, ${(text.length / MB).toFixed(1)} MB stored`,
    key: 'annotations',
    text,
    route: `/doc/${ANNOTATED_DOC_ID}`,
    ready: HIGHLIGHTS_READY,
  };
}

interface Opened {
  shownMs: number | null;
  longestMs: number;
}

async function openOnce(baseURL: string, item: StoredCase): Promise<Opened> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await installPageProbes(page);
    await page.addInitScript({ content: desktopBridgeScript({ [item.key]: item.text }) });
    await page.goto(`${baseURL}#${NEUTRAL_ROUTE}`, { waitUntil: 'load' });
    await settleBriefly(page);
    const watch = watchFor<'ready'>(page, {
      startOnFileChange: false,
      outcomes: [
        { kind: 'ready', selector: HEADING_SELECTOR, pattern: item.ready, newOnly: false },
      ],
    });
    await watch.armed;
    const { now: armedAt } = await pageClock(page);
    await goToRoute(page, item.route);
    const shown = await Promise.race([
      watch.result,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), OPEN_LIMIT_MS)),
    ]);
    const { tasks } = await tasksUntilQuiet(page, shown ? shown.startedAt : armedAt);
    // Content that never showed did not open: its row must not pass, whatever the tasks were.
    if (!shown) return { shownMs: null, longestMs: Number.NaN };
    return {
      shownMs: shown.shownAt - shown.startedAt,
      // No task over the Long Tasks threshold: the longest was at most 50 ms.
      longestMs: tasks?.longest ?? (tasks ? 50 : Number.NaN),
    };
  } finally {
    await browser.close();
  }
}

async function measure(baseURL: string, item: StoredCase): Promise<BenchRow[]> {
  const runs: Opened[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    console.log(`bench: stored-open, ${item.label}, run ${run}/${RUNS}…`);
    runs.push(await openOnce(baseURL, item));
  }
  const shown = runs.map((run) => run.shownMs ?? Number.NaN);
  const longest = runs.map((run) => run.longestMs);
  const detail = (values: number[]) => `max ${round(Math.max(...values))}, n=${values.length}`;
  return [
    {
      metric: `${item.label}: opened, content shown (median)`,
      value: Math.round(median(shown)),
      unit: 'ms',
      detail: detail(shown),
    },
    {
      metric: `${item.label}: longest main-thread task while opening (median)`,
      value: Math.round(median(longest)),
      unit: 'ms',
      detail: `${detail(longest)}; 50 means no task over 50 ms`,
      goal: { kind: 'below', limit: IMPORT_GOALS.openTaskMs },
    },
  ];
}

export default async function storedOpenBench(): Promise<BenchRow[]> {
  readBuiltIndexHtml();
  const server = await startServer({ port: 0 });
  try {
    const reader = await launchChromium();
    const documentText = await readDocumentText(reader, server.url).finally(() => reader.close());
    const rows: BenchRow[] = [];
    for (const item of [denseValidPlan(), nearMissAnnotations(documentText)]) {
      rows.push(...(await measure(server.url, item)));
    }
    return rows;
  } finally {
    await server.close();
  }
}
