// @vitest-environment jsdom
/**
 * Present mode (issue 17): on a workshop's audience route the app shell drops its header and
 * navigation, so the screen holds the slide alone; the page keeps one main landmark and an h1.
 * Escape leaves for the workshop page. A slide made from a document offers the whole document
 * ("Show the full document", or D) and the way back ("Back to the slide", or Escape); while it is
 * shown the scrolling keys scroll it instead of changing slides.
 *
 * A user workshop built with the real operations links a document checked by the real pack
 * checker; the presentation runs on a real workshops session over in-memory storage. jsdom does
 * no layout and has no Fullscreen API: full screen and type sizes are the end-to-end test's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyWorkshopsDatabase } from '../../../renderer/src/core/workshops/schema';
import { userView, type WorkshopView } from '../../../renderer/src/core/workshops/workshopModel';
import { addBlock, createWorkshop } from '../../../renderer/src/core/workshops/workshopOperations';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import type { Host } from '../../../renderer/src/host/Host';
import { App } from '../../../renderer/src/ui/app/App';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { SettingsProvider } from '../../../renderer/src/ui/settings/SettingsContext';
import { openSettingsSession } from '../../../renderer/src/ui/settings/settingsSession';
import { AudienceView } from '../../../renderer/src/ui/workshops/present/AudienceView';
import { workshopsSessionFor } from '../../../renderer/src/ui/workshops/workshopsSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { fixtureCollection, serveBundledLibrary } from '../library/libraryFixture';
import { click, getByRole, press, queryAllByRole, renderSettled, unmountAll } from '../support/dom';

const POLICY_TITLE = 'How our council publishes minutes';

beforeEach(() => {
  serveBundledLibrary();
  // jsdom has no layout, so no scrolling: the view scrolls a shown document to its top.
  window.scrollTo = () => undefined;
});
afterEach(unmountAll);

function testHost(storage: MemoryStorage): Host {
  return { ...createBrowserHost(window), storage };
}

/** A workshop of one block linking the pack's minutes policy, and the documents it can find. */
function minutesWorkshop() {
  const documents = new Map(
    fixtureCollection('pack', 'testville-notes', 'Testville notes').documents.map((d) => [d.id, d]),
  );
  const policy = [...documents.values()].find((d) => d.title === POLICY_TITLE);
  if (!policy) throw new Error('the fixture pack has no minutes policy');
  const created = createWorkshop(emptyWorkshopsDatabase(), { title: 'Minutes for council' });
  const { db } = addBlock(created.db, created.workshop.id, {
    title: 'Why minutes matter',
    minutes: 20,
    purpose: 'Agree what residents should find, and when.',
    activity: 'Each table lists one thing residents ask about minutes.',
    documents: [policy.id],
  });
  const own = db.workshops[0];
  if (!own) throw new Error('the workshop was not created');
  return { workshop: userView(own), documents };
}

async function renderAudience(
  workshop: WorkshopView,
  documents: ReturnType<typeof minutesWorkshop>['documents'],
) {
  const storage = new MemoryStorage();
  const session = await workshopsSessionFor(storage);
  window.location.hash = `#/workshops/${workshop.id}/present`;
  await renderSettled(
    <HostContext.Provider value={testHost(storage)}>
      <AudienceView
        workshop={workshop}
        documents={documents}
        session={session}
        snapshot={session.getSnapshot()}
      />
    </HostContext.Provider>,
  );
}

/** The landmarks the shell renders (the dom helper's roles cover controls, not landmarks). */
const banners = () => document.querySelectorAll('body > div > header, [role="banner"]');
const navigations = () => document.querySelectorAll('nav, [role="navigation"]');
const mains = () => document.querySelectorAll('main, [role="main"]');

const slideRegion = () => getByRole(document.body, 'region', { name: /^Slide \d+ of \d+$/ });
const slideNumber = () =>
  Number(/^Slide (\d+)/.exec(slideRegion().getAttribute('aria-label') ?? '')?.[1]);
const showDocument = () =>
  queryAllByRole(document.body, 'button', { name: 'Show the full document' })[0];

/** Moves forward until the slide offers its document; returns that slide's number. */
async function toDocumentSlide(): Promise<number> {
  for (let step = 0; step < 10 && !showDocument(); step += 1)
    await press('ArrowRight', document.body);
  expect(showDocument()).toBeDefined();
  return slideNumber();
}

