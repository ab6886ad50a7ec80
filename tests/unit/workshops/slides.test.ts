import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import {
  buildSlides,
  documentSections,
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
import { CORPUS_TIMEOUT, realCorpus } from '../planner/helpers';
import { bundledWorkshops, docId, squash } from './helpers';

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
});

const doc = (id: string, title: string, body: string): SlideSource => ({
  id: docId(id),
  title,
  body,
});

const DOC_A = doc(
  'opportunity-a',
  'Opportunity A',
  [
    'Intro paragraph.',
    '',
    '## Context',
    '',
    'Some context.',
    '',
    '```',
    '## not a heading inside code',
    '```',
    '',
    '## Evidence',
    '',
    '### Detail',
    '',
    LONG_PARAGRAPH,
    '',
  ].join('\n'),
);

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
  it('makes a title slide per block, document slides at ## headings, then the activity', () => {
    const find = (id: DocId) => (id === DOC_A.id ? DOC_A : undefined);
    const { slides, missing } = buildSlides(
      [block(), block({ title: 'Evidence', documents: [DOC_A.id, docId('gone-doc')] })],
      find,
      words,
      SMALL,
    );
    expect(missing).toEqual([{ blockIndex: 1, docId: 'gone-doc' }]);
    expect(slides[0]).toMatchObject({
      kind: 'block-title',
      blockIndex: 0,
      title: 'Welcome',
      markdown: 'People know why they are here.\n\n**15 min**',
      notes: 'Smile and keep it short.',
      part: 1,
    });
    expect(slides[1]).toMatchObject({
      kind: 'activity',
      title: 'Activity: Welcome',
      blockIndex: 0,
    });
    const docSlides = slides.filter((s) => s.kind === 'document');
    expect(docSlides.every((s) => s.blockIndex === 1 && s.docId === DOC_A.id)).toBe(true);
    expect(docSlides.every((s) => s.notes === 'Smile and keep it short.')).toBe(true);
    const titles = docSlides.map((s) => s.title);
    expect(titles.slice(0, 3)).toEqual(['Opportunity A', 'Context', 'Evidence']);
    expect(titles.slice(3).every((t) => t === 'Evidence (continued)')).toBe(true);
    expect(docSlides.find((s) => s.title === 'Context')?.markdown).toContain(
      '## not a heading inside code',
    );
    expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
    expect(docSlides.slice(2).map((s) => s.part)).toEqual(docSlides.slice(2).map((_, i) => i + 1));
  });

  it('loses no text of a document: slides (with section titles) re-form the body', () => {
    const { slides } = buildSlides([block({ documents: [DOC_A.id] })], () => DOC_A, words, SMALL);
    const docSlides = slides.filter((s) => s.kind === 'document');
    const rebuilt = docSlides
      .map((s) =>
        s.part === 1 && s.title !== DOC_A.title ? `## ${s.title}\n${s.markdown}` : s.markdown,
      )
      .join('\n');
    expect(squash(rebuilt)).toBe(squash(DOC_A.body));
  });

  it(
    'splits every bundled workshop’s documents within the default budget, losing nothing',
    async () => {
      const { documents } = await realCorpus();
      const byId = new Map(documents.map((d) => [d.id, d]));
      for (const workshop of await bundledWorkshops()) {
        const { slides, missing } = buildSlides(workshop.blocks, (id) => byId.get(id), words);
        expect(missing).toEqual([]);
        expect(slides.filter((s) => s.kind === 'block-title')).toHaveLength(workshop.blocks.length);
        for (const slide of slides) {
          const fits = fitsOnSlide(slide.markdown, DEFAULT_SLIDE_BUDGET);
          // Only a unit that cannot be cut (a table or code block) may exceed the budget.
          if (!fits) expect(slide.markdown.trim()).toMatch(/^(\||```)/);
        }
        for (const id of new Set(workshop.blocks.flatMap((b) => b.documents))) {
          const source = byId.get(id);
          if (!source) continue;
          const sections = documentSections(source);
          const fromSlides = slides
            .filter((s) => s.docId === id)
            .map((s) => s.markdown)
            .join(' ');
          const expected = sections.map((sec) => sec.markdown).join(' ');
          // A document linked from two blocks appears twice; compare against one copy per link.
          const links = workshop.blocks.filter((b) => b.documents.includes(id)).length;
          expect(squash(fromSlides)).toBe(squash(Array(links).fill(expected).join(' ')));
        }
      }
    },
    CORPUS_TIMEOUT,
  );
});
