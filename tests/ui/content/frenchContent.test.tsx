// @vitest-environment jsdom
/**
 * The library in French (issue 18), in the whole app over the real browser host: the catalog,
 * documents and glossary follow the interface's language; French versions replace the English
 * ones by id; English shown in the French interface carries `lang="en"` (a document with no French
 * version, a case study's English body under a French note, an English quotation in a French
 * body); filters and facts speak the French vocabulary; and switching language keeps the reader
 * on the same document, at the same section by its place among the headings.
 */
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { getByRole, unmountAll } from '../support/dom';
import { fixtureCollection, installCollections } from '../library/libraryFixture';
import { libraryFiles, serveFiles, startApp } from './frenchLibraryFixture';
import { stubReaderDom } from '../support/readerDom';

// The app loads these pages lazily; the first import of each can take long under test.
beforeAll(async () => {
  await import('../../../renderer/src/ui/library/LibraryPage');
  await import('../../../renderer/src/ui/reader/ReaderPage');
}, 120_000);

let fetched: string[] = [];

beforeEach(() => {
  fetched = serveFiles(libraryFiles());
  stubReaderDom();
});
afterEach(() => {
  unmountAll();
  setLanguage('en');
});

const h1 = () => document.querySelector<HTMLElement>('main h1');
const body = () => document.querySelector<HTMLElement>('.reader-body');

async function waitForTitle(title: string) {
  await vi.waitFor(() => expect(h1()?.textContent).toBe(title), { timeout: 10_000 });
}

async function waitForLink(name: string) {
  await vi.waitFor(() => getByRole(document.body, 'link', { name }), { timeout: 10_000 });
  return getByRole(document.body, 'link', { name });
}

describe('the Library in French', () => {
  it('lists the French versions, marks English-only entries, and labels filters in French', async () => {
    installCollections([fixtureCollection('pack', 'testville-notes', 'Testville notes')]);
    await startApp('#/library', 'fr');
    const french = await waitForLink('Investir dans la large bande');
    expect(french.getAttribute('href')).toBe('#/doc/recommendation-9-broadband');
    expect(french.closest('h3')?.hasAttribute('lang')).toBe(false);
    expect(document.body.textContent).not.toContain('Invest in broadband');
    expect(fetched).toEqual(expect.arrayContaining(['catalog.fr.json']));

    // No French version yet, and a pack's document: English, marked so.
    for (const title of ['Connectivity gaps', 'Testville opens a portal']) {
      const card = getByRole(document.body, 'link', { name: title }).closest('article');
      expect(card?.querySelector('h3')?.getAttribute('lang')).toBe('en');
      expect(card?.querySelector('.doc-card__summary')?.getAttribute('lang')).toBe('en');
    }

    // The French vocabulary's labels: filters, a case study's facts and topics.
    const filterLabels = [...document.querySelectorAll('.filters label')].map((label) =>
      label.textContent?.replace(/\s*\(\d+\)$/, ''),
    );
    expect(filterLabels).toEqual(
      expect.arrayContaining([
        'Large bande et connectivité',
        "Est de l'Ontario",
        'Municipalité de palier inférieur',
      ]),
    );
    expect(filterLabels).not.toContain('Broadband and connectivity');
    const caseCard = getByRole(document.body, 'link', {
      name: 'Testville construit un réseau',
    }).closest('article');
    expect(caseCard?.querySelector('.doc-card__facts')?.textContent).toContain(
      "Municipalité de palier inférieur · Est de l'Ontario",
    );
  });

  it('is English again, without marks, in the English interface', async () => {
    installCollections([]);
    await startApp('#/library', 'en');
    const english = await waitForLink('Invest in broadband');
    expect(english.closest('h3')?.hasAttribute('lang')).toBe(false);
    expect(document.querySelectorAll('main [lang]').length).toBe(0);
    expect(document.body.textContent).toContain('Broadband and connectivity');
  });
});

describe('the reader in French', () => {
  it('shows a French version, its English quotation in lang="en", and marks French glossary terms', async () => {
    installCollections([]);
    await startApp('#/doc/recommendation-9-broadband', 'fr');
    await waitForTitle('Investir dans la large bande');
    expect(h1()?.hasAttribute('lang')).toBe(false);
    expect(body()?.hasAttribute('lang')).toBe(false);
    const quote = body()?.querySelector('span[lang="en"]');
    expect(quote?.textContent).toBe('"Broadband is essential."');
    expect(body()?.textContent).not.toContain('{lang=en}');
    expect(document.querySelector('.reader__body-language')).toBeNull();
    // The French glossary: "DG" is marked, linking to the (French) entry.
    const term = body()?.querySelector('a.glossary-term');
    expect(term?.textContent).toBe('DG');
    expect(term?.getAttribute('data-term')).toBe('glossary-cao');
    // The headings are the French version's.
    expect(getByRole(document.body, 'link', { name: "Pourquoi c'est important" })).toBeTruthy();
  });

  it('shows a case study made with bodyFrom: en under a French note, its body in lang="en"', async () => {
    installCollections([]);
    await startApp('#/doc/case-testville-broadband', 'fr');
    await waitForTitle('Testville construit un réseau');
    expect(h1()?.hasAttribute('lang')).toBe(false);
    expect(document.querySelector('.reader__summary')?.textContent).toBe(
      'Testville a construit un réseau. Les foyers ont été desservis.',
    );
    expect(document.querySelector('.reader__body-language')?.textContent).toBe(
      "Le texte de cette étude de cas n'existe qu'en anglais.",
    );
    expect(body()?.getAttribute('lang')).toBe('en');
    expect(body()?.textContent).toContain('Testville had slow service.');
    // The table of contents lists the body's (English) headings, marked so.
    expect(document.querySelector('.reader-toc__list')?.getAttribute('lang')).toBe('en');
    // The facts speak the French vocabulary.
    expect(document.querySelector('.reader-facts')?.textContent).toContain(
      'Municipalité de palier inférieur',
    );
  });

  it('marks a document with no French version as English: title, summary and body', async () => {
    installCollections([]);
    await startApp('#/doc/key-issue-connectivity', 'fr');
    await waitForTitle('Connectivity gaps');
    expect(h1()?.getAttribute('lang')).toBe('en');
    expect(document.querySelector('.reader__summary')?.getAttribute('lang')).toBe('en');
    expect(body()?.getAttribute('lang')).toBe('en');
    expect(document.querySelector('.reader__body-language')).toBeNull();
  });

  it('follows a language change: same document, the section found by its place', async () => {
    installCollections([]);
    const settings = await startApp(
      '#/doc/recommendation-9-broadband?section=why-it-matters',
      'en',
    );
    await waitForTitle('Invest in broadband');
    act(() => {
      settings.apply((current) => ({ ...current, language: 'fr' }), 0);
    });
    await waitForTitle('Investir dans la large bande');
    await vi.waitFor(() =>
      expect(window.location.hash).toBe(
        '#/doc/recommendation-9-broadband?section=pourquoi-c-est-important',
      ),
    );
    act(() => {
      settings.apply((current) => ({ ...current, language: 'en' }), 0);
    });
    await waitForTitle('Invest in broadband');
    await vi.waitFor(() =>
      expect(window.location.hash).toBe('#/doc/recommendation-9-broadband?section=why-it-matters'),
    );
    // The English glossary again in the English body.
    expect(body()?.querySelector('a.glossary-term')?.textContent).toBe('CAO');
  });
});
