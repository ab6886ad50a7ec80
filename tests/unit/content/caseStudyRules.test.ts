import { describe, expect, it } from 'vitest';
import { SMALL_POPULATION_LIMIT } from '../../../renderer/src/core/content/types';
import { CASE_STUDY, edit, issuesWith } from './helpers';

const CASE = 'case-studies/case-fixture-test.md';
const SOURCE = 'https://example.org/source';

/** One broken case study and the single issue it must produce: `line: field:` and a hint. */
interface Case {
  rule: string;
  text: string;
  expect: string;
  hint: string;
}

/** The template with a different population, region and flag (line numbers unchanged). */
function municipality(population: number, region: string, flag: boolean): string {
  return edit(
    edit(
      edit(CASE_STUDY, 'population: 3000', `population: ${population}`),
      `region: north`,
      `region: ${region}`,
    ),
    'smallRuralNorthern: true',
    `smallRuralNorthern: ${flag}`,
  );
}

const cases: Case[] = [
  // Every `years` and `population` names the source that gives it.
  {
    rule: 'years without yearsSource',
    text: edit(CASE_STUDY, `yearsSource: ${SOURCE}\n`, '\n'),
    expect: '19: years:',
    hint: 'has no source; add yearsSource: with the url of the entry in sources that gives the year',
  },
  {
    rule: 'yearsSource that is not in sources',
    text: edit(CASE_STUDY, `yearsSource: ${SOURCE}`, 'yearsSource: https://example.org/elsewhere'),
    expect: '20: yearsSource:',
    hint: "'https://example.org/elsewhere' is not the url of any entry in sources",
  },
  {
    rule: 'yearsSource without years',
    text: edit(CASE_STUDY, "years: '2019'\n", '\n'),
    expect: '20: yearsSource:',
    hint: 'is given without years; add years or remove yearsSource',
  },
  {
    rule: 'yearsSource list with one url that is not in sources',
    text: edit(
      CASE_STUDY,
      `yearsSource: ${SOURCE}`,
      `yearsSource: [${SOURCE}, https://example.org/later]`,
    ),
    expect: '20: yearsSource[1]:',
    hint: "'https://example.org/later' is not the url of any entry in sources",
  },
  {
    rule: 'yearsSource not a url or a list',
    text: edit(CASE_STUDY, `yearsSource: ${SOURCE}`, 'yearsSource: 7'),
    expect: '20: yearsSource:',
    hint: 'or a list of urls',
  },
  {
    rule: 'population without populationSource',
    text: edit(CASE_STUDY, `  populationSource: ${SOURCE}\n`, '\n'),
    expect: '15: municipality.population:',
    hint: 'has no source; add populationSource:',
  },
  {
    rule: 'populationSource that is not in sources',
    text: edit(
      CASE_STUDY,
      `populationSource: ${SOURCE}`,
      'populationSource: https://example.org/census',
    ),
    expect: '17: municipality.populationSource:',
    hint: 'is not the url of any entry in sources; copy the url of the source that gives the population',
  },
  {
    rule: 'populationSource without population',
    text: edit(CASE_STUDY, '  population: 3000\n  censusYear: 2016\n', '\n\n'),
    expect: '17: municipality.populationSource:',
    hint: 'is given without municipality.population',
  },
  {
    rule: 'reason whose source is not in sources',
    text: edit(
      CASE_STUDY,
      '  smallRuralNorthern: true',
      '  smallRuralNorthern: true\n  smallRuralNorthernReason: { text: Rural roads only., source: "https://example.org/nope" }',
    ),
    expect: '19: municipality.smallRuralNorthernReason.source:',
    hint: 'is not the url of any entry in sources; copy the url of the source that gives the reason',
  },
  {
    rule: 'reason without a source',
    text: edit(
      CASE_STUDY,
      '  smallRuralNorthern: true',
      '  smallRuralNorthern: true\n  smallRuralNorthernReason: { text: Rural roads only. }',
    ),
    expect: '19: municipality.smallRuralNorthernReason.source:',
    hint: 'is required',
  },
  // The small-rural-northern rule, and which part failed.
  {
    rule: 'flagged, but population over the limit, region not north and no reason',
    text: municipality(30000, 'east', true),
    expect: '18: municipality.smallRuralNorthern:',
    hint: "is true, but no part of the rule holds: population 30,000 (2016 census) is not under 25,000; region 'east' is not north; no smallRuralNorthernReason is given",
  },
  {
    rule: 'flagged with no population and no other reason',
    text: edit(
      edit(
        CASE_STUDY,
        `  population: 3000\n  censusYear: 2016\n  populationSource: ${SOURCE}\n`,
        '\n\n\n',
      ),
      'region: north',
      'region: east',
    ),
    expect: '18: municipality.smallRuralNorthern:',
    hint: 'no population is given',
  },
  {
    rule: 'flagged only by a northern region that is unconfirmed',
    text: edit(
      municipality(30000, 'north', true),
      '  name: Testville\n',
      '  name: Testville\n  unconfirmed: [region]\n',
    ),
    expect: '19: municipality.smallRuralNorthern:',
    hint: 'region north is listed in unconfirmed, so it cannot carry the flag',
  },
  {
    rule: 'not flagged, but under the population limit',
    text: municipality(3000, 'east', false),
    expect: '18: municipality.smallRuralNorthern:',
    hint: 'must be true because population 3,000 (2016 census) is under 25,000; set smallRuralNorthern: true',
  },
  {
    rule: 'flag left out, but northern',
    text: edit(municipality(30000, 'north', true), '  smallRuralNorthern: true\n', '\n'),
    expect: '11: municipality.smallRuralNorthern:',
    hint: 'must be true because region is north',
  },
  {
    rule: 'not flagged, but a reason is given',
    text: edit(
      municipality(30000, 'east', false),
      '  smallRuralNorthern: false',
      `  smallRuralNorthern: false\n  smallRuralNorthernReason: { text: Rural roads only., source: "${SOURCE}" }`,
    ),
    expect: '18: municipality.smallRuralNorthern:',
    hint: 'must be true because smallRuralNorthernReason is given',
  },
  {
    rule: 'the limit itself is not under the limit',
    text: municipality(SMALL_POPULATION_LIMIT, 'east', true),
    expect: '18: municipality.smallRuralNorthern:',
    hint: 'population 25,000 (2016 census) is not under 25,000',
  },
];

