import path from 'node:path';
import type { FrontMatterOf } from '../../renderer/src/core/content/frontMatter';
import type { DocId } from '../../renderer/src/core/content/ids';
import type { ContentDocument } from '../../renderer/src/core/content/model';
import { lineAt, proseBlocks, type ProseBlock } from '../../renderer/src/core/content/proseBlocks';
import { numericTokens, type NumericToken } from './numericTokens';
import { displayPathOf } from './readCorpus';

type CaseStudy = FrontMatterOf<'case-study'>;

/**
 * How well a figure is tied to a source:
 * - `cited`: its paragraph, list item or table cell (or the paragraph whose colon introduces its
 *   list) names or links one of the document's sources, or it is the value of a front-matter
 *   field whose source is recorded (population, years, a source's own date);
 * - `listed`: the document lists sources, but nothing says which one gives this figure;
 * - `none`: the document lists no source at all.
 */
export type Backing = 'cited' | 'listed' | 'none';

/** One case study to report on. */
export interface NumericInput {
  /** The file as messages show it. */
  file: string;
  /** File line of body line 1. */
  bodyStartLine: number;
  frontMatter: CaseStudy;
  body: string;
}

/** One figure of a case study body and how it is backed. */
export interface NumericFinding {
  file: string;
  line: number;
  token: NumericToken;
  backing: Backing;
  /** What backs a cited figure: a source's publisher or title, or a front-matter field. */
  by: string | null;
}

/** Every figure of every case study body, in file and line order. */
export function findNumbers(inputs: readonly NumericInput[]): NumericFinding[] {
  return inputs.flatMap((input) => {
    const blocks = proseBlocks(input.body);
    return blocks.flatMap((block) => {
      if (block.heading) return [];
      const near = block.intro === null ? [block] : [block, blocks[block.intro] ?? block];
      return numericTokens(block.text).map((token) => {
        const by = fieldBacking(token, input.frontMatter) ?? citedNearby(near, input.frontMatter);
        const backing: Backing =
          by !== null ? 'cited' : input.frontMatter.sources.length > 0 ? 'listed' : 'none';
        const line = input.bodyStartLine + lineAt(block, token.start) - 1;
        return { file: input.file, line, token, backing, by };
      });
    });
  });
}

/** The front-matter field with a recorded source whose value this figure repeats, if any. */
function fieldBacking(token: NumericToken, fm: CaseStudy): string | null {
  const m = fm.municipality;
  if (
    token.kind === 'number' &&
    m.population !== undefined &&
    m.populationSource !== undefined &&
    token.text.replace(/,/g, '') === String(m.population)
  )
    return 'municipality.population';
  // The census year comes with the population, from the same source.
  if (
    token.kind === 'year' &&
    m.populationSource !== undefined &&
    token.text === String(m.censusYear)
  )
    return 'municipality.censusYear';
  if (token.kind === 'year' && fm.years !== undefined && fm.yearsSource !== undefined) {
    const sourced = new Set(fm.years.match(/\d{4}/g) ?? []);
    if ((token.text.match(/\d{4}/g) ?? []).every((year) => sourced.has(year))) return 'years';
  }
  const date = token.kind === 'date' ? isoDate(token.text) : null;
  const source = date === null ? undefined : fm.sources.find((s) => s.date === date);
  return source ? `date of "${source.title}"` : null;
}

const MONTH_NUMBERS: Readonly<Record<string, string>> = Object.fromEntries(
  'January February March April May June July August September October November December'
    .split(' ')
    .map((month, index) => [month, String(index + 1).padStart(2, '0')]),
);

/** "12 May 2021" as 2021-05-12, "May 2021" as 2021-05 (the precision the text gives). */
function isoDate(text: string): string | null {
  const words = text.replace(',', '').split(/\s+/);
  const year = words.find((w) => /^\d{4}$/.test(w));
  const month = words.map((w) => MONTH_NUMBERS[w]).find((m) => m !== undefined);
  const day = words.find((w) => /^\d{1,2}$/.test(w));
  if (year === undefined || month === undefined) return null;
  return day === undefined ? `${year}-${month}` : `${year}-${month}-${day.padStart(2, '0')}`;
}

