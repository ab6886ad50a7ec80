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
/** The attributing phrases the rule reports, in order. */
const flagged = (markdown: string) => check(markdown).map((p) => p.phrase);

/**
 * Sentences as the pages said them before issue 12 (commit b1f49ca), each putting words in the
 * mouth of AMO, the report or the Task Force, with the phrase the rule must report.
 */
const OLD_WORDING: ReadonlyArray<[where: string, sentence: string, phrase: string]> = [
  [
    'recommendation-5 body',
    'AMO wants the Province to treat connectivity as basic infrastructure.',
    'AMO wants',
  ],
  [
    'recommendation-2 body',
    'AMO pairs funding with human resources on purpose: a grant does little good if nobody has the time or skills to spend it well.',
    'AMO pairs',
  ],
  [
    'recommendation-5 body',
    'AMO ties this directly to whether communities can stay competitive and viable as more of the economy moves online.',
    'AMO ties',
  ],
  [
    'recommendation-1 body',
    'AMO describes municipal digital change as something that grows naturally from local needs, rather than something that can be rolled out the same way everywhere.',
    'AMO describes',
  ],
  [
    'recommendation-1 body',
    "The report notes that Ontario's 444 municipal governments are at different levels of digital maturity.",
    'The report notes',
  ],
  [
    'recommendation-3 body',
    'The third recommendation asks the Province to collaborate with municipal governments so that data can be shared.',
    'The third recommendation asks',
  ],
  [
    'recommendation-1 summary',
    'AMO asks the Province to accept that municipalities are at very different points in their digital journey.',
    'AMO asks',
  ],
  [
    'opportunity-broadband-partnerships body',
    '#OnMuni Online names reliable high-speed internet as a key issue and asks the Province to make broadband and cellular service a priority.',
    '#OnMuni Online names',
  ],
  [
    'opportunity-open-data body',
    "It also fits the report's third recommendation, which asks the Province and municipalities to share data.",
    "the report's third recommendation, which asks",
  ],
  [
    'case-lincoln body',
    "Lincoln has a direct link to the #OnMuni Online report: Councillor Rob Foster of the Town of Lincoln co-chaired AMO's Digital Government Task Force, which wrote it.",
    'Digital Government Task Force, which wrote',
  ],
  [
    'about-onmuni-online-report body',
    "The report's own Executive Summary describes it as a discussion paper.",
    "The report's own Executive Summary describes",
  ],
  [
    'about-onmuni-online-report body',
    'AMO said it would use the report to shape possible new business services and to guide its advocacy with the Province on digital government.',
    'AMO said',
  ],
  [
    'glossary-ods body',
    "The ODS's standard and published methods are free to borrow, and the report's recommendations ask the Province to work with municipalities on shared data and forums.",
    "the report's recommendations ask",
  ],
  [
    'key-issue-reporting-burden body',
    'Read about digital reporting portals, the opportunity the report highlights.',
    'the report highlights',
  ],
];

describe('the attribution rule flags the old wording', () => {
  it.each(OLD_WORDING)('%s: %s', (_where, sentence, phrase) => {
    expect(flagged(sentence)).toEqual([phrase]);
    expect(check(sentence)[0]?.message).toContain('that are not in the release');
  });

  it('facilitator notes: "wrote it" and the "It notes" that follows, but not "what the report says"', () => {
    const notes =
      "Stick to what the report says. AMO published it on 14 August 2017; its Digital Government Task Force, set up in 2016, wrote it. It notes that Ontario's 444 municipal governments are at different levels of digital maturity.";
    expect(flagged(notes)).toEqual([
      'Digital Government Task Force, set up in 2016, wrote',
      'It notes',
    ]);
  });

  it('"According to AMO" before a paraphrased list', () => {
    const markdown = [
      'According to AMO, the report rests on three kinds of input:',
      '',
      '1. the views of the task force members;',
      '2. research that was already available; and',
      '3. a survey of the municipal staff who lead digital work.',
    ].join('\n');
    expect(flagged(markdown)).toEqual(['According to AMO']);
  });

  it('"It" after a passing mention of the report is not the report', () => {
    const text =
      "The Town of Lincoln, home of one of the report's task force co-chairs, put services online. It shows how a small start can grow.";
    expect(flagged(text)).toEqual([]);
    expect(
      flagged('#OnMuni Online is a report by AMO. It explains where municipalities stand.'),
    ).toEqual(['It explains']);
  });

  it('the message names the sentence, the speaker and both ways to fix it', () => {
    expect(check('Some intro.\n\nAMO wants the Province to act.')).toEqual([
      {
        line: 3,
        phrase: 'AMO wants',
        message:
          '"AMO wants ..." attributes words to AMO that are not in the release; quote the release exactly or move it under a "This toolkit\'s reading" heading (or start the paragraph with **This toolkit\'s reading:**)',
      },
    ]);
  });

  it('a labelled section ends at the next heading of its level', () => {
    const markdown = [
      "## This toolkit's reading", // 1
      '',
      'AMO wants X.', // 3
      '',
      '### A sub-section stays labelled', // 5
      '',
      'AMO wants Y.', // 7
      '',
      '## Next section', // 9
      '',
      'AMO wants Z.', // 11
    ].join('\n');
    expect(check(markdown).map((p) => p.line)).toEqual([11]);
  });

  it('a labelled paragraph labels only itself', () => {
    const markdown = "**This toolkit's reading:** AMO wants X.\n\nAMO wants Y.";
    expect(check(markdown).map((p) => p.line)).toEqual([3]);
  });

  it('reports the line of a sentence inside a wrapped paragraph', () => {
    const markdown =
      'First line of a paragraph.\nSecond line. The fourth\nrecommendation asks for forums.';
    expect(check(markdown).map((p) => p.line)).toEqual([2]);
  });
});

