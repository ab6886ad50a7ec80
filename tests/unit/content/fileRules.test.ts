import { describe, expect, it } from 'vitest';
import { CASE_STUDY, GLOSSARY, GUIDE_STEP, RECOMMENDATION, edit, issuesWith } from './helpers';

const CASE = 'case-studies/case-fixture-test.md';
const STEP = 'guide/guide-3-fixture-test.md';
const TERM = 'glossary/glossary-fixture-test.md';
const REC = 'recommendations/recommendation-3-fixture-test.md';

/** One broken file and the single issue it must produce: `file:line: field:` and a hint. */
interface Case {
  rule: string;
  file: string;
  text: string;
  expect: string;
  hint: string;
}

const cases: Case[] = [
  // Fences and YAML
  {
    rule: 'front matter missing',
    file: CASE,
    text: 'Just a body.\n',
    expect: '1: front matter:',
    hint: "start the file with a line '---'",
  },
  {
    rule: 'front matter not closed',
    file: CASE,
    text: '---\nid: case-fixture-test\nBody.\n',
    expect: '1: front matter:',
    hint: "add a line '---'",
  },
  {
    rule: 'YAML syntax (unquoted colon)',
    file: CASE,
    text: edit(CASE_STUDY, 'title: A test case', 'title: Step 2: a test: case'),
    expect: '4: front matter:',
    hint: 'YAML error',
  },
  {
    rule: 'YAML duplicate key',
    file: CASE,
    text: edit(CASE_STUDY, 'title: A test case', 'topics: [broadband]'),
    expect: '6: front matter:',
    hint: 'Map keys must be unique',
  },
  {
    rule: 'front matter is not fields',
    file: CASE,
    text: '---\n- a\n- b\n---\nBody.\n',
    expect: '1: front matter:',
    hint: '`field: value`',
  },
  // Type and id
  {
    rule: 'type missing',
    file: CASE,
    text: edit(CASE_STUDY, 'type: case-study\n', '\n'),
    expect: '1: type:',
    hint: 'is missing; add one of: about, recommendation',
  },
  {
    rule: 'type unknown',
    file: CASE,
    text: edit(CASE_STUDY, 'type: case-study', 'type: case-stdy'),
    expect: '3: type:',
    hint: "did you mean 'case-study'?",
  },
  {
    rule: 'type in the wrong folder',
    file: 'glossary/case-fixture-test.md',
    text: CASE_STUDY,
    expect: '3: type:',
    hint: 'live in content/case-studies/',
  },
  {
    rule: 'id not kebab-case',
    file: 'case-studies/Case_Fixture.md',
    text: edit(CASE_STUDY, 'id: case-fixture-test', 'id: Case_Fixture'),
    expect: '2: id:',
    hint: 'kebab-case',
  },
  {
    rule: 'id differs from file name',
    file: 'case-studies/case-other.md',
    text: CASE_STUDY,
    expect: '2: id:',
    hint: "must equal the file name 'case-other'",
  },
  // Common fields
  {
    rule: 'title missing',
    file: CASE,
    text: edit(CASE_STUDY, 'title: A test case\n', '\n'),
    expect: '1: title:',
    hint: 'is required for a case-study document',
  },
  {
    rule: 'summary empty',
    file: CASE,
    text: edit(CASE_STUDY, 'summary: Two short sentences. About a test.', "summary: ''"),
    expect: '5: summary:',
    hint: 'must not be empty',
  },
  {
    rule: 'summary too long',
    file: CASE,
    text: edit(
      CASE_STUDY,
      'summary: Two short sentences. About a test.',
      `summary: ${'word '.repeat(120)}`,
    ),
    expect: '5: summary:',
    hint: 'longer than 500 characters',
  },
  {
    rule: 'summary not text',
    file: CASE,
    text: edit(CASE_STUDY, 'summary: Two short sentences. About a test.', 'summary: [a, b]'),
    expect: '5: summary:',
    hint: 'must be a string; found a list',
  },
  {
    rule: 'topic not in vocabulary',
    file: CASE,
    text: edit(
      CASE_STUDY,
      'topics: [broadband, cybersecurity]',
      'topics: [broadband, cybersecurty]',
    ),
    expect: '6: topics[1]:',
    hint: "did you mean 'cybersecurity'?",
  },
  {
    rule: 'topics empty',
    file: CASE,
    text: edit(CASE_STUDY, 'topics: [broadband, cybersecurity]', 'topics: []'),
    expect: '6: topics:',
    hint: 'needs at least one topic',
  },
  {
    rule: 'topic repeated',
    file: CASE,
    text: edit(CASE_STUDY, 'topics: [broadband, cybersecurity]', 'topics: [broadband, broadband]'),
    expect: '6: topics:',
    hint: 'same topic twice',
  },
  {
    rule: 'updated not a real date',
    file: CASE,
    text: edit(CASE_STUDY, 'updated: 2026-11-26', 'updated: 2026-02-30'),
    expect: '7: updated:',
    hint: 'real date written YYYY-MM-DD',
  },
  {
    rule: 'updated in another format',
    file: CASE,
    text: edit(CASE_STUDY, 'updated: 2026-11-26', 'updated: Nov 26, 2026'),
    expect: '7: updated:',
    hint: 'YYYY-MM-DD',
  },
  {
    rule: 'updated missing',
    file: CASE,
    text: edit(CASE_STUDY, 'updated: 2026-11-26\n', '\n'),
    expect: '1: updated:',
    hint: 'is required',
  },
  {
    rule: 'unknown field (typo)',
    file: CASE,
    text: edit(CASE_STUDY, "years: '2019'", "yeers: '2019'"),
    expect: '19: yeers:',
    hint: 'is not a field of a case-study document',
  },
  {
    rule: 'field of another type',
    file: CASE,
    text: edit(CASE_STUDY, "years: '2019'", 'step: 2'),
    expect: '19: step:',
    hint: 'is not a field of a case-study document',
  },
  {
    rule: 'unknown field inside municipality',
    file: CASE,
    text: edit(CASE_STUDY, '  name: Testville', '  nmae: Testville'),
    expect: '11: municipality.name:',
    hint: 'is required',
  },
  // Sources
  {
    rule: 'source without url',
    file: CASE,
    text: edit(CASE_STUDY, '    url: https://example.org/source', '    publisher: Somebody'),
    expect: '9: sources[0].url:',
    hint: 'is required',
  },
  {
    rule: 'source url not http(s)',
    file: CASE,
    text: edit(CASE_STUDY, 'url: https://example.org/source', 'url: ftp://example.org/source'),
    expect: '10: sources[0].url:',
    hint: 'https://',
  },
  {
    rule: 'source url not an address',
    file: CASE,
    text: edit(CASE_STUDY, 'url: https://example.org/source', 'url: example.org/source'),
    expect: '10: sources[0].url:',
    hint: 'full web address',
  },
  {
    rule: 'source date malformed',
    file: CASE,
    text: edit(
      CASE_STUDY,
      '    url: https://example.org/source',
      '    url: https://example.org/source\n    date: 2023-13',
    ),
    expect: '11: sources[0].date:',
    hint: 'YYYY, YYYY-MM or YYYY-MM-DD',
  },
  {
    rule: 'source reliability unknown',
    file: CASE,
    text: edit(
      CASE_STUDY,
      '    url: https://example.org/source',
      '    url: https://example.org/source\n    reliability: rumour',
    ),
    expect: '11: sources[0].reliability:',
    hint: 'vendor, secondary or unverified',
  },
  {
    rule: 'source lang other than fr',
    file: CASE,
    text: edit(
      CASE_STUDY,
      '    url: https://example.org/source',
      '    url: https://example.org/source\n    lang: en',
    ),
    expect: '11: sources[0].lang:',
    hint: 'leave it out for a page in English',
  },
  {
    rule: 'case study without sources',
    file: CASE,
    text: edit(
      CASE_STUDY,
      'sources:\n  - title: A source\n    url: https://example.org/source',
      'sources: []\n\n',
    ),
    expect: '8: sources:',
    hint: 'needs at least one source',
  },
  // Municipality
  {
    rule: 'municipality missing',
    file: CASE,
    text: edit(
      CASE_STUDY,
      'municipality:\n  name: Testville\n  tier: lower-tier\n  region: north\n  population: 3000\n  censusYear: 2016\n  populationSource: https://example.org/source\n  smallRuralNorthern: true',
      '\n\n\n\n\n\n\n',
    ),
    expect: '1: municipality:',
    hint: 'is required',
  },
  {
    rule: 'region not in vocabulary',
    file: CASE,
    text: edit(CASE_STUDY, 'region: north', 'region: northern'),
    expect: '14: municipality.region:',
    hint: "did you mean 'north'?",
  },
  {
    rule: 'tier not in vocabulary',
    file: CASE,
    text: edit(CASE_STUDY, 'tier: lower-tier', 'tier: lower'),
    expect: '13: municipality.tier:',
    hint: 'content/vocabulary.yml `tiers`',
  },
  {
    rule: 'population without censusYear',
    file: CASE,
    text: edit(CASE_STUDY, '  censusYear: 2016\n', '\n'),
    expect: '11: municipality.censusYear:',
    hint: 'is required when population is given',
  },
  {
    rule: 'censusYear without population',
    file: CASE,
    text: edit(CASE_STUDY, '  population: 3000\n', '\n'),
    expect: '16: municipality.censusYear:',
    hint: 'without a population',
  },
  {
    rule: 'population written with commas',
    file: CASE,
    text: edit(CASE_STUDY, 'population: 3000', "population: '3,000'"),
    expect: '15: municipality.population:',
    hint: 'whole number without commas',
  },
  {
    rule: 'population not whole',
    file: CASE,
    text: edit(CASE_STUDY, 'population: 3000', 'population: 3000.5'),
    expect: '15: municipality.population:',
    hint: 'whole number',
  },
  {
    rule: 'unconfirmed lists something else',
    file: CASE,
    text: edit(CASE_STUDY, '  smallRuralNorthern: true', '  unconfirmed: [population]'),
    expect: '18: municipality.unconfirmed[0]:',
    hint: 'tier and/or region',
  },
  {
    rule: 'smallRuralNorthern not boolean',
    file: CASE,
    text: edit(CASE_STUDY, 'smallRuralNorthern: true', 'smallRuralNorthern: yes'),
    expect: '18: municipality.smallRuralNorthern:',
    hint: 'true or false',
  },
  {
    rule: 'years without a year',
    file: CASE,
    text: edit(CASE_STUDY, "years: '2019'", "years: 'Not confirmed'"),
    expect: '19: years:',
    hint: 'leave the field out',
  },
  // Other types
  {
    rule: 'guide step without step',
    file: STEP,
    text: edit(GUIDE_STEP, 'step: 3\n', '\n'),
    expect: '1: step:',
    hint: 'is required for a guide-step document',
  },
  {
    rule: 'guide step number not whole',
    file: STEP,
    text: edit(GUIDE_STEP, 'step: 3', 'step: 2.5'),
    expect: '4: step:',
    hint: 'whole number',
  },
  {
    rule: 'guide step without timeRequired',
    file: STEP,
    text: edit(GUIDE_STEP, 'timeRequired: 1 week\n', '\n'),
    expect: '1: timeRequired:',
    hint: 'is required',
  },
  {
    rule: 'guide step with nobody involved',
    file: STEP,
    text: edit(GUIDE_STEP, 'involved: [CAO]', 'involved: []'),
    expect: '10: involved:',
    hint: 'at least one role',
  },
  {
    rule: 'recommendation without number',
    file: REC,
    text: edit(RECOMMENDATION, 'number: 3\n', '\n'),
    expect: '1: number:',
    hint: 'is required for a recommendation document',
  },
  {
    rule: 'glossary without term',
    file: TERM,
    text: edit(GLOSSARY, 'term: Test term\n', '\n'),
    expect: '1: term:',
    hint: 'is required for a glossary document',
  },
  {
    rule: 'glossary alias repeated',
    file: TERM,
    text: edit(GLOSSARY, 'aliases: [Another name]', 'aliases: [Another name, Another name]'),
    expect: '5: aliases:',
    hint: 'same alias twice',
  },
  // Body
  {
    rule: 'level-1 heading',
    file: CASE,
    text: edit(CASE_STUDY, '## A heading', '# A heading'),
    expect: '25: body:',
    hint: 'use ## instead of #',
  },
  {
    rule: 'raw HTML block',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '<div class="x">hi</div>'),
    expect: '27: body:',
    hint: 'raw HTML \'<div class="x">hi</div>\'',
  },
  {
    rule: 'inline raw HTML',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', 'Some <b>bold</b> text.'),
    expect: '27: body:',
    hint: "raw HTML '<b>'",
  },
  {
    rule: 'HTML comment',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '<!-- note to self -->'),
    expect: '27: body:',
    hint: 'raw HTML',
  },
  {
    rule: 'http link',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', 'See [the site](http://example.org).'),
    expect: '27: body:',
    hint: 'uses http:',
  },
  {
    rule: 'javascript: link',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '[click](javascript:alert(1))'),
    expect: '27: body:',
    hint: 'scheme the reader refuses',
  },
  {
    rule: 'data: link',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '[x](data:text/html,hi)'),
    expect: '27: body:',
    hint: 'scheme the reader refuses',
  },
  {
    rule: 'mailto: link adding a recipient',
    file: CASE,
    text: edit(
      CASE_STUDY,
      'Body line five.',
      '[write](mailto:clerk@example.ca?cc=boss@example.ca)',
    ),
    expect: '27: body:',
    hint: 'only a subject and a body, not "cc"',
  },
  {
    rule: 'relative file link',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '[step](../guide/guide-1-fixture-start.md)'),
    expect: '27: body:',
    hint: 'link documents with doc:ID',
  },
  {
    rule: 'protocol-relative link',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '[x](//example.org/page)'),
    expect: '27: body:',
    hint: 'is not allowed',
  },
  {
    rule: 'malformed doc: link',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '[x](doc:Guide_One)'),
    expect: '27: body:',
    hint: 'not a valid document link',
  },
  {
    rule: 'image',
    file: CASE,
    text: edit(CASE_STUDY, 'Body line five.', '![a chart](https://example.org/chart.png)'),
    expect: '27: body:',
    hint: 'images are not supported',
  },
];

