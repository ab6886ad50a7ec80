import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../renderer/src/core/content/corpus';
import {
  CASE_STUDY,
  GLOSSARY,
  GUIDE_STEP,
  RECOMMENDATION,
  edit,
  fixtureVocabulary,
  issuesWith,
  validFiles,
} from './helpers';

const CASE = 'case-studies/case-fixture-test.md';

/** A corpus-wide rule, the change that breaks it, and the one issue expected. */
interface Case {
  rule: string;
  changes: Record<string, string | null>;
  expect: string;
  hint: string;
}

const body = (text: string) => edit(CASE_STUDY, 'Body line five.', text);

const cases: Case[] = [
  {
    rule: 'related id that does not exist',
    changes: {
      [CASE]: edit(
        CASE_STUDY,
        'related: [guide-1-fixture-start]',
        'related: [guide-1-fixture-strat]',
      ),
    },
    expect: `content/${CASE}:21: related[0]:`,
    hint: "no document has the id 'guide-1-fixture-strat'; did you mean 'guide-1-fixture-start'?",
  },
  {
    rule: 'related lists the document itself',
    changes: {
      [CASE]: edit(CASE_STUDY, 'related: [guide-1-fixture-start]', 'related: [case-fixture-test]'),
    },
    expect: `content/${CASE}:21: related[0]:`,
    hint: 'lists the document itself',
  },
  {
    rule: 'related repeats an id',
    changes: {
      [CASE]: edit(
        CASE_STUDY,
        'related: [guide-1-fixture-start]',
        'related: [guide-1-fixture-start, guide-1-fixture-start]',
      ),
    },
    expect: `content/${CASE}:21: related:`,
    hint: 'same document twice',
  },
  {
    rule: 'related written as a block list points at the item line',
    changes: {
      [CASE]: edit(
        CASE_STUDY,
        "years: '2019'\nyearsSource: https://example.org/source\nrelated: [guide-1-fixture-start]",
        'related:\n\n  - nope-missing',
      ),
    },
    expect: `content/${CASE}:21: related[0]:`,
    hint: "no document has the id 'nope-missing'",
  },
  {
    rule: 'doc: link to a missing document',
    changes: { [CASE]: body('See [step one](doc:guide-9-missing).') },
    expect: `content/${CASE}:27: body:`,
    hint: "link doc:guide-9-missing: no document has the id 'guide-9-missing'",
  },
  {
    rule: 'doc: link to a missing heading',
    changes: { [CASE]: body('See [step one](doc:guide-1-fixture-start#what-not-to-do).') },
    expect: `content/${CASE}:27: body:`,
    hint: 'doc:guide-1-fixture-start has no heading with that slug; use one of: what-to-do, what-to-do-2',
  },
  {
    rule: 'doc: link with a section to a document without headings',
    changes: { [CASE]: body('See [the glossary](doc:glossary-fixture-ransomware#meaning).') },
    expect: `content/${CASE}:27: body:`,
    hint: 'it has no headings',
  },
  {
    rule: 'in-page anchor to a missing heading',
    changes: { [CASE]: body('Jump to [the heading](#another-heading).') },
    expect: `content/${CASE}:27: body:`,
    hint: 'this document has no heading with that slug; use one of: a-heading',
  },
  {
    rule: 'duplicate id (same file name in two folders)',
    changes: {
      'case-studies/extra/case-fixture-northtown.md': edit(
        CASE_STUDY,
        'id: case-fixture-test',
        'id: case-fixture-northtown',
      ),
    },
    expect: 'content/case-studies/extra/case-fixture-northtown.md:2: id:',
    hint: "'case-fixture-northtown' is already used by content/case-studies/case-fixture-northtown.md",
  },
  {
    rule: 'guide steps with a gap',
    changes: { 'guide/guide-3-fixture-test.md': edit(GUIDE_STEP, 'step: 3', 'step: 4') },
    expect: 'content/guide/guide-3-fixture-test.md:4: step:',
    hint: 'step 3 is missing',
  },
  {
    rule: 'guide steps that do not start at 1',
    changes: { 'guide/guide-1-fixture-start.md': null, 'guide/guide-2-fixture-plan.md': null },
    expect: 'content/guide/guide-3-fixture-test.md:4: step:',
    hint: 'step 1, 2 are missing',
  },
  {
    rule: 'guide step number used twice',
    changes: { 'guide/guide-3-fixture-test.md': edit(GUIDE_STEP, 'step: 3', 'step: 2') },
    expect: 'content/guide/guide-3-fixture-test.md:4: step:',
    hint: '2 is already the step of guide step content/guide/guide-2-fixture-plan.md',
  },
  {
    rule: 'recommendation number used twice',
    changes: {
      'recommendations/recommendation-3-fixture-test.md': edit(
        RECOMMENDATION,
        'number: 3',
        'number: 1',
      ),
    },
    expect: 'content/recommendations/recommendation-3-fixture-test.md:4: number:',
    hint: '1 is already the number of recommendation content/recommendations/recommendation-1-fixture-maturity.md',
  },
  {
    rule: 'glossary term defined twice',
    changes: {
      'glossary/glossary-fixture-test.md': edit(GLOSSARY, 'term: Test term', 'term: ransomware'),
    },
    expect: 'content/glossary/glossary-fixture-test.md:4: term:',
    hint: "'ransomware' is already a term or alias of content/glossary/glossary-fixture-ransomware.md",
  },
  {
    rule: 'glossary alias that is another entry’s alias',
    changes: {
      'glossary/glossary-fixture-test.md': edit(
        GLOSSARY,
        'aliases: [Another name]',
        'aliases: [Another name, rançongiciel]',
      ),
    },
    expect: 'content/glossary/glossary-fixture-test.md:5: aliases[1]:',
    hint: 'is already a term or alias',
  },
  {
    rule: 'a file outside the type folders',
    changes: { 'case-fixture-test.md': CASE_STUDY },
    expect: 'content/case-fixture-test.md:3: type:',
    hint: 'not the top folder',
  },
];