describe('case-study source pointers and the small-rural-northern rule', () => {
  it.each(cases)('$rule -> $expect', async ({ text, expect: where, hint }) => {
    const issues = await issuesWith({ [CASE]: text });
    expect(issues, issues.join('\n')).toHaveLength(1);
    const prefix = `content/${CASE}:${where} `;
    expect(issues[0]?.slice(0, prefix.length)).toBe(prefix);
    expect(issues[0]).toContain(hint);
  });

  it('accepts each part of the rule on its own', async () => {
    const underLimit = municipality(SMALL_POPULATION_LIMIT - 1, 'east', true);
    const northern = municipality(30000, 'north', true);
    const reasoned = edit(
      municipality(30000, 'east', true),
      '  smallRuralNorthern: true',
      `  smallRuralNorthern: true\n  smallRuralNorthernReason: { text: Rural roads only., source: "${SOURCE}" }`,
    );
    const neither = municipality(30000, 'east', false);
    for (const text of [underLimit, northern, reasoned, neither])
      expect(await issuesWith({ [CASE]: text })).toEqual([]);
  });

  it('accepts a yearsSource list whose urls are all in sources', async () => {
    const text = edit(CASE_STUDY, `yearsSource: ${SOURCE}`, `yearsSource: [${SOURCE}, ${SOURCE}]`);
    expect(await issuesWith({ [CASE]: text })).toEqual([]);
  });

  it('rejects the data shapes written before sources were required', async () => {
    // The template as it was: years and population with no pointer to a source.
    const old = edit(
      edit(CASE_STUDY, `yearsSource: ${SOURCE}\n`, '\n'),
      `  populationSource: ${SOURCE}\n`,
      '\n',
    );
    expect(
      (await issuesWith({ [CASE]: old })).map((i) => i.split(': ').slice(0, 2).join(': ')),
    ).toEqual([`content/${CASE}:15: municipality.population`, `content/${CASE}:19: years`]);
  });
});
