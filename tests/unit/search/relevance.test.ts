import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR, DEFAULT_OUT_DIR } from '../../../build/content/commands';
import { runContentPipeline } from '../../../build/content/pipeline';
import {
  DATA_FILES,
  parseCatalogFile,
  parseDocumentStoreFile,
} from '../../../renderer/src/core/content/dataFiles';
import { loadSearchIndex } from '../../../renderer/src/core/search/buildSearchIndex';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { searchFields } from '../../../renderer/src/core/search/searchFields';

/**
 * Relevance of the real engine over the real, built library (`renderer/public/data/`), loaded
 * exactly as the app loads it. Each row is what a CAO or clerk would type and the documents they
 * would expect among the first three results. Expectations were chosen by what the reader wants,
 * not by what the engine happened to return; rows the engine gets wrong today are marked with
 * `knownIssue` and run as expected failures, so fixing the engine turns them red until the mark
 * is removed.
 */
interface Row {
  query: string;
  /** Each of these must be in the top 3. */
  top3: string[];
  /** None of these may appear anywhere in the results (exclusions). */
  absent?: string[];
  /** True when every hit must come from typo tolerance (and be labelled so in the UI). */
  typo?: boolean;
  /** Why the engine fails this row today; the row then runs as an expected failure. */
  knownIssue?: string;
}

const ROWS: Row[] = [
  // Names of places and programs
  { query: 'Middlesex Centre', top3: ['case-middlesex-centre-e-permitting'] },
  {
    query: 'Middlesex',
    top3: [
      'case-middlesex-centre-e-permitting',
      'case-north-middlesex-e-permitting',
      'case-middlesex-county-digital-top-ten',
    ],
  },
  { query: 'Stratford', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'Toronto', top3: ['case-toronto-311'] },
  { query: 'Lake of Bays', top3: ['case-lake-of-bays-e-permitting'] },
  { query: 'Tillsonburg', top3: ['case-tillsonburg-virtual-council'] },
  { query: 'Rhyzome', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'eSCRIBE', top3: ['case-north-huron-paperless-agendas'] },
  // Acronyms and numbers
  { query: '311', top3: ['glossary-311', 'case-toronto-311'] },
  { query: 'FIR', top3: ['glossary-fir'] },
  { query: 'AODA', top3: ['glossary-aoda'] },
  { query: 'MFIPPA', top3: ['glossary-mfippa'] },
  { query: 'GIS', top3: ['glossary-gis', 'opportunity-shared-gis'] },
  // Topics
  { query: 'permits', top3: ['glossary-e-permitting', 'opportunity-e-permitting'] },
  { query: 'building permits', top3: ['opportunity-e-permitting'] },
  { query: 'e-permitting', top3: ['glossary-e-permitting', 'opportunity-e-permitting'] },
  {
    query: 'broadband',
    top3: ['recommendation-5-broadband-and-cellular', 'opportunity-broadband-partnerships'],
  },
  { query: 'cellular', top3: ['recommendation-5-broadband-and-cellular'] },
  { query: 'online voting', top3: ['opportunity-online-voting', 'case-markham-online-voting'] },
  { query: 'internet voting', top3: ['glossary-internet-voting'] },
  {
    query: 'paperless agendas',
    top3: ['case-north-huron-paperless-agendas', 'opportunity-paperless-council'],
  },
  {
    query: 'electronic meetings',
    top3: ['glossary-electronic-meetings', 'opportunity-paperless-council'],
  },
  { query: 'virtual council', top3: ['case-tillsonburg-virtual-council'] },
  {
    query: 'online engagement',
    top3: ['opportunity-public-engagement-tools', 'case-amherstburg-talk-the-burg'],
  },
  { query: 'ride-hailing', top3: ['case-innisfil-ride-hailing-transit'] },
  { query: 'iPads', top3: ['case-whitewater-region-paperless-council'] },
  { query: 'privacy', top3: ['glossary-mfippa'] },
  { query: 'accessibility', top3: ['glossary-aoda'] },
  { query: 'roadmap', top3: ['guide-4-priorities-and-roadmap'] },
  { query: 'reporting burden', top3: ['key-issue-reporting-burden'] },
  { query: 'digital readiness', top3: ['guide-1-assess-readiness'] },
  { query: 'ransomware', top3: ['glossary-ransomware', 'opportunity-cybersecurity-readiness'] },
  {
    query: 'funding',
    top3: ['guide-5-funding-and-partners', 'recommendation-2-funding-and-people'],
  },
  {
    query: 'shared services',
    top3: ['opportunity-shared-services', 'glossary-shared-services'],
  },
  // Prefixes, as typed
  { query: 'cyber', top3: ['opportunity-cybersecurity-readiness'] },
  { query: 'ranso', top3: ['glossary-ransomware'] },
  { query: 'broadb', top3: ['recommendation-5-broadband-and-cellular'] },
  { query: 'Strat', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'paperles', top3: ['opportunity-paperless-council'] },
  // Typos
  {
    query: 'brodband',
    top3: ['recommendation-5-broadband-and-cellular', 'opportunity-broadband-partnerships'],
    typo: true,
  },
  { query: 'ransomwere', top3: ['glossary-ransomware'], typo: true },
  { query: 'Markam', top3: ['case-markham-online-voting'], typo: true },
  { query: 'procurment', top3: ['glossary-procurement-by-law', 'guide-6-procure-and-contract'] },
  { query: 'Tillsonberg', top3: ['case-tillsonburg-virtual-council'], typo: true },
  {
    query: 'Sudbery',
    top3: ['case-greater-sudbury-open-data'],
    typo: true,
  },
  // Accents and French
  { query: 'rançongiciel', top3: ['glossary-ransomware'] },
  { query: 'rancongiciel', top3: ['glossary-ransomware'] },
  { query: 'RANÇONGICIEL', top3: ['glossary-ransomware'] },
  { query: 'Quebec', top3: ['glossary-misa'] },
  { query: 'québec', top3: ['glossary-misa'] },
  // Phrases
  {
    query: '"open data"',
    top3: ['glossary-open-data', 'opportunity-open-data', 'case-greater-sudbury-open-data'],
  },
  { query: '"council mandate"', top3: ['guide-2-council-mandate-and-governance'] },
  { query: '"small releases"', top3: ['guide-7-deliver-in-small-releases'] },
  // Exclusions
  {
    query: 'broadband -eorn',
    top3: ['glossary-broadband-50-10', 'case-blue-sky-net-northern-broadband'],
    absent: ['case-eorn-eastern-broadband', 'glossary-eorn'],
  },
  {
    query: 'e-permitting -middlesex',
    top3: ['case-lake-of-bays-e-permitting', 'case-south-huron-online-permits'],
    absent: ['case-middlesex-centre-e-permitting', 'case-north-middlesex-e-permitting'],
  },
  {
    query: 'paperless -york',
    top3: ['case-whitewater-region-paperless-council'],
    absent: ['case-york-region-paperless-meetings'],
  },
];

