import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runContentPipeline } from '../../../build/content/pipeline';
import { buildCorpus } from '../../../renderer/src/core/content/corpus';
import { formatIssue } from '../../../renderer/src/core/content/issues';
import { RELEASE_PATH } from '../../../renderer/src/core/content/releaseText';
import { RECOMMENDATION, edit, fixtureVocabulary, VALID_DIR, validFiles } from './helpers';

const SHIPPED_RELEASE = fileURLToPath(new URL(`../../../content/${RELEASE_PATH}`, import.meta.url));
const FILE = 'recommendations/recommendation-3-fixture-test.md';

/** A small workshop whose second block's notes speak for the report (lines numbered). */
const WORKSHOP = [
  '---', // 1
  'id: workshop-fixture-attribution', // 2
  'type: workshop', // 3
  'title: A test workshop', // 4
  'summary: Two short sentences. About a workshop.', // 5
  'audience: Council', // 6
  'topics: [broadband]', // 7
  'updated: 2026-11-26', // 8
  'blocks:', // 9
  '  - title: Welcome', // 10
  '    minutes: 10', // 11
  '    purpose: People know why they are here.', // 12
  '    facilitatorNotes: >-', // 13
  '      Stick to what the report says. AMO published it on 14 August 2017; its Digital', // 14
  '      Government Task Force, set up in 2016, wrote it. It notes that', // 15
  '      municipalities differ.', // 16
  '    activity: Introduce yourself.', // 17
  '---', // 18
  'An introduction for the trainer.', // 19
  '',
].join('\n');

/** The valid fixture corpus with some files added, checked against the shipped release. */
async function issuesWith(files: Record<string, string>, releaseText: string | null) {
  const all = [
    ...(await validFiles()),
    ...Object.entries(files).map(([relativePath, text]) => ({
      relativePath,
      displayPath: `content/${relativePath}`,
      text,
    })),
  ];
  return buildCorpus(all, fixtureVocabulary(), { releaseText }).issues.map(formatIssue);
}

describe('the attribution rule in the corpus check', () => {
  it('reports the body line, with the field and the fix', async () => {
    const release = await readFile(SHIPPED_RELEASE, 'utf8');
    const text = edit(RECOMMENDATION, 'Body.', 'AMO wants the Province to act.');
    expect(await issuesWith({ [FILE]: text }, release)).toEqual([
      `content/${FILE}:10: body: "AMO wants ..." attributes words to AMO that are not in the release; quote the release exactly or move it under a "This toolkit's reading" heading (or start the paragraph with **This toolkit's reading:**)`,
    ]);
  });

  it('checks the summary, which cards show', async () => {
    const release = await readFile(SHIPPED_RELEASE, 'utf8');
    const text = edit(
      RECOMMENDATION,
      'summary: Two short sentences. About a recommendation.',
      'summary: AMO asks the Province to accept that municipalities differ. Fine.',
    );
    const [issue] = await issuesWith({ [FILE]: text }, release);
    expect(issue).toMatch(new RegExp(`^content/${FILE}:6: summary: "AMO asks \\.\\.\\."`));
  });

  it('checks curated slide bullets, which a deck projects', async () => {
    const release = await readFile(SHIPPED_RELEASE, 'utf8');
    const text = edit(
      RECOMMENDATION,
      'updated: 2026-11-26\n',
      'updated: 2026-11-26\nslides:\n  - A plain point\n  - AMO asks the Province to accept that municipalities differ\n',
    );
    const [issue] = await issuesWith({ [FILE]: text }, release);
    expect(issue).toMatch(new RegExp(`^content/${FILE}:11: slides\\[1\\]: "AMO asks \\.\\.\\."`));
  });

  it("checks a workshop's block notes and finds the line inside a folded field", async () => {
    const release = await readFile(SHIPPED_RELEASE, 'utf8');
    const issues = await issuesWith(
      { 'workshops/workshop-fixture-attribution.md': WORKSHOP },
      release,
    );
    expect(issues.map((i) => i.replace(/ attributes words.*/, ''))).toEqual([
      'content/workshops/workshop-fixture-attribution.md:14: blocks[0].facilitatorNotes: "Digital Government Task Force, set up in 2016, wrote ..."',
      'content/workshops/workshop-fixture-attribution.md:15: blocks[0].facilitatorNotes: "It notes ..."',
    ]);
  });

  it('passes a quotation of the shipped release', async () => {
    const release = await readFile(SHIPPED_RELEASE, 'utf8');
    const text = edit(
      RECOMMENDATION,
      'Body.',
      'AMO asks for "appropriate funding and human resourcing".',
    );
    expect(await issuesWith({ [FILE]: text }, release)).toEqual([]);
  });
});

describe('the pipeline passes the shipped release to the check', () => {
  let work = '';
  afterEach(async () => {
    if (work !== '') await rm(work, { recursive: true, force: true });
    work = '';
  });

  async function corpusWith(body: string, withRelease: boolean): Promise<string> {
    work = await mkdtemp(path.join(tmpdir(), 'attribution-'));
    const content = path.join(work, 'content');
    await cp(VALID_DIR, content, { recursive: true });
    await writeFile(path.join(content, FILE), edit(RECOMMENDATION, 'Body.', body));
    if (withRelease) {
      await mkdir(path.join(content, 'sources'), { recursive: true });
      await cp(SHIPPED_RELEASE, path.join(content, RELEASE_PATH));
    }
    return content;
  }

  it('reads content/sources/ for the release, so a true quotation is accepted', async () => {
    const content = await corpusWith(
      'AMO says "Input from the Task Force ... formed the basis of the report."',
      true,
    );
    const result = await runContentPipeline({ contentDir: content, outDir: null });
    expect(result.issues).toEqual([]);
    // The release folder is not a document folder: the corpus keeps its own count.
    expect(result.documents.some((d) => d.path.startsWith('sources/'))).toBe(false);
  });

  it('rejects an invented quotation', async () => {
    const content = await corpusWith('AMO says "meet regularly".', true);
    const result = await runContentPipeline({ contentDir: content, outDir: null });
    expect(result.issues.map((i) => i.message)).toEqual([
      expect.stringContaining(
        'quotes "meet regularly" as words of AMO, but the release does not contain them',
      ),
    ]);
  });

  it('says so when the release file is missing', async () => {
    const content = await corpusWith('AMO says "Input from the Task Force".', false);
    const result = await runContentPipeline({ contentDir: content, outDir: null });
    expect(result.issues.map((i) => i.message)).toEqual([
      expect.stringContaining(`${RELEASE_PATH} in the content folder) is missing`),
    ]);
  });
});
