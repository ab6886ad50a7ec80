import { describe, expect, it } from 'vitest';
import { plainTextToMarkdown } from '../../../renderer/src/core/annotations/exchange/markdownText';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { buildSlides } from '../../../renderer/src/core/workshops/slides';
import {
  DEFAULT_SLIDE_BUDGET,
  measureSlideText,
} from '../../../renderer/src/core/workshops/splitMarkdown';
import { totalMinutes } from '../../../renderer/src/core/workshops/timing';
import { slideSourceFinder } from '../../../renderer/src/core/workshops/workshopModel';
import { i18n } from '../../../renderer/src/ui/common/i18n/i18n';
import { slideWords } from '../../../renderer/src/ui/workshops/exportWords';
import { CORPUS_TIMEOUT, realCorpus } from '../planner/helpers';
import { bundledWorkshops } from './helpers';

/** The deck's budget (issue 17): at most one slide per 2.5 minutes of agenda. */
const MINUTES_PER_SLIDE = 2.5;

const words = slideWords(i18n.getFixedT('en', 'workshops'));

/** The real library by id; without curated bullets when `curated` is false. */
async function library(curated: boolean): Promise<Map<string, ContentDocument>> {
  const { documents } = await realCorpus();
  return new Map(
    documents.map((d) => {
      const copy = { ...d };
      if (!curated) delete copy.slides;
      return [d.id, copy];
    }),
  );
}

describe('the deck of every bundled workshop (built from the real content)', () => {
  it.each([
    ['with the documents’ curated bullets', true],
    ['with every document’s points derived from its body', false],
  ])(
    'stays within one slide per 2.5 minutes of agenda, %s',
    async (_label, curated) => {
      const documents = await library(curated);
      const workshops = await bundledWorkshops();
      expect(workshops.length).toBeGreaterThanOrEqual(3);
      for (const workshop of workshops) {
        const { slides, missing } = buildSlides(
          workshop.blocks,
          slideSourceFinder(documents),
          words,
        );
        expect(missing).toEqual([]);
        const budget = Math.floor(totalMinutes(workshop.blocks) / MINUTES_PER_SLIDE);
        expect({ id: workshop.id, slides: slides.length }).toEqual({
          id: workshop.id,
          slides: expect.toSatisfy((n: number) => n <= budget, `at most ${budget}`) as number,
        });
        // Every block has its title slide; every linked document one or two slides of its own.
        expect(slides.filter((s) => s.kind === 'block-title')).toHaveLength(workshop.blocks.length);
        workshop.blocks.forEach((block, b) =>
          block.documents.forEach((id, d) => {
            const own = slides.filter((s) => s.id.startsWith(`b${b}-d${d}-`));
            expect(own.length).toBeGreaterThanOrEqual(1);
            expect(own.length).toBeLessThanOrEqual(2);
            expect(own.every((s) => s.docId === id && s.kind === 'document')).toBe(true);
          }),
        );
      }
    },
    CORPUS_TIMEOUT,
  );

  it(
    'holds the council session to at most 36 slides (the issue’s contract)',
    async () => {
      const council = (await bundledWorkshops()).find(
        (w) => w.id === 'workshop-council-digital-awareness',
      );
      if (!council) throw new Error('The council session is not in the library.');
      for (const curated of [true, false]) {
        const find = slideSourceFinder(await library(curated));
        expect(buildSlides(council.blocks, find, words).slides.length).toBeLessThanOrEqual(36);
      }
    },
    CORPUS_TIMEOUT,
  );

  it.each([
    ['with the documents’ curated bullets', true],
    ['with every document’s points derived from its body', false],
  ])(
    'fits every slide of every deck within the slide budget, %s',
    async (_label, curated) => {
      const documents = await library(curated);
      const { maxLines, maxChars } = DEFAULT_SLIDE_BUDGET;
      const over: string[] = [];
      let points = 0;
      for (const workshop of await bundledWorkshops())
        for (const slide of buildSlides(workshop.blocks, slideSourceFinder(documents), words)
          .slides) {
          if (slide.id.endsWith('-points')) points++;
          const { lines, chars } = measureSlideText(slide.markdown, DEFAULT_SLIDE_BUDGET);
          if (lines > maxLines || chars > maxChars)
            over.push(`${workshop.id} ${slide.id}: ${lines} lines, ${chars} characters`);
        }
      expect(points).toBeGreaterThan(0);
      expect(over).toEqual([]);
    },
    CORPUS_TIMEOUT,
  );

  it(
    'never shows a document’s body paragraphs: document slides are its summary or short points',
    async () => {
      const documents = await library(true);
      for (const workshop of await bundledWorkshops())
        for (const slide of buildSlides(workshop.blocks, slideSourceFinder(documents), words)
          .slides) {
          if (slide.kind !== 'document') continue;
          const doc = documents.get(slide.docId ?? '');
          if (slide.id.endsWith('-summary'))
            expect(slide.markdown).toBe(plainTextToMarkdown(doc?.summary ?? ''));
          // A points slide is lists and at most one heading: no paragraph of the body.
          else
            expect(
              slide.markdown
                .split('\n')
                .filter((l) => l !== '')
                .every((l) => /^(- |\d+\. |### )/.test(l)),
            ).toBe(true);
        }
    },
    CORPUS_TIMEOUT,
  );
});
