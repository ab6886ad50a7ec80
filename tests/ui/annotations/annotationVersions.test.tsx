// @vitest-environment jsdom
/**
 * Annotations belong to one language's version of a document (issue 18). In the whole app over
 * the real browser host, a bilingual fixture library and a real annotations session: the
 * Annotations page labels an annotation made on the other language's version, in that language
 * and marked with its `lang` (« Version française » in English, "English version" in French),
 * its quote marked too,
 * and the reader, opened on such an annotation from the page's link, says why its highlight is
 * not shown and how to see it in place. Annotations on the version shown are neither labelled
 * nor explained: their highlights are there.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../electron/shared/language';
import {
  createAnnotation,
  emptyAnnotationsDatabase,
  type Annotation,
  type AnnotationsDatabase,
} from '../../../renderer/src/core/annotations';
import { HybridClock, randomMemberId } from '../../../renderer/src/core/team/hlc';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { App } from '../../../renderer/src/ui/app/App';
import { documentTextReader } from '../../../renderer/src/ui/annotations/page/documentTexts';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { SettingsProvider } from '../../../renderer/src/ui/settings/SettingsContext';
import { openSettingsSession } from '../../../renderer/src/ui/settings/settingsSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { installCollections } from '../library/libraryFixture';
import { getByRole, renderSettled, unmountAll } from '../support/dom';
import { libraryFiles, REC_EN, REC_FR, serveFiles } from '../content/frenchLibraryFixture';
import { stubReaderDom } from '../support/readerDom';

beforeAll(async () => {
  await import('../../../renderer/src/ui/annotations/AnnotationsPage');
  await import('../../../renderer/src/ui/reader/ReaderPage');
}, 120_000);

beforeEach(() => {
  serveFiles(libraryFiles());
  installCollections([]);
  stubReaderDom();
});
afterEach(() => {
  unmountAll();
  setLanguage('en');
});

const DOC = REC_EN.id;

/** One annotation on each version of the recommendation, on the text its reader shows. */
async function oneOnEachVersion(): Promise<{
  db: AnnotationsDatabase;
  english: Annotation;
  french: Annotation;
}> {
  const textOf = await documentTextReader(['en', 'fr']);
  const clock = new HybridClock(randomMemberId());
  let db = emptyAnnotationsDatabase();
  const made: Annotation[] = [];
  for (const [language, quote] of [
    ['en', 'The CAO leads.'],
    ['fr', 'Le DG dirige.'],
  ] as const) {
    const text = textOf(DOC, language) ?? '';
    const start = text.indexOf(quote);
    expect(start, `${quote} in the ${language} text`).toBeGreaterThanOrEqual(0);
    const result = createAnnotation(db, {
      docId: DOC,
      text,
      start,
      end: start + quote.length,
      meaning: 'important',
      author: 'Clerk',
      clock,
      language,
    });
    db = result.db;
    made.push(result.annotation);
  }
  const [english, french] = made as [Annotation, Annotation];
  return { db, english, french };
}

async function startWith(db: AnnotationsDatabase, hash: string, language: Language) {
  window.location.hash = hash;
  const storage = new MemoryStorage();
  storage.documents.set('annotations', JSON.stringify(db));
  const settings = await openSettingsSession(storage);
  settings.apply((current) => ({ ...current, language }), 0);
  await renderSettled(
    <HostContext.Provider value={{ ...createBrowserHost(window), storage }}>
      <SettingsProvider session={settings}>
        <App />
      </SettingsProvider>
    </HostContext.Provider>,
  );
}

/** The Annotations page's entry linking to `annotation`. */
async function entryOf(annotation: Annotation): Promise<HTMLElement> {
  const selector = `.anno-entry a[href$="annotation=${encodeURIComponent(annotation.id)}"]`;
  await vi.waitFor(() => expect(document.querySelector(selector)).not.toBeNull(), {
    timeout: 10_000,
  });
  return document.querySelector(selector)?.closest('li') as HTMLElement;
}

const notice = () => document.querySelector<HTMLElement>('.anno-notice');

describe('annotations on the other language version', () => {
  it('are labelled « Version française », lang="fr", on the English Annotations page', async () => {
    const { db, english, french } = await oneOnEachVersion();
    await startWith(db, '#/annotations', 'en');
    const frenchEntry = await entryOf(french);
    const label = frenchEntry.querySelector('.anno-version');
    expect(label?.textContent).toBe('Version française');
    expect(label?.getAttribute('lang')).toBe('fr');
    // The link names the document as the English interface does; the quote is French text.
    expect(frenchEntry.querySelector('a')?.textContent).toBe(REC_EN.title);
    expect(frenchEntry.querySelector('.anno-quote')?.getAttribute('lang')).toBe('fr');
    const englishEntry = await entryOf(english);
    expect(englishEntry.querySelector('.anno-version')).toBeNull();
    expect(englishEntry.querySelector('.anno-quote')?.hasAttribute('lang')).toBe(false);
  });

  it('are labelled "English version", lang="en", on the French Annotations page', async () => {
    const { db, english, french } = await oneOnEachVersion();
    await startWith(db, '#/annotations', 'fr');
    const englishEntry = await entryOf(english);
    const label = englishEntry.querySelector('.anno-version');
    expect(label?.textContent).toBe('English version');
    expect(label?.getAttribute('lang')).toBe('en');
    expect(englishEntry.querySelector('a')?.textContent).toBe(REC_FR.title);
    expect(englishEntry.querySelector('.anno-quote')?.getAttribute('lang')).toBe('en');
    const frenchEntry = await entryOf(french);
    expect(frenchEntry.querySelector('.anno-version')).toBeNull();
    expect(frenchEntry.querySelector('.anno-quote')?.hasAttribute('lang')).toBe(false);
  });

  it('are explained in the English reader, which shows only the English highlight', async () => {
    const { db, french } = await oneOnEachVersion();
    await startWith(db, `#/doc/${DOC}?annotation=${french.id}`, 'en');
    await vi.waitFor(() => getByRole(document.body, 'heading', { name: 'Highlights (1)' }), {
      timeout: 10_000,
    });
    const said = notice();
    expect(said?.getAttribute('role')).toBe('status');
    expect(said?.textContent).toBe(
      'This annotation was made on the French version of this document, so its highlight is not shown here. To see it in place, choose Français under Settings → Language.',
    );
    const name = said?.querySelector('span[lang]');
    expect(name?.textContent).toBe('Français');
    expect(name?.getAttribute('lang')).toBe('fr');
  });

  it('are explained in French in the French reader', async () => {
    const { db, english } = await oneOnEachVersion();
    await startWith(db, `#/doc/${DOC}?annotation=${english.id}`, 'fr');
    await vi.waitFor(() => getByRole(document.body, 'heading', { name: 'Surlignages (1)' }), {
      timeout: 10_000,
    });
    expect(notice()?.textContent).toBe(
      "Cette annotation a été faite sur la version anglaise de ce document\u00a0: son surlignage n'est donc pas affiché ici. Pour la voir à sa place, choisissez English sous Paramètres → Langue.",
    );
    expect(notice()?.querySelector('span[lang="en"]')?.textContent).toBe('English');
  });

  it('need no word when the annotation is on the version shown', async () => {
    const { db, english } = await oneOnEachVersion();
    await startWith(db, `#/doc/${DOC}?annotation=${english.id}`, 'en');
    await vi.waitFor(() => getByRole(document.body, 'heading', { name: 'Highlights (1)' }), {
      timeout: 10_000,
    });
    expect(notice()?.textContent).toBe('');
  });
});
