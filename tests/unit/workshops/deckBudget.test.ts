import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/shared/language';
import { plainTextToMarkdown } from '../../../renderer/src/core/annotations/exchange/markdownText';
import type { FrontMatterOf } from '../../../renderer/src/core/content/frontMatter';
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
import { CORPUS_TIMEOUT, realCorpus, realFrenchCorpus } from '../planner/helpers';

/** The deck's budget (issue 17): at most one slide per 2.5 minutes of agenda. */
const MINUTES_PER_SLIDE = 2.5;

type Workshop = FrontMatterOf<'workshop'> & ContentDocument;

/**
 * The real library by id, as the app shows it in `language`: in French, the French versions laid
 * over the English library by id (every bundled document has one); without curated bullets when
 * `curated` is false.
 */
async function library(
  language: Language,
  curated: boolean,
): Promise<Map<string, ContentDocument>> {
  const documents = new Map((await realCorpus()).documents.map((d) => [d.id, d]));
  if (language === 'fr')
    for (const doc of (await realFrenchCorpus()).documents) documents.set(doc.id, doc);
  for (const [id, doc] of documents) {
    const copy = { ...doc };
    if (!curated) delete copy.slides;
    documents.set(id, copy);
  }
  return documents;
}

/** The bundled workshops of a library, in its language. */
const workshopsOf = (documents: Map<string, ContentDocument>) =>
  [...documents.values()].filter((d): d is Workshop => d.type === 'workshop');

/** The slide words of the interface in `language` (a figure's wording, "(continued)"). */
const wordsIn = (language: Language) => slideWords(i18n.getFixedT(language, 'workshops'));

const LANGUAGES = [
  ['English', 'en'],
  ['French', 'fr'],
] as const satisfies ReadonlyArray<readonly [string, Language]>;

describe.each(LANGUAGES)(
  'the deck of every bundled workshop in %s (built from the real content)',
  (_name, language) => {
    const words = wordsIn(language);

    it.each([
      ['with the documents’ curated bullets', true],
      ['with every document’s points derived from its body', false],
    ])(
      'stays within one slide per 2.5 minutes of agenda, %s',
      async (_label, curated) => {
        const documents = await library(language, curated);
        const workshops = workshopsOf(documents);
        expect(workshops.length).toBeGreaterThanOrEqual(3);
        // In French, every workshop is its French version (its longer text is what is measured).
        expect(workshops.every((w) => (w.lang ?? 'en') === language)).toBe(true);
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
          expect(slides.filter((s) => s.kind === 'block-title')).toHaveLength(
            workshop.blocks.length,
          );
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
        for (const curated of [true, false]) {
          const documents = await library(language, curated);
          const council = workshopsOf(documents).find(
            (w) => w.id === 'workshop-council-digital-awareness',
          );
          if (!council) throw new Error('The council session is not in the library.');
          const find = slideSourceFinder(documents);
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
        const documents = await library(language, curated);
        const { maxLines, maxChars } = DEFAULT_SLIDE_BUDGET;
        const over: string[] = [];
        let points = 0;
        for (const workshop of workshopsOf(documents))
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
        const documents = await library(language, true);
        for (const workshop of workshopsOf(documents))
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
  },
);

describe('the French decks against the English ones', () => {
  it.each([
    ['with the documents’ curated bullets', true],
    ['with every document’s points derived from its body', false],
  ])(
    'show a points slide for the same documents, %s (French headings are read as such)',
    async (_label, curated) => {
      const pointSlides = async (language: Language) => {
        const documents = await library(language, curated);
        return workshopsOf(documents).flatMap((workshop) =>
          buildSlides(workshop.blocks, slideSourceFinder(documents), wordsIn(language))
            .slides.filter((s) => s.id.endsWith('-points'))
            .map((s) => `${workshop.id} ${s.id}`),
        );
      };
      const english = await pointSlides('en');
      expect(english.length).toBeGreaterThan(0);
      expect(await pointSlides('fr')).toEqual(english);
    },
    CORPUS_TIMEOUT,
  );
});
