// @vitest-environment jsdom
/**
 * Settings → Language (issue 18), in the whole app over the real browser host, settings session
 * and catalogue (in-memory storage): choosing Français turns the navigation and the page's `lang`
 * French, says so politely in French, tells the desktop shell, keeps the route, and is remembered
 * the next time the app starts. A document open in the reader stays open at its section while the
 * language changes. jsdom's navigator prefers English, so every start here is in English.
 */
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../electron/shared/language';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import type { Host } from '../../../renderer/src/host/Host';
import { App } from '../../../renderer/src/ui/app/App';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { SettingsProvider } from '../../../renderer/src/ui/settings/SettingsContext';
import { openSettingsSession } from '../../../renderer/src/ui/settings/settingsSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import {
  fixtureCollection,
  installCollections,
  serveBundledLibrary,
} from '../library/libraryFixture';
import {
  accessibleName,
  chooseOption,
  getByRole,
  queryAllByRole,
  renderSettled,
  unmountAll,
} from '../support/dom';
import { stubReaderDom } from '../support/readerDom';

// The app loads these pages lazily; the first import of each (hundreds of modules to transform)
// can take longer than a test may, on a busy machine, so it happens here, once.
beforeAll(async () => {
  await import('../../../renderer/src/ui/settings/SettingsPage');
  await import('../../../renderer/src/ui/library/LibraryPage');
  await import('../../../renderer/src/ui/reader/ReaderPage');
}, 120_000);

beforeEach(() => {
  serveBundledLibrary();
  stubReaderDom();
});
afterEach(() => {
  unmountAll();
  setLanguage('en');
});

/** Starts the app on `hash` over `storage`, as main.tsx does; returns what main was told. */
async function startApp(hash: string, storage: MemoryStorage) {
  window.location.hash = hash;
  const toldShell: Language[] = [];
  const host: Host = {
    ...createBrowserHost(window),
    storage,
    // The desktop host's own call (app:setLanguage) is covered by the IPC tests.
    setLanguage: (language) => {
      toldShell.push(language);
      return Promise.resolve();
    },
  };
  const settings = await openSettingsSession(storage);
  await renderSettled(
    <HostContext.Provider value={host}>
      <SettingsProvider session={settings}>
        <App />
      </SettingsProvider>
    </HostContext.Provider>,
  );
  return { settings, toldShell };
}

/** The names of the main navigation's links (dom.tsx's roles do not include landmarks). */
const navLinks = () =>
  [...document.querySelectorAll('nav')]
    .flatMap((nav) => queryAllByRole(nav, 'link'))
    .map(accessibleName);

/** The language select, once the lazily loaded Settings page is there. */
async function languageSelect(name: string): Promise<HTMLSelectElement> {
  let found: HTMLSelectElement | undefined;
  // The first import of the lazily loaded page takes a while under test.
  await vi.waitFor(
    () => {
      found = getByRole<HTMLSelectElement>(document.body, 'combobox', { name });
    },
    { timeout: 10_000 },
  );
  if (!found) throw new Error(`no select named ${name}`);
  return found;
}

describe('Settings → Language', () => {
  it('offers English and Français, each in its own language', async () => {
    await startApp('#/settings', new MemoryStorage());
    const select = await languageSelect('Language');
    expect(select.value).toBe('en');
    expect([...select.options].map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['en', 'English', 'en'],
      ['fr', 'Français', 'fr'],
    ]);
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches the interface to French, keeps the page, and is remembered', async () => {
    const storage = new MemoryStorage();
    const { toldShell } = await startApp('#/settings', storage);
    expect(navLinks()).toContain('Library');
    expect(toldShell.at(-1)).toBe('en');

    await chooseOption(await languageSelect('Language'), 'fr');

    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
    for (const name of ['Bibliothèque', 'Recherche', 'Planificateur', 'Paramètres', 'À propos'])
      expect(navLinks()).toContain(name);
    expect(navLinks()).not.toContain('Library');
    expect((await languageSelect('Langue')).value).toBe('fr');
    expect(queryAllByRole(document.body, 'status').map((status) => status.textContent)).toContain(
      'La boîte à outils est maintenant en français.',
    );
    expect(window.location.hash).toBe('#/settings');
    expect(toldShell.at(-1)).toBe('fr');
    const stored = await storage.read('settings');
    expect(stored.status === 'ok' && JSON.parse(stored.text)).toMatchObject({ language: 'fr' });

    // The next start, with the same storage, speaks French from the settings alone.
    unmountAll();
    setLanguage('en');
    const again = await startApp('#/library', storage);
    expect(document.documentElement.lang).toBe('fr');
    expect(navLinks()).toContain('Bibliothèque');
    expect(again.toldShell).toEqual(expect.arrayContaining(['fr']));
    expect(again.toldShell).not.toContain('en');
  });

  it('goes back to English the same way, announced in English', async () => {
    await startApp('#/settings', new MemoryStorage());
    await chooseOption(await languageSelect('Language'), 'fr');
    await chooseOption(await languageSelect('Langue'), 'en');
    expect(document.documentElement.lang).toBe('en');
    expect(navLinks()).toContain('Settings');
    expect(queryAllByRole(document.body, 'status').map((status) => status.textContent)).toContain(
      'The toolkit is now in English.',
    );
  });
});

describe('the reader while the language changes', () => {
  it('stays on the same document and section, without reloading it', async () => {
    installCollections([fixtureCollection('pack', 'testville-notes', 'Testville notes')]);
    const hash = '#/doc/testville-notes--case-testville-portal?section=results';
    const { settings } = await startApp(hash, new MemoryStorage());
    await vi.waitFor(
      () => expect(document.querySelector('main h1')?.textContent).toBe('Testville opens a portal'),
      { timeout: 10_000 },
    );
    const article = document.querySelector('main h1');

    // Another window (or Settings) changes the stored choice: this window follows it.
    await act(async () => {
      settings.apply((current) => ({ ...current, language: 'fr' }), 0);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    expect(document.documentElement.lang).toBe('fr');
    expect(navLinks()).toContain('Bibliothèque');
    expect(window.location.hash).toBe(hash);
    // The same heading element: the document was not rendered again from scratch.
    expect(document.querySelector('main h1')).toBe(article);
    expect(article?.isConnected).toBe(true);
  });
});