/** The source a block (or its list's introduction) links or names, if any. */
function citedNearby(blocks: readonly ProseBlock[], fm: CaseStudy): string | null {
  for (const source of fm.sources) {
    // A publisher of four letters or more ("Toronto Star", "SWIFT" is five); a title only when it
    // is specific enough (three words or more) not to match ordinary prose.
    const publisher = source.publisher?.replace(/\s*\(.*\)\s*$/, '').trim();
    const names = [
      ...(publisher !== undefined && publisher.length >= 4 ? [publisher] : []),
      ...(source.title.trim().split(/\s+/).length >= 3 ? [source.title.trim()] : []),
    ];
    for (const block of blocks) {
      if (block.links.includes(source.url)) return source.publisher ?? source.title;
      const named = names.find((name) => mentions(block.text, name));
      if (named !== undefined) return named;
    }
  }
  return null;
}

/** Whole-word mention; an acronym (SWIFT) must keep its capitals, other names any case. */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const acronym = /^[A-Z0-9]{2,6}$/.test(name);
  return new RegExp(`(?<![\\w])${escaped}(?![\\w])`, acronym ? '' : 'i').test(text);
}

/** Counts of one case study's figures by backing. */
export interface NumericCounts {
  file: string;
  total: number;
  cited: number;
  listed: number;
  none: number;
}

/** Per-document counts, one row per case study (none left out, even without figures). */
export function countNumbers(
  files: readonly string[],
  findings: readonly NumericFinding[],
): NumericCounts[] {
  return files.map((file) => {
    const own = findings.filter((f) => f.file === file);
    const count = (backing: Backing) => own.filter((f) => f.backing === backing).length;
    return {
      file,
      total: own.length,
      cited: count('cited'),
      listed: count('listed'),
      none: count('none'),
    };
  });
}

/** The numeric report: every figure with its line, a table per case study, and the shares. */
export function formatNumberReport(
  findings: readonly NumericFinding[],
  rows: readonly NumericCounts[],
): string {
  const label: Record<Backing, string> = {
    cited: 'cited',
    listed: 'sources listed, none named nearby',
    none: 'no sources',
  };
  const lines = findings.map(
    (f) =>
      `  ${f.file}:${f.line}: ${f.token.text} (${f.token.kind}): ${label[f.backing]}${f.by === null ? '' : ` (${f.by})`}`,
  );
  const name = (file: string) => file.replace(/^.*\//, '').replace(/\.md$/, '');
  const width = Math.max(12, ...rows.map((r) => name(r.file).length));
  const table = rows.map(
    (r) =>
      `  ${name(r.file).padEnd(width)}  ${[r.total, r.cited, r.listed, r.none].map((n) => String(n).padStart(7)).join('  ')}`,
  );
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const sum = (key: 'cited' | 'listed' | 'none') => rows.reduce((acc, r) => acc + r[key], 0);
  const share = (n: number) => `${n} (${total === 0 ? '0.0' : ((100 * n) / total).toFixed(1)}%)`;
  return [
    'Numbers in case-study bodies (cited: the paragraph names or links a source, or the figure is a sourced front-matter value)',
    ...lines,
    '',
    `  ${'case study'.padEnd(width)}  ${['numbers', 'cited', 'listed', 'none'].map((h) => h.padStart(7)).join('  ')}`,
    ...table,
    '',
    `Overall: ${total} numbers in ${rows.length} case studies; ${share(sum('cited'))} cited, ${share(sum('listed'))} with only the document's source list, ${share(sum('none'))} with no source.`,
  ].join('\n');
}

/**
 * The case studies of a built corpus as report inputs. `bodyStartLines` comes from the parse
 * (CorpusResult), which knew where each body starts: no file is read again.
 */
export function caseStudyInputs(
  documents: readonly ContentDocument[],
  bodyStartLines: ReadonlyMap<DocId, number>,
  contentDir: string,
): NumericInput[] {
  return documents
    .filter((d): d is ContentDocument & CaseStudy => d.type === 'case-study')
    .map((doc) => ({
      file: displayPathOf(path.join(contentDir, doc.path)),
      bodyStartLine: bodyStartLines.get(doc.id) ?? 1,
      frontMatter: doc,
      body: doc.body,
    }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}
