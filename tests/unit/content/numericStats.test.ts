import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../build/content/commands';
import { numericTokens } from '../../../build/content/numericTokens';
import { VALID_DIR } from './helpers';

describe('numericTokens', () => {
  const cases: ReadonlyArray<[string, string, string[]]> = [
    [
      'money',
      'a grant of $308,554, then $1.2 million and $25K',
      ['money:$308,554', 'money:$1.2 million', 'money:$25K'],
    ],
    [
      'percentages',
      '45% of homes, 12.5 per cent of farms',
      ['percent:45%', 'percent:12.5 per cent'],
    ],
    [
      'dates as one figure',
      'on 12 May 2021, on August 14, 2017 and in March 2019',
      ['date:12 May 2021', 'date:August 14, 2017', 'date:March 2019'],
    ],
    [
      'years and ranges',
      'in 2017, over 2019-2021 and 2019–20',
      ['year:2017', 'year:2019-2021', 'year:2019–20'],
    ],
    [
      'plain numbers and ordinals',
      '3,011 residents, 1.5 hours, the 3rd time',
      ['number:3,011', 'number:1.5', 'number:3rd'],
    ],
    [
      'numbers glued to names are not figures',
      'COVID-19, MS365, e-311, 24/7, 10:30, version 2.0.1',
      [],
    ],
    [
      'a number after a capitalised word inside a sentence names something',
      'We use Office 365 and Toronto 311 in Phase 2.',
      [],
    ],
    [
      "a by-law's number, which would read as a year range",
      'Council passed Bylaw 2020-45 and by-law No. 2019-12 in 2020.',
      ['year:2020'],
    ],
    [
      "but not after a sentence's first word or a possessive",
      "About 95 homes. Ontario's 444 councils.",
      ['number:95', 'number:444'],
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(numericTokens(text).map((t) => `${t.kind}:${t.text}`)).toEqual(expected);
  });

  it('gives the offset of each figure', () => {
    expect(numericTokens('Spent $5 in 2019.').map((t) => t.start)).toEqual([6, 12]);
  });
});

/**
 * A case study whose figures each test one way of being backed (lines numbered). Its one source
 * is the Toronto Star, dated 2021-05-12; population and years have recorded sources.
 * Field values come first: a figure equal to one is credited to the field.
 */
const CASE = [
  '---', // 1
  'id: case-fixture-numbers', // 2
  'type: case-study', // 3
  'title: Numbers', // 4
  'summary: Two short sentences. About numbers.', // 5
  'topics: [records-management]', // 6
  'updated: 2026-11-26', // 7
  'sources:', // 8
  '  - title: Modernization money gets spent', // 9
  '    url: https://example.org/star', // 10
  '    publisher: Toronto Star', // 11
  '    date: 2021-05-12', // 12
  'municipality:', // 13
  '  name: Numberton', // 14
  '  tier: lower-tier', // 15
  '  region: north', // 16
  '  population: 3011', // 17
  '  censusYear: 2021', // 18
  '  populationSource: https://example.org/star', // 19
  '  smallRuralNorthern: true', // 20
  "years: '2019-2020'", // 21
  'yearsSource: https://example.org/star', // 22
  '---', // 23
  '## Phase 2 of 2024', // 24: heading figures are not counted
  '', // 25
  'Numberton had 3,011 residents at the 2021 census and spent $79,497 in 2018.', // 26
  '', // 27
  'The Toronto Star reported on 10 May 2021 that council allocated:', // 28
  '', // 29
  '1. $100,000 for workflows;', // 30: the list marker is not a figure
  '2. $35,000 for a', // 31
  '   website, [and more](https://example.org/star) 15% later.', // 32
  '', // 33
  'Work ran from 2019 to 2020; an article of 12 May 2021 says so.', // 34
  '',
].join('\n');

describe('content:stats numeric report', () => {
  let work = '';
  let out: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'numeric-stats-'));
    const content = path.join(work, 'content');
    await cp(VALID_DIR, content, { recursive: true });
    await writeFile(path.join(content, 'case-studies', 'case-fixture-numbers.md'), CASE);
    out = [];
    const code = await runCommand(['stats', '--content', content], {
      out: (line) => out.push(...line.split('\n')),
      err: (line) => out.push(line),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).not.toContain('problem(s) in the content');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const figures = () =>
    out
      .filter((line) => line.includes('case-fixture-numbers.md:'))
      .map((line) => line.replace(/^.*case-fixture-numbers\.md:/, ''));

  it('lists every figure of the body with its line and backing', () => {
    expect(figures()).toEqual([
      '26: 3,011 (number): cited (municipality.population)',
      '26: 2021 (year): cited (municipality.censusYear)',
      '26: $79,497 (money): sources listed, none named nearby',
      '26: 2018 (year): sources listed, none named nearby',
      '28: 10 May 2021 (date): cited (Toronto Star)',
      '30: $100,000 (money): cited (Toronto Star)',
      '31: $35,000 (money): cited (Toronto Star)',
      '32: 15% (percent): cited (Toronto Star)',
      '34: 2019 (year): cited (years)',
      '34: 2020 (year): cited (years)',
      '34: 12 May 2021 (date): cited (date of "Modernization money gets spent")',
    ]);
  });

  it('counts per case study and overall', () => {
    const row = out.find((line) => /^\s+case-fixture-numbers\s/.test(line));
    expect(row?.trim().split(/\s+/)).toEqual(['case-fixture-numbers', '11', '9', '2', '0']);
    // The fixture's other case studies have no figures in their bodies.
    expect(
      out
        .find((line) => /^\s+case-fixture-northtown\s/.test(line))
        ?.trim()
        .split(/\s+/),
    ).toEqual(['case-fixture-northtown', '0', '0', '0', '0']);
    expect(out.at(-1)).toBe(
      "Overall: 11 numbers in 3 case studies; 9 (81.8%) cited, 2 (18.2%) with only the document's source list, 0 (0.0%) with no source.",
    );
  });
});
