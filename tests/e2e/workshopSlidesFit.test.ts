/**
 * Every slide of every bundled workshop fits a 16:9 projector in present mode (issue 17, "a deck,
 * not a document dump"): walked one by one at 1280×720 and 1920×1080, no slide's content runs
 * past the bottom of the screen (the page never scrolls), and its text stays at least 1/30 of the
 * screen's height, the size that still reads from the back of a hall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentDocument, DocumentStoreFile } from '../../renderer/src/core/content/model';
import { rendererOutDir } from '../../build/scripts/serve';
import { describe, expect, test } from './support/fixtures';
import { AudienceView } from './support/pages/PresentationPages';

/** The bundled workshops of the served build, read from it rather than retyped. */
const WORKSHOPS = (
  JSON.parse(
    readFileSync(join(rendererOutDir, 'data', 'documents.json'), 'utf8'),
  ) as DocumentStoreFile
).documents.filter((doc): doc is Extract<ContentDocument, { type: 'workshop' }> => {
  return doc.type === 'workshop';
});

/** The projector sizes a hall is likely to have: 720p and 1080p, both 16:9. */
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** What one slide measures on screen. */
interface SlideFit {
  /** How far the page scrolls (its content's height over the screen's), in pixels. */
  overflow: number;
  /** Where the slide's last line ends, in pixels from the top of the screen. */
  bottom: number;
  /** The smallest text on the slide, in pixels. */
  smallestText: number;
}

describe('present mode fits every slide of the bundled workshops on a 16:9 screen', () => {
  test('there are bundled workshops to walk', () => {
    expect(WORKSHOPS.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(WORKSHOPS.map((workshop) => ({ id: workshop.id, workshop })))(
    '$id',
    ({ workshop }) => {
      test('no slide overflows at 1280×720 or 1920×1080', async ({ app }) => {
        const audience = new AudienceView(app.page);
        const problems: string[] = [];
        await app.open(`/workshops/${workshop.id}/present`);
        for (const screen of SCREENS) {
          await app.page.setViewportSize(screen);
          await app.page.keyboard.press('Home');
          const total = await audience.waitForSlide(1);
          expect(total).toBeGreaterThan(workshop.blocks.length);
          for (let n = 1; n <= total; n++) {
            if (n > 1) {
              await app.page.keyboard.press('ArrowRight');
              await audience.waitForSlide(n);
            }
            const fit: SlideFit = await audience.slide().evaluate((slide) => {
              const page = document.documentElement;
              const texts = [...slide.querySelectorAll('h2, h3, p, li')].map((el) =>
                parseFloat(getComputedStyle(el).fontSize),
              );
              return {
                overflow: page.scrollHeight - page.clientHeight,
                bottom: Math.ceil(slide.getBoundingClientRect().bottom),
                smallestText: Math.min(...texts),
              };
            });
            const where = `${screen.width}×${screen.height} slide ${n} of ${total} (${await audience.slideTitle()})`;
            if (fit.overflow > 0 || fit.bottom > screen.height)
              problems.push(
                `${where}: ends at ${fit.bottom} px, the page scrolls ${fit.overflow} px`,
              );
            if (fit.smallestText < screen.height / 30)
              problems.push(`${where}: text of ${fit.smallestText} px, under 1/30 of the height`);
          }
        }
        expect(problems).toEqual([]);
      }, 120_000);
    },
  );
});
