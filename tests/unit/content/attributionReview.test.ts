import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAttribution } from '../../../renderer/src/core/content/attributionRule';
import { RELEASE_PATH, prepareReleaseText } from '../../../renderer/src/core/content/releaseText';

// The release as shipped: the rule is tested against the very text the build checks with.
const CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));
const release = prepareReleaseText(readFileSync(path.join(CONTENT_DIR, RELEASE_PATH), 'utf8'));
const check = (markdown: string) => checkAttribution(markdown, release);
const flagged = (markdown: string) => check(markdown).map((p) => p.phrase);

/**
 * Sentences the first version of the rule let through (the review of issue 12), each with the
 * phrases the rule must now report.
 */
const LET_THROUGH: ReadonlyArray<[why: string, markdown: string, phrases: string[]]> = [
  // 1. Tiny quotations, and one quotation clearing the whole sentence.
  [
    'a one-word quotation before invented words',
    'AMO wants "digital" councils and free broadband for every town.',
    ['AMO wants'],
  ],
  [
    'a quotation that is part of a word of the release',
    'AMO asks for "port" upgrades.',
    ['AMO asks'],
  ],
  [
    'a true quotation in one clause, an invented claim in the next',
    'AMO asks for "appropriate funding and human resourcing" and the report wants free broadband for every town.',
    ['the report wants'],
  ],
  // 2. Negation outside the auxiliary, and clauses after ";".
  [
    'a "not" in a comma aside',
    'AMO, not the Province, wants every council to go paperless.',
    ['AMO, not the Province, wants'],
  ],
  [
    '"does not just want", then "it wants" after ";"',
    "AMO doesn't just want broadband; it wants shared IT staff.",
    ["AMO doesn't just want", 'it wants'],
  ],
  // 3. The release speaks for AMO.
  [
    '"The release names"',
    'The release names reporting portals as the top priority.',
    ['The release names'],
  ],
  [
    '"AMO\'s press release calls for"',
    "AMO's press release calls for free broadband in every town.",
    ["AMO's press release calls"],
  ],
  // 5. Speakers and forms the first version missed.
  [
    'an officer of AMO',
    'AMO President Lynn Dollin said councils need more IT staff.',
    ['AMO President Lynn Dollin said'],
  ],
  [
    'AMO and a partner',
    'AMO and the Province want every council online.',
    ['AMO and the Province want'],
  ],
  ['"As AMO puts it"', 'As AMO puts it, councils need more IT staff.', ['AMO puts it']],
  ['"In AMO\'s view"', "In AMO's view, councils need more IT staff.", ["In AMO's view"]],
  [
    '"The Association"',
    'The Association said councils need more IT staff.',
    ['The Association said'],
  ],
  [
    '"agreed"',
    'The Task Force agreed that councils need more IT staff.',
    ['The Task Force agreed'],
  ],
  ['"is clear:"', 'AMO is clear: councils need more IT staff.', ['AMO is clear']],
  [
    'a stray inch mark that hid the next sentence in a "quotation"',
    'The town laid 12" pipe. AMO wants every council to "meet regularly".',
    ['AMO wants'],
  ],
];

describe('the rule reports what its first version let through', () => {
  it.each(LET_THROUGH)('%s', (_why, markdown, phrases) => {
    expect(flagged(markdown)).toEqual(phrases);
  });

  it('says a one-word quotation is too little', () => {
    expect(check('AMO wants "digital" councils and free broadband.')[0]?.message).toContain(
      'quotes only "digital" of the release, too little to show what AMO said',
    );
  });
});

describe('block quotes', () => {
  it.each([
    ['names AMO itself', '> AMO wants every council to meet regularly.'],
    [
      'follows a paragraph naming the report',
      'From the report:\n\n> Every council should meet regularly.',
    ],
    [
      'follows a paragraph naming the Task Force, without a colon',
      "This was the Task Force's main point.\n\n> Every council should meet regularly.",
    ],
    [
      'has a second paragraph that is not the release',
      '> The AMO Board approved the report at its meeting on August 12.\n>\n> It wants every council online.',
    ],
  ])('must match the release when it %s', (_name, markdown) => {
    const problems = check(markdown);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^block quote ".*" is given as words of /);
  });

  it.each([
    [
      'a passage of the release',
      '> The AMO Board approved the report at its meeting on August 12.',
    ],
    [
      'a passage of the release with its source under a dash',
      '> "The AMO Board approved the report at its meeting on August 12."\n> — AMO, 14 August 2017',
    ],
    [
      'the words of someone else, read as prose',
      'The mayor put it this way:\n\n> We meet online now.',
    ],
  ])('passes %s', (_name, markdown) => {
    expect(check(markdown)).toEqual([]);
  });
});

describe('forms that are not attribution', () => {
  it.each([
    ['the report as an object of "of"', 'Our reading of the report suggests starting small.'],
    ['the report as an object of "read"', 'Municipalities that read the report say it helped.'],
    ['a verb that does not agree with the report', 'Councils who quote the report say it helped.'],
    ["a municipality's own release", "The town's release describes its new portal."],
    ['a warning against a claim', 'Do not say the Task Force wrote the report.'],
    ['a single quoted word and nothing else', 'The release calls it "organic".'],
    [
      'a relative clause pointing back at the quotation',
      'AMO\'s release lists "access to reliable high-speed internet" among the key issues the report outlines, and the gap remains.',
    ],
    [
      'a frame for the next attribution',
      'In the release\'s words, the report outlines "key issues for municipal governments".',
    ],
    [
      'a second true quotation after ";"',
      'AMO asks for "appropriate funding and human resourcing"; it also names "public engagement tools".',
    ],
  ])('%s', (_name, markdown) => {
    expect(check(markdown)).toEqual([]);
  });
});
