import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runContentPipeline } from '../../../build/content/pipeline';
import { runCommand } from '../../../build/content/commands';
import { buildCorpus } from '../../../renderer/src/core/content/corpus';
import {
  parseCatalogFile,
  parseDocumentStoreFile,
} from '../../../renderer/src/core/content/dataFiles';
import { fragmentFileName } from '../../../renderer/src/core/search/layout/format';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { VALID_DIR, edit, fixtureVocabulary, issuesWith, validFiles } from './helpers';

const FILE = 'workshops/workshop-fixture-test.md';

/** A valid workshop whose lines are numbered below, so each case can name the line it breaks. */
export const WORKSHOP = [
  '---', // 1
  'id: workshop-fixture-test', // 2
  'type: workshop', // 3
  'title: A test workshop', // 4
  'summary: Two short sentences. About a workshop.', // 5
  'audience: Council', // 6
  'durationMinutes: 30', // 7
  'topics: [broadband]', // 8
  'updated: 2026-11-26', // 9
  'blocks:', // 10
  '  - title: Welcome', // 11
  '    minutes: 10', // 12
  '    purpose: People know why they are here.', // 13
  '    facilitatorNotes: Keep it short.', // 14
  '    materials: [Flip chart]', // 15
  '    activity: Introduce yourself.', // 16
  '    documents: [guide-1-fixture-start]', // 17
  '  - title: Zanzibar connectivity', // 18
  '    minutes: 20', // 19
  '    purpose: People can name the gaps.', // 20
  '    facilitatorNotes: Let council talk.', // 21
  '    activity: |', // 22
  '      1. Present the key issue.', // 23
  '      2. Discuss.', // 24
  '    documents: [key-issue-fixture-connectivity, case-fixture-northtown]', // 25
  '---', // 26
  'An introduction for the trainer.', // 27
  '',
].join('\n');

interface Case {
  rule: string;
  text: string;
  expect: string;
  hint: string;
  file?: string;
}

const cases: Case[] = [
  {
    rule: 'blocks do not add up to the stated length',
    text: edit(WORKSHOP, 'durationMinutes: 30', 'durationMinutes: 45'),
    expect: '7: durationMinutes:',
    hint: 'is 45 but the blocks add up to 30 (10 + 20), 15 minutes short',
  },
  {
    rule: 'blocks run over the stated length',
    text: edit(WORKSHOP, '    minutes: 20', '    minutes: 25'),
    expect: '7: durationMinutes:',
    hint: 'blocks add up to 35 (10 + 25), 5 minutes over',
  },
  {
    rule: 'id without the workshop- prefix',
    file: 'workshops/fixture-test.md',
    text: edit(WORKSHOP, 'id: workshop-fixture-test', 'id: fixture-test'),
    expect: '2: id:',
    hint: "must start with 'workshop-'",
  },
  {
    rule: 'block minutes missing',
    text: edit(WORKSHOP, '    minutes: 10\n', '\n'),
    expect: '11: blocks[0].minutes:',
    hint: 'is required for a workshop document',
  },
  {
    rule: 'block minutes not a whole number',
    text: edit(WORKSHOP, '    minutes: 10', '    minutes: 7.5'),
    expect: '12: blocks[0].minutes:',
    hint: 'whole number of minutes',
  },
  {
    rule: 'block minutes zero',
    text: edit(WORKSHOP, '    minutes: 10', '    minutes: 0'),
    expect: '12: blocks[0].minutes:',
    hint: 'at least 1 minute',
  },
  {
    rule: 'block field misspelt',
    text: edit(WORKSHOP, '    materials: [Flip chart]', '    materals: [Flip chart]'),
    expect: '15: blocks[0].materals:',
    hint: 'is not a field of blocks[0]',
  },
  {
    rule: 'no blocks',
    text: WORKSHOP.replace(/blocks:[\s\S]*?\n---/, 'blocks: []\n---'),
    expect: '10: blocks:',
    hint: 'needs at least one block',
  },
  {
    rule: 'audience missing',
    text: edit(WORKSHOP, 'audience: Council\n', '\n'),
    expect: '1: audience:',
    hint: 'is required for a workshop document',
  },
  {
    rule: 'block document that does not exist',
    text: edit(WORKSHOP, '[guide-1-fixture-start]', '[guide-1-fixture-strat]'),
    expect: '17: blocks[0].documents[0]:',
    hint: "no document has the id 'guide-1-fixture-strat'; did you mean 'guide-1-fixture-start'?",
  },
  {
    rule: 'block document listed twice',
    text: edit(
      WORKSHOP,
      '[guide-1-fixture-start]',
      '[guide-1-fixture-start, guide-1-fixture-start]',
    ),
    expect: '17: blocks[0].documents:',
    hint: 'same document twice',
  },
  {
    rule: 'block document that is a workshop (itself)',
    text: edit(WORKSHOP, '[guide-1-fixture-start]', '[workshop-fixture-test]'),
    expect: '17: blocks[0].documents[0]:',
    hint: "'workshop-fixture-test' is a workshop (this one); list the documents it presents instead",
  },
  {
    rule: 'raw HTML in block text',
    text: edit(WORKSHOP, 'activity: Introduce yourself.', "activity: 'Say <b>hello</b>.'"),
    expect: '16: blocks[0].activity:',
    hint: 'raw HTML',
  },
  {
    rule: 'document link in block text',
    text: edit(
      WORKSHOP,
      'activity: Introduce yourself.',
      'activity: See [the step](doc:guide-1-fixture-start).',
    ),
    expect: '16: blocks[0].activity:',
    hint: 'list it in this block’s documents instead',
  },
  {
    rule: 'heading in block text',
    text: edit(WORKSHOP, '      2. Discuss.', '      ## Discuss'),
    expect: '22: blocks[1].activity:',
    hint: 'contains a heading',
  },
  {
    rule: 'workshop outside content/workshops/',
    file: 'guide/workshop-fixture-test.md',
    text: WORKSHOP,
    expect: '3: type:',
    hint: 'live in content/workshops/',
  },
];