describe('correct forms pass', () => {
  const passes: ReadonlyArray<[string, string]> = [
    [
      'an exact quotation of the release',
      'AMO\'s release lists "access to reliable high-speed internet" among the key issues.',
    ],
    [
      'curly quotes, other case and spacing',
      'AMO asks the Province for “Appropriate funding and\n   human resourcing.”',
    ],
    [
      'an ellipsis joining two passages',
      'AMO says "Input from the Task Force ... formed the basis of the report."',
    ],
    [
      'a quotation that ends the sentence',
      'In the words of AMO\'s release, "The AMO Board approved the report at its meeting on August 12." It was released two days later.',
    ],
    [
      '"is" followed by a matching quotation',
      'AMO\'s third recommendation to the Province is "Collaborating with municipal governments to share data and establish coordinated integrated digital initiatives."',
    ],
    [
      'a colon introducing a block quote of the release',
      "AMO's release reads:\n\n> The AMO Board approved the report at its meeting on August 12.",
    ],
    [
      'a colon introducing a list of quotations',
      'The report then covers:\n\n- "public engagement tools";\n- "streamlining municipal reporting through digital portals".',
    ],
    [
      'a section under "This toolkit\'s reading"',
      "## This toolkit's reading\n\nAMO wants the Province to treat connectivity as basic infrastructure.\n\n### In practice\n\nThe report notes many things.",
    ],
    [
      'a section under "What this could mean for a small municipality"',
      '## What this could mean for a small municipality\n\nAMO pairs funding with human resources on purpose.',
    ],
    [
      'a paragraph that starts with the label',
      "**This toolkit's reading:** AMO pairs funding with human resources on purpose.",
    ],
    [
      'a list item that starts with the label',
      '- **This toolkit’s reading:** AMO wants forums.\n\n  The report suggests they meet often.',
    ],
    ['a mention without a reporting verb', 'AMO formed a Digital Government Task Force in 2016.'],
    [
      'an act the release reports',
      'The AMO Board approved the report at its meeting of 12 August 2017.',
    ],
    ['a negation', 'The report does not name the municipalities in its case studies.'],
    ['pointing at the source', 'Stick to what the report says.'],
    ['another report, named', 'The KPMG report recommends one shared IT service.'],
    [
      'a quotation of the release inside a block quote',
      '> The report outlines key issues for municipal governments.',
    ],
  ];
  it.each(passes)('%s', (_name, markdown) => {
    expect(check(markdown)).toEqual([]);
  });
});

describe('quotations must match the release', () => {
  const fails: ReadonlyArray<[string, string, string]> = [
    [
      'an invented quotation',
      'AMO wants the Province to "treat connectivity as basic infrastructure".',
      'quotes "treat connectivity as basic infrastructure" as words of AMO, but the release does not contain them',
    ],
    [
      'an invented quotation in a labelled section',
      '## This toolkit\'s reading\n\nThe report says "small municipalities pay twice".',
      'quotes "small municipalities pay twice" as words of the report',
    ],
    [
      'one good quotation and one invented',
      'AMO asks for "appropriate funding and human resourcing" and says "meet regularly".',
      'quotes "meet regularly"',
    ],
    [
      'parts joined by an ellipsis in the wrong order',
      'AMO says "formed the basis of the report ... Input from the Task Force".',
      'the release does not contain them',
    ],
    [
      'a block quote after a colon that is not the release',
      "AMO's release reads:\n\n> AMO wants every council to meet regularly.",
      'block quote "AMO wants every council to meet regularly." is given as words of AMO',
    ],
    [
      'a list after a colon with an unquoted item',
      'The report then covers:\n\n- "public engagement tools";\n- reporting portals.',
      'that are not in the release',
    ],
  ];
  it.each(fails)('%s', (_name, markdown, message) => {
    const problems = check(markdown);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(message);
  });

  it('without the release text, a quotation cannot be confirmed and says so', () => {
    const [problem] = checkAttribution('AMO says "Input from the Task Force".', null);
    expect(problem?.message).toContain(
      `the release text (${RELEASE_PATH} in the content folder) is missing`,
    );
  });
});
