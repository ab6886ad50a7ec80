import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import {
  buildSlides,
  type SlideBlock,
  type SlideSource,
} from '../../../renderer/src/core/workshops/slides';
import {
  DEFAULT_SLIDE_BUDGET,
  fitsOnSlide,
  measureSlideText,
  splitMarkdown,
  type SlideBudget,
} from '../../../renderer/src/core/workshops/splitMarkdown';
import { i18n } from '../../../renderer/src/ui/common/i18n/i18n';
import { slideWords } from '../../../renderer/src/ui/workshops/exportWords';
import { docId } from './helpers';

/** The words slides take from the UI, in English. */
const words = slideWords(i18n.getFixedT('en', 'workshops'));

const SMALL: SlideBudget = { maxLines: 6, maxChars: 300, charsPerLine: 50 };

const sentence = (n: number) => `Sentence number ${n} says something plain about records.`;
const LONG_PARAGRAPH = Array.from({ length: 40 }, (_, i) => sentence(i + 1)).join(' ');
const LONG_LIST = Array.from({ length: 30 }, (_, i) => `- Item ${i + 1}: scan the files`).join(
  '\n',
);
const LONG_ORDERED = Array.from({ length: 25 }, (_, i) => `${i + 1}. Step ${i + 1}`).join('\n');
const ONE_HUGE_SENTENCE = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
const HUGE_WORD = 'x'.repeat(800);
const LONG_CODE = '```\n' + Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n') + '\n```';

interface Case {
  name: string;
  text: string;
  /** Expected number of pieces, or a minimum when given as [min]. */
  pieces: number | [number];
  /** Pieces allowed over the budget (units that cannot be cut). */
  oversized?: number;
}

const cases: Case[] = [
  { name: 'empty text', text: '', pieces: 0 },
  { name: 'a short paragraph', text: 'One short paragraph.', pieces: 1 },
  { name: 'two short paragraphs', text: 'First.\n\nSecond.\n', pieces: 1 },
  {
    name: 'many paragraphs, cut between them',
    text: Array.from({ length: 12 }, (_, i) => `Paragraph ${i} is here.`).join('\n\n'),
    pieces: [3],
  },
  { name: 'a very long paragraph, cut between sentences', text: LONG_PARAGRAPH, pieces: [8] },
  { name: 'a very long bullet list, cut between items', text: LONG_LIST, pieces: [5] },
  { name: 'a very long ordered list', text: LONG_ORDERED, pieces: [4] },
  {
    name: 'a list whose one item is a very long paragraph',
    text: `- Short item\n- ${LONG_PARAGRAPH}\n- Last item\n`,
    pieces: [8],
  },
  { name: 'one enormous sentence, cut between words', text: ONE_HUGE_SENTENCE, pieces: [3] },
  { name: 'one enormous word is kept whole', text: HUGE_WORD, pieces: 1, oversized: 1 },
  {
    name: 'a long code block is kept whole between paragraphs',
    text: `Before.\n\n${LONG_CODE}\n\nAfter.\n`,
    pieces: 3,
    oversized: 1,
  },
  {
    name: 'a heading, a paragraph and a list with blank lines around',
    text: '\n\n### Detail\n\nSome words here.\n\n- a\n- b\n\n\n',
    pieces: 1,
  },
];

describe('splitMarkdown (slide splitting)', () => {
  it.each(cases)('$name: nothing is lost and pieces fit', ({ text, pieces, oversized = 0 }) => {
    const result = splitMarkdown(text, SMALL);
    // Nothing lost, nothing reordered: the pieces are consecutive slices of the source.
    expect(result.join('')).toBe(text);
    if (typeof pieces === 'number') expect(result).toHaveLength(pieces);
    else expect(result.length).toBeGreaterThanOrEqual(pieces[0]);
    const over = result.filter((piece) => !fitsOnSlide(piece, SMALL));
    expect(over).toHaveLength(oversized);
    expect(result.every((piece) => piece.trim() !== '')).toBe(true);
  });

  it('cuts a long paragraph only between sentences', () => {
    const result = splitMarkdown(LONG_PARAGRAPH, SMALL);
    for (const piece of result) expect(piece.trim()).toMatch(/^Sentence number \d+ .*records\.$/);
  });

  it('cuts a long list only between items', () => {
    for (const piece of splitMarkdown(LONG_LIST, SMALL))
      expect(
        piece
          .trim()
          .split('\n')
          .every((l) => /^- Item \d+: scan the files$/.test(l)),
      ).toBe(true);
  });

  it('keeps ordered-list numbers, so a continued list starts at the right number', () => {
    const [, second] = splitMarkdown(LONG_ORDERED, SMALL);
    expect(second?.trim()).toMatch(/^\d+\. Step \d+/);
    expect(second?.trim().startsWith('1. ')).toBe(false);
  });

  it('measures wrapped lines and characters', () => {
    expect(measureSlideText('', SMALL)).toEqual({ lines: 0, chars: 0 });
    expect(measureSlideText('a\n\nb', SMALL)).toEqual({ lines: 3, chars: 4 });
    expect(measureSlideText('x'.repeat(101), SMALL).lines).toBe(3);
  });

  it('counts English wording in French text as its words, not its [..]{lang=en} markup', () => {
    // The slide shows the words only, so they are all that is measured.
    const french = '- AMO: [Yes.]{lang=en}';
    expect(measureSlideText(french, SMALL)).toEqual(measureSlideText('- AMO: Yes.', SMALL));
    // 50 characters of text fit a 50-character line; with the markup they would not.
    const line = `${'x'.repeat(40)} [${'y'.repeat(9)}]{lang=en}`;
    expect(measureSlideText(line, SMALL)).toEqual({ lines: 1, chars: 50 });
  });
});

const LESSONS = ['- First lesson, kept short.', '- Second lesson.', '- Third lesson.'].join('\n');

const doc = (overrides: Partial<SlideSource> = {}): SlideSource => ({
  id: docId('case-a'),
  title: 'Case A',
  summary: 'Case A did something. It matters to towns.',
  body: [
    'Intro paragraph with [a link](doc:glossary-x).',
    '',
    '## What they did',
    '',
    `${LONG_PARAGRAPH}`,
    '',
    '## Lessons',
    '',
    LESSONS,
    '',
  ].join('\n'),
  ...overrides,
});

const block = (overrides: Partial<SlideBlock> = {}): SlideBlock => ({
  title: 'Welcome',
  minutes: 15,
  purpose: 'People know why they are here.',
  facilitatorNotes: 'Smile and keep it short.',
  activity: '1. Introduce yourself.',
  documents: [],
  ...overrides,
});

describe('buildSlides', () => {
  it('makes per block a title slide, one or two slides per document, then the activity', () => {
    const source = doc();
    const find = (id: DocId) => (id === source.id ? source : undefined);
    const { slides, missing } = buildSlides(
      [block(), block({ title: 'Evidence', documents: [source.id, docId('gone-doc')] })],
      find,
      words,
    );
    expect(missing).toEqual([{ blockIndex: 1, docId: 'gone-doc' }]);
    expect(slides.map((s) => [s.id, s.kind, s.blockIndex, s.title])).toEqual([
      ['b0-title-p1', 'block-title', 0, 'Welcome'],
      ['b0-activity-p1', 'activity', 0, 'Activity: Welcome'],
      ['b1-title-p1', 'block-title', 1, 'Evidence'],
      ['b1-d0-summary', 'document', 1, 'Case A'],
      ['b1-d0-points', 'document', 1, 'Case A'],
      ['b1-activity-p1', 'activity', 1, 'Activity: Evidence'],
    ]);
    expect(slides[0]).toMatchObject({
      markdown: 'People know why they are here.\n\n**15 min**',
      notes: 'Smile and keep it short.',
      part: 1,
    });
    const docSlides = slides.filter((s) => s.kind === 'document');
    expect(
      docSlides.every((s) => s.docId === source.id && s.notes === 'Smile and keep it short.'),
    ).toBe(true);
    expect(docSlides[0]?.markdown).toBe(source.summary);
    // The lessons, under their heading; never the body's paragraphs.
    expect(docSlides[1]?.markdown).toBe(`### Lessons\n\n${LESSONS}`);
    expect(slides.some((s) => s.markdown.includes('Sentence number'))).toBe(false);
  });

  it('shows curated bullets instead of the derived points, and figures with their source', () => {
    const figures = [
      { kind: 'population', population: 17262, censusYear: 2016, source: 'Wikipedia' },
      { kind: 'years', years: '2019-2021', source: 'Municipal World' },
    ] as const;
    const derived = buildSlides(
      [block({ documents: [docId('case-a')] })],
      () => doc({ figures }),
      words,
    ).slides.find((s) => s.id === 'b0-d0-points');
    expect(derived?.markdown).toBe(
      [
        '- Population 17,262 \\(2016 census\\). Source: Wikipedia',
        '- When: 2019-2021. Source: Municipal World',
        '',
        '### Lessons',
        '',
        LESSONS,
      ].join('\n'),
    );
    const curated = buildSlides(
      [block({ documents: [docId('case-a')] })],
      () => doc({ figures, bullets: ['One **point**', 'Two'] }),
      words,
    ).slides.filter((s) => s.kind === 'document');
    expect(curated.map((s) => s.markdown)).toEqual([doc().summary, '- One **point**\n- Two']);
  });

  it('shows the summary alone when a document has no bullets, figures or key points', () => {
    const plain = doc({
      summary: '#OnMuni Online, *as written*: plain text.',
      body: '## Context\n\n- A list outside any key-point section.\n',
    });
    const { slides } = buildSlides([block({ documents: [plain.id] })], () => plain, words);
    const docSlides = slides.filter((s) => s.kind === 'document');
    expect(docSlides.map((s) => s.id)).toEqual(['b0-d0-summary']);
    // The summary is plain text, as cards show it: nothing in it becomes markup.
    expect(docSlides[0]?.markdown).toBe('\\#OnMuni Online, \\*as written\\*: plain text.');
  });

  it('keeps the first key point and adds the others while the slide fits', () => {
    const many = Array.from({ length: 12 }, (_, i) => `- Lesson ${i + 1} ${'word '.repeat(8)}`);
    const long = doc({ body: `## Lessons\n\n${many.join('\n')}\n` });
    const points = (budget: SlideBudget) =>
      buildSlides([block({ documents: [long.id] })], () => long, words, budget).slides.find(
        (s) => s.id === 'b0-d0-points',
      )?.markdown ?? '';
    expect(points(DEFAULT_SLIDE_BUDGET).split('\n- ').length).toBeLessThan(12);
    expect(fitsOnSlide(points(DEFAULT_SLIDE_BUDGET), DEFAULT_SLIDE_BUDGET)).toBe(true);
    const tiny = { maxLines: 1, maxChars: 10, charsPerLine: 10 };
    expect(points(tiny)).toBe('### Lessons\n\n- Lesson 1 word word word word word word word word');
  });

  it('splits long block text into "(continued)" slides, losing nothing', () => {
    const { slides } = buildSlides(
      [block({ activity: LONG_PARAGRAPH })],
      () => undefined,
      words,
      SMALL,
    );
    const activity = slides.filter((s) => s.kind === 'activity');
    expect(activity.length).toBeGreaterThan(1);
    expect(activity.map((s) => s.part)).toEqual(activity.map((_, i) => i + 1));
    expect(activity.slice(1).every((s) => s.title === 'Activity: Welcome (continued)')).toBe(true);
    expect(activity.map((s) => s.markdown).join(' ')).toBe(LONG_PARAGRAPH);
    expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
  });

  it('builds the same ids for the same workshop, so two windows agree on a slide', () => {
    const blocks = [block({ documents: [docId('case-a')] }), block({ activity: LONG_PARAGRAPH })];
    const ids = () => buildSlides(blocks, () => doc(), words, SMALL).slides.map((s) => s.id);
    expect(ids()).toEqual(ids());
  });
});