describe('workshop content rules', () => {
  it('the template workshop is valid, so each case breaks exactly one rule', async () => {
    expect(await issuesWith({ [FILE]: WORKSHOP })).toEqual([]);
  });

  it.each(cases)('$rule', async ({ text, expect: where, hint, file = FILE }) => {
    const issues = await issuesWith({ [file]: text });
    expect(issues, `got:\n${issues.join('\n')}`).toHaveLength(1);
    expect(issues[0]?.startsWith(`content/${file}:${where} `), issues[0]).toBe(true);
    expect(issues[0]).toContain(hint);
  });

  it('durationMinutes may be left out: the catalog computes it from the blocks', async () => {
    const files = [
      ...(await validFiles()),
      {
        relativePath: FILE,
        displayPath: `content/${FILE}`,
        text: edit(WORKSHOP, 'durationMinutes: 30\n', ''),
      },
    ];
    const result = buildCorpus(files, fixtureVocabulary());
    expect(result.issues).toEqual([]);
    expect(result.catalog.at(-1)).toMatchObject({
      id: 'workshop-fixture-test',
      type: 'workshop',
      audience: 'Council',
      durationMinutes: 30,
      blockCount: 2,
    });
    // Linked documents know the workshops that use them.
    const backlinks = result.documents.find((d) => d.id === 'case-fixture-northtown')?.backlinks;
    expect(backlinks).toContain('workshop-fixture-test');
  });
});

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('workshops in the built data files', () => {
  it('are emitted, parsed back by the app, counted, and found by block text in search', async () => {
    const content = await mkdtemp(path.join(tmpdir(), 'onmuni-ws-content-'));
    const out = await mkdtemp(path.join(tmpdir(), 'onmuni-ws-out-'));
    temps.push(content, out);
    await cp(VALID_DIR, content, { recursive: true });
    await mkdir(path.join(content, 'workshops'));
    await writeFile(path.join(content, FILE), WORKSHOP);

    const result = await runContentPipeline({ contentDir: content, outDir: out });
    expect(result.issues).toEqual([]);
    const catalog = parseCatalogFile(
      JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')),
    );
    const store = parseDocumentStoreFile(
      JSON.parse(await readFile(path.join(out, 'documents.json'), 'utf8')),
      catalog.vocabulary,
    );
    const workshop = store.documents.find((d) => d.id === 'workshop-fixture-test');
    expect(workshop).toMatchObject({ type: 'workshop', durationMinutes: 30 });
    expect(workshop?.type === 'workshop' && workshop.blocks[1]?.activity).toBe(
      '1. Present the key issue.\n2. Discuss.',
    );
    // "Zanzibar" appears only in a block title: the workshop is found by what its blocks cover.
    const engine = await SearchEngine.open([
      (kind) => readFile(path.join(out, fragmentFileName(kind))),
    ]);
    const hits = (await engine.searchWhenReady('zanzibar', { complete: true })).hits.map(
      (hit) => hit.id,
    );
    expect(hits).toEqual(['workshop-fixture-test']);

    const lines: string[] = [];
    await runCommand(['stats', '--content', content], { out: (l) => lines.push(l), err: () => {} });
    expect(lines.join('\n')).toMatch(/Workshops\s+1\n/);
    expect(lines.join('\n')).toContain('NOT MET  workshops: 1 of at least 3');
  });
});
