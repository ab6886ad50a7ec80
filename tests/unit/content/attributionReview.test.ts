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
  // 5. A stray quotation mark.
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

describe('forms that are not attribution', () => {
  it.each([
    ['a warning against a claim', 'Do not say the Task Force wrote the report.'],
    [
      'a relative clause pointing back at the quotation',
      'AMO\'s release lists "access to reliable high-speed internet" among the key issues the report outlines, and the gap remains.',
    ],
    [
      'a second true quotation after ";"',
      'AMO asks for "appropriate funding and human resourcing"; it also names "public engagement tools".',
    ],
  ])('%s', (_name, markdown) => {
    expect(check(markdown)).toEqual([]);
  });
});
