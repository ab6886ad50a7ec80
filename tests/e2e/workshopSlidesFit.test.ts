/**
 * Every slide of every bundled workshop fits a 16:9 projector in present mode (issue 17, "a deck,
 * not a document dump"), in English and in French (issue 18: French text runs longer): walked
 * one by one at 1280×720 and 1920×1080, no slide's content runs past the bottom of the screen
 * (the page never scrolls), and its text stays at least 1/30 of the screen's height, the size
 * that still reads from the back of a hall.
 *
 * Set SLIDE_SCREENSHOTS=<dir> to keep a screenshot of every slide walked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../electron/shared/language';
import type { ContentDocument, DocumentStoreFile } from '../../renderer/src/core/content/model';
import { en } from '../../renderer/src/locales/en';
import { fr } from '../../renderer/src/locales/fr';
import { rendererOutDir } from '../../build/scripts/serve';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { AudienceView } from './support/pages/PresentationPages';

type Workshop = Extract<ContentDocument, { type: 'workshop' }>;

/** The bundled workshops of the served build in one language's file, read rather than retyped. */
function workshopsIn(file: string): Workshop[] {
  const store = JSON.parse(
    readFileSync(join(rendererOutDir, 'data', file), 'utf8'),
  ) as DocumentStoreFile;
  return store.documents.filter((doc): doc is Workshop => doc.type === 'workshop');
}

/** Each language the deck is walked in: its workshops and the slide region's name. */
const LANGUAGES: ReadonlyArray<{
  language: Language;
  workshops: Workshop[];
  slideLabel: string;
}> = [
  {
    language: 'en',
    workshops: workshopsIn('documents.json'),
    slideLabel: en.workshops.present.slideLabel,
  },
  {
    language: 'fr',
    workshops: workshopsIn('documents.fr.json'),
    slideLabel: fr.workshops?.present.slideLabel ?? '',
  },
];

/** Switches the interface to French in Settings (the choice is remembered), as a user does. */
async function chooseLanguage(app: AppSession, language: Language): Promise<void> {
  if (language === 'en') return;
  await app.open('/settings');
  await app.page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
  await expect.poll(() => app.page.getByLabel('Langue', { exact: true }).isVisible()).toBe(true);
}

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
  test('there are bundled workshops to walk, in each language', () => {
    for (const { workshops } of LANGUAGES) expect(workshops.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(
    LANGUAGES.flatMap(({ language, workshops, slideLabel }) =>
      workshops.map((workshop) => ({ id: workshop.id, language, workshop, slideLabel })),
    ),
  )('$id ($language)', ({ language, workshop, slideLabel }) => {
    test('no slide overflows at 1280×720 or 1920×1080', async ({ app }) => {
      expect(slideLabel).not.toBe('');
      const audience = new AudienceView(app.page, slideLabel);
      const problems: string[] = [];
      await chooseLanguage(app, language);
      await app.open(`/workshops/${workshop.id}/present`);
      for (const screen of SCREENS) {
        await app.page.setViewportSize(screen);
        await app.page.keyboard.press('Home');
        const total = await audience.waitForSlide(1);
        expect(total).toBeGreaterThan(workshop.blocks.length);
        // The deck is the workshop in this language: its first slide is its first block's.
        expect(await audience.slideTitle()).toBe(workshop.blocks[0]?.title);
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
          const shots = process.env.SLIDE_SCREENSHOTS;
          if (shots)
            await app.page.screenshot({
              path: join(shots, `${workshop.id}-${language}-${screen.height}p-${n}.png`),
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
  });
});