let engine: SearchEngine;
let ids: Set<string>;

/** Reads the built data, building it first (with the real pipeline) if it is missing. */
async function readBuiltData(): Promise<{ catalog: unknown; documents: unknown; index: unknown }> {
  const file = (name: string) => path.join(DEFAULT_OUT_DIR, name);
  if (!Object.values(DATA_FILES).every((name) => existsSync(file(name)))) {
    const result = await runContentPipeline({
      contentDir: DEFAULT_CONTENT_DIR,
      outDir: DEFAULT_OUT_DIR,
    });
    expect(result.issues).toEqual([]);
  }
  const read = async (name: string) => JSON.parse(await readFile(file(name), 'utf8')) as unknown;
  return {
    catalog: await read(DATA_FILES.catalog),
    documents: await read(DATA_FILES.documents),
    index: await read(DATA_FILES.searchIndex),
  };
}

beforeAll(async () => {
  const data = await readBuiltData();
  const catalog = parseCatalogFile(data.catalog);
  const { documents } = parseDocumentStoreFile(data.documents, catalog.vocabulary);
  const texts = new Map(
    documents.map((doc) => [doc.id as string, searchFields(doc, catalog.vocabulary)]),
  );
  engine = new SearchEngine(loadSearchIndex(data.index as object), texts);
  ids = new Set(documents.map((doc) => doc.id as string));
}, 60_000);

/** The ranking as text, for failure messages that show what the engine did. */
function describeRanking(query: string): string {
  const { hits } = engine.search(query);
  const top = hits
    .slice(0, 6)
    .map((hit, i) => `${i + 1}. ${hit.id} (${hit.score.toFixed(2)}${hit.viaTypo ? ', typo' : ''})`);
  return `"${query}" -> ${hits.length} hits\n${top.join('\n')}`;
}

describe('search relevance over the real library', () => {
  it('has at least 30 queries, each naming documents that exist', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    const named = ROWS.flatMap((row) => [...row.top3, ...(row.absent ?? [])]);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const row of ROWS) {
    const run = row.knownIssue ? it.fails : it;
    const title = row.knownIssue
      ? `${row.query} (known issue: ${row.knownIssue})`
      : `${row.query} -> ${row.top3.join(', ')}`;
    run(title, () => {
      const { hits } = engine.search(row.query);
      const top3 = hits.slice(0, 3).map((hit) => hit.id);
      const ranking = describeRanking(row.query);
      for (const id of row.top3) expect(top3, ranking).toContain(id);
      const found = new Set(hits.map((hit) => hit.id));
      for (const id of row.absent ?? []) expect(found.has(id), ranking).toBe(false);
      if (row.typo)
        expect(
          hits.every((hit) => hit.viaTypo),
          ranking,
        ).toBe(true);
      else
        expect(
          hits.slice(0, 3).some((hit) => hit.viaTypo),
          ranking,
        ).toBe(false);
    });
  }
});