describe('present mode in the app shell', () => {
  async function renderApp(hash: string) {
    window.location.hash = hash;
    const storage = new MemoryStorage();
    const settings = await openSettingsSession(storage);
    await renderSettled(
      <HostContext.Provider value={testHost(storage)}>
        <SettingsProvider session={settings}>
          <App />
        </SettingsProvider>
      </HostContext.Provider>,
    );
  }

  it('shows no header or navigation on the audience route, only the skip link and the main area', async () => {
    await renderApp('#/workshops/workshop-council-digital-awareness/present');
    expect(banners()).toHaveLength(0);
    expect(navigations()).toHaveLength(0);
    expect(mains()).toHaveLength(1);
    expect(getByRole(document.body, 'link', { name: 'Skip to main content' })).toBeDefined();
  });

  it('keeps the header and navigation everywhere else, the presenter view included', async () => {
    for (const hash of [
      '#/workshops',
      '#/workshops/workshop-council-digital-awareness/presenter',
    ]) {
      await renderApp(hash);
      expect(banners()).toHaveLength(1);
      expect(navigations().length).toBeGreaterThan(0);
      expect(mains()).toHaveLength(1);
      unmountAll();
    }
  });
});

describe('the audience view', () => {
  it('shows the slide as "Slide N of M" under the workshop as the page heading', async () => {
    const { workshop, documents } = minutesWorkshop();
    await renderAudience(workshop, documents);
    expect(slideNumber()).toBe(1);
    expect([...document.querySelectorAll('h1')].map((h) => h.textContent)).toEqual([
      'Minutes for council',
    ]);
    expect(slideRegion().querySelector('h2')?.textContent).toBe('Why minutes matter');
    // The title slide comes from no document: nothing to show in full.
    expect(showDocument()).toBeUndefined();
  });

  it('Escape leaves present mode for the workshop page', async () => {
    const { workshop, documents } = minutesWorkshop();
    await renderAudience(workshop, documents);
    await press('ArrowRight', document.body);
    await press('Escape', document.body);
    expect(window.location.hash).toBe(`#/workshops/${workshop.id}`);
  });

  it('Escape over the full document goes back to its slide first, and leaves only from the slide', async () => {
    const { workshop, documents } = minutesWorkshop();
    await renderAudience(workshop, documents);
    const n = await toDocumentSlide();
    await press('d', document.body);
    expect(getByRole(document.body, 'region', { name: /^Full document: / })).toBeDefined();
    const present = window.location.hash;

    await press('Escape', document.body);
    expect(window.location.hash).toBe(present);
    expect(slideNumber()).toBe(n);
    expect(queryAllByRole(document.body, 'region', { name: /^Full document: / })).toHaveLength(0);

    await press('Escape', document.body);
    expect(window.location.hash).toBe(`#/workshops/${workshop.id}`);
  });

  it('shows the whole document on demand, scrolls it with the scrolling keys, and goes back to the slide', async () => {
    const { workshop, documents } = minutesWorkshop();
    await renderAudience(workshop, documents);
    const n = await toDocumentSlide();
    const button = showDocument();
    if (!button) throw new Error('no "Show the full document" button');
    await click(button);

    const full = getByRole(document.body, 'region', { name: `Full document: ${POLICY_TITLE}` });
    // The document's title, then the whole body: its section heading and its last paragraph.
    expect([...full.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      POLICY_TITLE,
      'When we post',
    ]);
    expect(full.textContent).toContain(
      'We record council meetings and post the video the next day.',
    );
    expect(queryAllByRole(document.body, 'region', { name: /^Slide \d+ of \d+$/ })).toHaveLength(0);

    // Down, Page Down and Space scroll the document: they do not move to the next slide.
    for (const key of ['ArrowDown', 'PageDown', ' ', 'End']) await press(key, document.body);
    expect(getByRole(document.body, 'region', { name: /^Full document: / })).toBeDefined();

    await click(getByRole(document.body, 'button', { name: 'Back to the slide' }));
    expect(slideNumber()).toBe(n);
    expect(queryAllByRole(document.body, 'region', { name: /^Full document: / })).toHaveLength(0);

    // D shows it too, and moving to another slide leaves the document for that slide.
    await press('d', document.body);
    expect(getByRole(document.body, 'region', { name: /^Full document: / })).toBeDefined();
    await press('ArrowRight', document.body);
    expect(slideNumber()).toBe(n + 1);
    expect(queryAllByRole(document.body, 'region', { name: /^Full document: / })).toHaveLength(0);
  });
});
