import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatByteSize } from '../../electron/shared/byteSize';
import { formatIssue } from '../../renderer/src/core/content/issues';
import { DOC_TYPES, TYPE_FOLDERS, type DocType } from '../../renderer/src/core/content/types';
import { runContentPipeline, type FrenchResult, type PipelineResult } from './pipeline';
import { caseStudyInputs, countNumbers, findNumbers, formatNumberReport } from './numericStats';
import { displayPathOf } from './readCorpus';
import { checkMinimums, computeStats, formatStats, type MinimumResult } from './stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Default folders: the repository's content and the renderer's static data folder. */
export const DEFAULT_CONTENT_DIR = path.join(repoRoot, 'content');
export const DEFAULT_OUT_DIR = path.join(repoRoot, 'renderer/public/data');

/** Where command output goes (a test passes arrays). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'usage: content <build|check|stats> [--content DIR] [--out DIR]';

/**
 * Runs a content command and returns the exit code.
 * - build: validate, then write the data files (exit 1 listing every problem).
 * - check: validate and build the index without writing, and require the issue-3 minimums.
 * - stats: counts by type, topic, region and population band, and the minimums met or not; then
 *   every figure in a case-study body and whether a source is tied to it (content/README.md).
 */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const options = parseOptions(rest);
  if (options === null || (command !== 'build' && command !== 'check' && command !== 'stats')) {
    io.err(USAGE);
    return 2;
  }
  const result = await runContentPipeline({
    contentDir: options.contentDir,
    outDir: command === 'build' ? options.outDir : null,
    spellCheck: command === 'check',
  });
  if (command === 'stats') {
    if (!result.vocabulary) return reportIssues(result, io);
    const stats = computeStats(result.catalog, result.vocabulary);
    io.out(formatStats(stats, checkMinimums(stats), result.vocabulary));
    if (result.french) io.out(`\n${describeFrench(result, result.french)}`);
    const inputs = caseStudyInputs(result.documents, result.bodyStartLines, options.contentDir);
    const numbers = findNumbers(inputs);
    const files = inputs.map((input) => input.file);
    io.out(`\n${formatNumberReport(numbers, countNumbers(files, numbers))}`);
    if (result.issues.length > 0)
      io.out(
        `\nNote: ${result.issues.length} problem(s) in the content; files with invalid front matter are not counted (run content:check).`,
      );
    return 0;
  }
  if (result.issues.length > 0) return reportIssues(result, io);
  if (command === 'build') {
    const sizes = result.written
      .map((w) => `${path.basename(w.file)} ${formatByteSize(w.bytes, 'measured')}`)
      .join(', ');
    io.out(`content: ${describeCounts(result)} -> ${displayPathOf(options.outDir)} (${sizes})`);
    return 0;
  }
  const stats = computeStats(
    result.catalog,
    result.vocabulary ?? { topics: {}, regions: {}, tiers: {} },
  );
  const unmet = checkMinimums(stats).filter((m) => !m.met);
  for (const minimum of unmet) io.err(formatMinimum(minimum, options.contentDir));
  // The library is complete only when every English document has its French version.
  const untranslated = result.french?.untranslated ?? [];
  for (const issue of untranslated) io.err(formatIssue(issue));
  if (unmet.length > 0 || untranslated.length > 0) {
    io.err(
      `content: valid, but ${[
        ...(unmet.length > 0 ? [`${unmet.length} minimum count(s) of issue 3 not met`] : []),
        ...(untranslated.length > 0
          ? [`${untranslated.length} English document(s) without a French version`]
          : []),
      ].join(' and ')}`,
    );
    return 1;
  }
  io.out(`content: ${describeCounts(result)}: valid, index built, all minimums met`);
  if (result.french) io.out(`content: ${describeFrench(result, result.french)}`);
  return 0;
}

/** The French library in a line: its versions by type, how many show the English body. */
function describeFrench(result: PipelineResult, french: FrenchResult): string {
  const englishBodies = french.documents.filter((d) => d.bodyLang === 'en').length;
  const spelling =
    french.spellCheckMs === null
      ? ''
      : `; spelling checked (${(french.spellCheckMs / 1000).toFixed(1)} s with the dictionary)`;
  return `French: ${french.catalog.length} of ${result.catalog.length} documents have a French version (${countByType(french.catalog) || 'none'}), ${englishBodies} with the English body${spelling}`;
}

function parseOptions(args: readonly string[]): { contentDir: string; outDir: string } | null {
  let contentDir = DEFAULT_CONTENT_DIR;
  let outDir = DEFAULT_OUT_DIR;
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1];
    if (value === undefined) return null;
    if (args[i] === '--content') contentDir = path.resolve(value);
    else if (args[i] === '--out') outDir = path.resolve(value);
    else return null;
  }
  return { contentDir, outDir };
}

function reportIssues(result: PipelineResult, io: CliIo): number {
  for (const issue of result.issues) io.err(formatIssue(issue));
  io.err(`content: ${result.issues.length} problem(s); nothing was written`);
  return 1;
}

function describeCounts(result: PipelineResult): string {
  const counts = `${result.catalog.length} documents (${countByType(result.catalog)})`;
  return result.french ? `${counts} and ${result.french.catalog.length} French versions` : counts;
}

/** Entries counted by type in library order, e.g. `1 glossary term, 2 local documents`. */
export function countByType(entries: ReadonlyArray<{ type: DocType }>): string {
  return DOC_TYPES.map((type) => [type, entries.filter((e) => e.type === type).length] as const)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${count} ${COUNT_NAMES[type][count === 1 ? 0 : 1]}`)
    .join(', ');
}

const COUNT_NAMES: Record<DocType, readonly [string, string]> = {
  about: ['about', 'about'],
  recommendation: ['recommendation', 'recommendations'],
  'key-issue': ['key issue', 'key issues'],
  opportunity: ['opportunity', 'opportunities'],
  'guide-step': ['guide step', 'guide steps'],
  'case-study': ['case study', 'case studies'],
  glossary: ['glossary term', 'glossary terms'],
  workshop: ['workshop', 'workshops'],
  'local-document': ['local document', 'local documents'],
};

const MINIMUM_FOLDERS: Record<string, string> = {
  'about documents': TYPE_FOLDERS.about,
  recommendations: TYPE_FOLDERS.recommendation,
  'key issues': TYPE_FOLDERS['key-issue'],
  opportunities: TYPE_FOLDERS.opportunity,
  'guide steps': TYPE_FOLDERS['guide-step'],
  'case studies': TYPE_FOLDERS['case-study'],
  'small, rural or northern case studies': TYPE_FOLDERS['case-study'],
  'glossary terms': TYPE_FOLDERS.glossary,
  workshops: TYPE_FOLDERS.workshop,
};

function formatMinimum(minimum: MinimumResult, contentDir: string): string {
  const folder = displayPathOf(path.join(contentDir, MINIMUM_FOLDERS[minimum.label] ?? ''));
  const field = minimum.label.startsWith('small') ? 'municipality.smallRuralNorthern' : 'count';
  return `${folder}/: ${field}: ${minimum.have} ${minimum.label}, need at least ${minimum.need}; add ${minimum.need - minimum.have} more`;
}