describe('per-file content rules', () => {
  it.each(cases)('$rule -> $expect', async ({ file, text, expect: where, hint }) => {
    const issues = await issuesWith({ [file]: text });
    const prefix = `content/${file}:${where}`;
    expect(issues, issues.join('\n')).toHaveLength(
      issues.filter((i) => i.startsWith(`content/${file}:`)).length,
    );
    const mine = issues.filter((i) => i.startsWith(prefix));
    expect(mine, `got:\n${issues.join('\n')}`).toHaveLength(1);
    expect(mine[0]).toContain(hint);
  });

  it('the untouched templates are valid, so each case above breaks exactly one rule', async () => {
    expect(
      await issuesWith({
        [CASE]: CASE_STUDY,
        [STEP]: GUIDE_STEP,
        [TERM]: GLOSSARY,
        [REC]: RECOMMENDATION,
      }),
    ).toEqual([]);
  });

  it('accepts optional fields left out: years, population, sources elsewhere, aliases', async () => {
    const lean = edit(
      edit(CASE_STUDY, "years: '2019'\nyearsSource: https://example.org/source\n", '\n\n'),
      '  population: 3000\n  censusYear: 2016\n  populationSource: https://example.org/source\n',
      '\n\n\n',
    );
    expect(
      await issuesWith({ [CASE]: lean, [TERM]: edit(GLOSSARY, 'aliases: [Another name]\n', '\n') }),
    ).toEqual([]);
  });

  it('reports every problem of a file at once, in line order', async () => {
    const broken = edit(
      edit(
        edit(CASE_STUDY, 'region: north', 'region: mars'),
        'updated: 2026-11-26',
        'updated: soon',
      ),
      'Body line five.',
      '<p>html</p>',
    );
    const issues = await issuesWith({ [CASE]: broken });
    expect(issues.map((i) => i.split(': ')[0])).toEqual([
      `content/${CASE}:7`,
      `content/${CASE}:14`,
      `content/${CASE}:27`,
    ]);
  });

  it('leaves bare addresses in prose alone: the reader does not linkify, so they stay text', async () => {
    expect(
      await issuesWith({
        [CASE]: edit(CASE_STUDY, 'Body line five.', 'See http://example.org or amo.on.ca.'),
      }),
    ).toEqual([]);
  });

  it('reads CRLF files and a byte-order mark with the same line numbers', async () => {
    const crlf = `\uFEFF${edit(CASE_STUDY, 'region: north', 'region: mars').replace(/\n/g, '\r\n')}`;
    const issues = await issuesWith({ [CASE]: crlf });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^content\/case-studies\/case-fixture-test\.md:14: municipality\.region: /,
    );
  });
});
