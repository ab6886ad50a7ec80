import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../build/content/commands';
import { runContentPipeline } from '../../../build/content/pipeline';
import {
  DATA_FILES,
  parseCatalogFile,
  parseDocumentStoreFile,
} from '../../../renderer/src/core/content/dataFiles';
import { RELEASE_PATH } from '../../../renderer/src/core/content/releaseText';
import { fragmentFileName } from '../../../renderer/src/core/search/layout/format';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { VALID_DIR } from './helpers';

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'onmuni-content-'));
  temps.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('content pipeline on fixture folders', () => {
  it('build writes the document store, catalog and a loadable index', async () => {
    const out = await tempDir();
    const { code, out: lines } = await run(['build', '--content', VALID_DIR, '--out', out]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^content: 10 documents \(1 about, 2 recommendations, .*1 glossary term\) -> /,
    );
    expect((await readdir(out)).sort()).toEqual([
      'catalog.json',
      'documents.json',
      'search-core.bin',
      'search-lexicon.bin',
      'search-positions.bin',
    ]);

    const catalog = parseCatalogFile(
      JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')),
    );
    // The app's own parsers accept what the pipeline wrote.
    const store = parseDocumentStoreFile(
      JSON.parse(await readFile(path.join(out, 'documents.json'), 'utf8')),
      catalog.vocabulary,
    );
    expect(store.version).toBe(1);
    const ids = store.documents.map((d) => d.id);
    expect(ids).toEqual([...ids].sort());
    const step = store.documents.find((d) => d.id === 'guide-1-fixture-start');
    expect(step).toMatchObject({
      type: 'guide-step',
      step: 1,
      path: 'guide/guide-1-fixture-start.md',
    });
    expect(step?.headings.map((h) => h.slug)).toEqual(['what-to-do', 'what-to-do-2']);
    expect(step?.body).toContain('1. List your systems.');
    expect(step?.plainText).toContain('List your systems.');
    expect(step?.plainText).not.toContain('](');

    expect(catalog.vocabulary.regions.north).toBe('Northern Ontario');
    expect(catalog.entries.map((e) => e.id)).toEqual([
      'about-fixture-toolkit',
      'recommendation-1-fixture-maturity',
      'recommendation-2-fixture-funding',
      'key-issue-fixture-connectivity',
      'opportunity-fixture-permits',
      'guide-1-fixture-start',
      'guide-2-fixture-plan',
      'case-fixture-big-city',
      'case-fixture-northtown',
      'glossary-fixture-ransomware',
    ]);
    const northtown = catalog.entries.find((e) => e.id === 'case-fixture-northtown');
    expect(northtown).toMatchObject({
      populationBand: 'under-5k',
      years: '2019-2021',
      municipality: {
        name: 'Northtown',
        population: 3000,
        censusYear: 2016,
        smallRuralNorthern: true,
      },
    });
    expect(catalog.entries.find((e) => e.id === 'case-fixture-big-city')).toMatchObject({
      populationBand: 'unknown',
      years: '2015',
      municipality: { smallRuralNorthern: false },
    });
    expect(catalog.entries.find((e) => e.id === 'glossary-fixture-ransomware')?.term).toBe(
      'Ransomware',
    );
    // The catalog stays light: no bodies.
    expect(JSON.stringify(catalog)).not.toContain('honest inventory');

    const engine = await SearchEngine.open([
      (kind) => readFile(path.join(out, fragmentFileName(kind))),
    ]);
    const hits = (await engine.searchWhenReady('rançongiciel', { complete: true })).hits.map(
      (hit) => hit.id,
    );
    expect(hits.sort()).toEqual(['case-fixture-northtown', 'glossary-fixture-ransomware']);
  });

  it('writes byte-identical files on every run', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await runContentPipeline({ contentDir: VALID_DIR, outDir: a });
    await runContentPipeline({ contentDir: VALID_DIR, outDir: b });
    const names = await readdir(a);
    expect(names).toContain('search-core.bin');
    for (const name of names)
      expect(await readFile(path.join(a, name))).toEqual(await readFile(path.join(b, name)));
  });

  it("ships AMO's release beside the data when the content has it, so packs are checked in the app", async () => {
    const withoutRelease = await tempDir();
    await runContentPipeline({ contentDir: VALID_DIR, outDir: withoutRelease });
    expect(await readdir(withoutRelease)).not.toContain(DATA_FILES.release);

    const content = await tempDir();
    await cp(VALID_DIR, content, { recursive: true });
    await mkdir(path.join(content, path.dirname(RELEASE_PATH)), { recursive: true });
    const release = 'TORONTO, Aug. 14, 2017 – A release text for this test.\n';
    await writeFile(path.join(content, RELEASE_PATH), release);
    const out = await tempDir();
    await runContentPipeline({ contentDir: content, outDir: out });
    expect(await readFile(path.join(out, DATA_FILES.release), 'utf8')).toBe(release);
  });

  it('lists every problem, exits 1 and writes nothing when content is invalid', async () => {
    const content = await tempDir();
    const out = path.join(await tempDir(), 'data');
    await cp(VALID_DIR, content, { recursive: true });
    const edit = async (file: string, from: string, to: string) => {
      const text = await readFile(path.join(content, file), 'utf8');
      await writeFile(path.join(content, file), text.replace(from, to));
    };
    await edit('case-studies/case-fixture-big-city.md', 'region: south-west', 'region: mars');
    await edit('case-studies/case-fixture-northtown.md', '## Results', '## Outcomes');
    await writeFile(path.join(content, 'glossary/glossary-x.md'), 'no front matter\n');

    const { code, err } = await run(['build', '--content', content, '--out', out]);
    expect(code).toBe(1);
    const shown = (file: string) => path.join(content, file).split(path.sep).join('/');
    expect(err).toEqual([
      expect.stringMatching(
        /^.*\/case-studies\/case-fixture-big-city\.md:14: municipality\.region: 'mars' is not in/,
      ),
      `${shown('glossary/glossary-x.md')}:1: front matter: is missing; start the file with a line '---', the YAML fields, then '---'`,
      expect.stringMatching(
        /^.*\/opportunities\/opportunity-fixture-permits\.md:11: body: link to #results: doc:case-fixture-northtown has no heading with that slug; use one of: outcomes$/,
      ),
      'content: 3 problem(s); nothing was written',
    ]);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('reports a missing or invalid vocabulary with its line', async () => {
    const content = await tempDir();
    await cp(VALID_DIR, content, { recursive: true });
    await rm(path.join(content, 'vocabulary.yml'));
    const missing = await run(['check', '--content', content]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/vocabulary\.yml:1: vocabulary: cannot be read/);

    await writeFile(
      path.join(content, 'vocabulary.yml'),
      'topics:\n  Bad_Topic: Bad\nregions: {}\ntiers: {}\n',
    );
    const invalid = await run(['check', '--content', content]);
    expect(invalid.code).toBe(1);
    expect(invalid.err[0]).toMatch(/vocabulary\.yml:2: topics\.Bad_Topic: ids are kebab-case/);
  });

  it('the data-file parsers reject data of another version or shape', async () => {
    const out = await tempDir();
    await runContentPipeline({ contentDir: VALID_DIR, outDir: out });
    const catalog = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as {
      version: number;
      entries: Array<{ type: string }>;
    };
    expect(() => parseCatalogFile({ ...catalog, version: 99 })).toThrow(/rebuild the content/);
    const badEntry = { ...catalog, entries: [{ ...catalog.entries[0], type: 'blog' }] };
    expect(() => parseCatalogFile(badEntry)).toThrow();
    const store = JSON.parse(await readFile(path.join(out, 'documents.json'), 'utf8')) as {
      documents: Array<Record<string, unknown>>;
    };
    const vocabulary = parseCatalogFile(catalog).vocabulary;
    const tampered = { ...store, documents: [{ ...store.documents[0], topics: ['not-a-topic'] }] };
    expect(() => parseDocumentStoreFile(tampered, vocabulary)).toThrow(/not-a-topic/);
  });

  it('prints usage and exits 2 for an unknown command or option', async () => {
    expect((await run(['publish'])).code).toBe(2);
    expect((await run(['build', '--nope', 'x'])).err).toEqual([expect.stringContaining('usage:')]);
  });
});

/** Writes a corpus with exactly the minimum counts (issues 3 and 7), so `check` can pass. */
async function writeMinimumCorpus(dir: string): Promise<void> {
  await cp(path.join(VALID_DIR, 'vocabulary.yml'), path.join(dir, 'vocabulary.yml'));
  const write = async (folder: string, id: string, type: string, extra: string[]) => {
    await mkdir(path.join(dir, folder), { recursive: true });
    const lines = [
      '---',
      `id: ${id}`,
      `type: ${type}`,
      `title: Title of ${id}`,
      'summary: One. Two.',
      'topics: [broadband]',
      'updated: 2026-11-26',
      ...extra,
      '---',
      'Body.',
      '',
    ];
    await writeFile(path.join(dir, folder, `${id}.md`), lines.join('\n'));
  };
  await write('about', 'about-x', 'about', []);
  for (let n = 1; n <= 5; n++)
    await write('recommendations', `recommendation-${n}`, 'recommendation', [`number: ${n}`]);
  for (let n = 1; n <= 3; n++) await write('key-issues', `key-issue-${n}`, 'key-issue', []);
  for (let n = 1; n <= 6; n++) await write('opportunities', `opportunity-${n}`, 'opportunity', []);
  for (let n = 1; n <= 8; n++)
    await write('guide', `guide-${n}`, 'guide-step', [
      `step: ${n}`,
      'timeRequired: 1 week',
      'involved: [CAO]',
    ]);
  for (let n = 1; n <= 20; n++)
    await write('case-studies', `case-${n}`, 'case-study', [
      'sources: [{ title: Source, url: "https://example.org" }]',
      // The first 12 are northern, so the small-rural-northern rule flags them; the rest are not.
      `municipality: { name: Town ${n}, tier: lower-tier, ${n <= 12 ? 'region: north, smallRuralNorthern: true' : 'region: south-west'} }`,
    ]);
  for (let n = 1; n <= 30; n++)
    await write('glossary', `glossary-${n}`, 'glossary', [`term: Term ${n}`]);
  for (let n = 1; n <= 3; n++)
    await write('workshops', `workshop-${n}`, 'workshop', [
      'audience: Council',
      'blocks: [{ title: Welcome, minutes: 10, purpose: Meet., facilitatorNotes: Smile., activity: Talk., documents: [guide-1] }]',
    ]);
}

describe('content check and stats', () => {
  it('check passes on a corpus that meets every minimum, and fails when one is short', async () => {
    const content = await tempDir();
    await writeMinimumCorpus(content);
    const ok = await run(['check', '--content', content]);
    expect(ok.err).toEqual([]);
    expect(ok.code).toBe(0);
    expect(ok.out[0]).toMatch(/^content: 76 documents .*: valid, index built, all minimums met$/);

    await rm(path.join(content, 'glossary/glossary-30.md'));
    const caseText = await readFile(path.join(content, 'case-studies/case-1.md'), 'utf8');
    await writeFile(
      path.join(content, 'case-studies/case-1.md'),
      caseText.replace('region: north, smallRuralNorthern: true', 'region: south-west'),
    );
    const short = await run(['check', '--content', content]);
    expect(short.code).toBe(1);
    expect(short.err).toEqual([
      expect.stringMatching(
        /case-studies\/: municipality\.smallRuralNorthern: 11 small, rural or northern case studies, need at least 12; add 1 more$/,
      ),
      expect.stringMatching(/glossary\/: count: 29 glossary terms, need at least 30; add 1 more$/),
      'content: valid, but 2 minimum count(s) of issue 3 not met',
    ]);
  });

  it('stats counts by type, topic, region and population band and flags the minimums', async () => {
    const { code, out } = await run(['stats', '--content', VALID_DIR]);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('10 documents');
    expect(text).toMatch(/Case studies\s+2\n/);
    expect(text).toMatch(/governance-strategy\s+5\n/);
    expect(text).toMatch(/Case studies by region\n\s+north\s+1\n\s+south-west\s+1\n\s+east\s+0/);
    expect(text).toMatch(
      /under-5k\s+1\n\s+5k-25k\s+0\n\s+25k-100k\s+0\n\s+over-100k\s+0\n\s+unknown\s+1/,
    );
    expect(text).toContain('met      about documents: 1 of at least 1');
    expect(text).toContain('NOT MET  glossary terms: 1 of at least 30');
  });
});