describe('corpus-wide content rules', () => {
  it.each(cases)('$rule', async ({ changes, expect: prefix, hint }) => {
    // The guide-step cases need the extra step present unless they replace it.
    const withStep = { 'guide/guide-3-fixture-test.md': GUIDE_STEP, ...changes };
    const issues = await issuesWith(withStep);
    const mine = issues.filter((i) => i.startsWith(`${prefix} `));
    expect(mine, `got:\n${issues.join('\n')}`).toHaveLength(1);
    expect(mine[0]).toContain(hint);
  });

  it('does not repeat link errors for a document that exists but failed to parse', async () => {
    const brokenTarget = edit(GUIDE_STEP, 'timeRequired: 1 week\n', '\n');
    const linking = body('See [step three](doc:guide-3-fixture-test).');
    const issues = await issuesWith({
      'guide/guide-3-fixture-test.md': brokenTarget,
      [CASE]: linking,
    });
    expect(issues).toEqual([
      'content/guide/guide-3-fixture-test.md:1: timeRequired: is required for a guide-step document; add it (see content/README.md)',
    ]);
  });

  it('the valid corpus has no issues and computes backlinks from related and body links', async () => {
    const result = buildCorpus(await validFiles(), fixtureVocabulary());
    expect(result.issues).toEqual([]);
    const backlinks = Object.fromEntries(result.documents.map((d) => [d.id, d.backlinks]));
    expect(backlinks['guide-1-fixture-start']).toEqual([
      'about-fixture-toolkit',
      'guide-2-fixture-plan',
    ]);
    expect(backlinks['case-fixture-northtown']).toEqual(['opportunity-fixture-permits']);
    expect(backlinks['recommendation-2-fixture-funding']).toEqual([
      'recommendation-1-fixture-maturity',
    ]);
    expect(backlinks['about-fixture-toolkit']).toEqual([]);
  });

  it('lists every problem across files in one run, sorted by file and line', async () => {
    const issues = await issuesWith({
      [CASE]: edit(CASE_STUDY, 'region: north', 'region: mars'),
      'glossary/glossary-fixture-test.md': edit(
        GLOSSARY,
        'topics: [cybersecurity]',
        'topics: [nope]',
      ),
      'guide/guide-3-fixture-test.md': edit(GUIDE_STEP, 'step: 3', 'step: 5'),
    });
    expect(issues.map((i) => i.split(': ')[0])).toEqual([
      `content/${CASE}:14`,
      'content/glossary/glossary-fixture-test.md:8',
      'content/guide/guide-3-fixture-test.md:4',
    ]);
  });
});
