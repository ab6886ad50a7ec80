// @vitest-environment jsdom
/**
 * The Search page in French (issue 18): it searches with the interface language's engines (the
 * French library's, then the English one), shows each document in its French version, and marks
 * with `lang` a snippet quoting English text, and the English wording a French snippet quotes.
 * Served the real library, French and English, as the
 * content pipeline builds it; only the network is replaced (jsdom has no app server).
 */
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../../../build/content/commands';
import { runContentPipeline } from '../../../build/content/pipeline';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { FRAGMENT_KINDS, fragmentFileName } from '../../../renderer/src/core/search/layout/format';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { SearchPage } from '../../../renderer/src/ui/search/SearchPage';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { queryAllByRole, renderSettled, unmountAll } from '../support/dom';

/** The page as the browser edition shows it, over fresh storage (its recent searches). */
const page = () => (
  <HostContext.Provider value={{ ...createBrowserHost(window), storage: new MemoryStorage() }}>
    <SearchPage />
  </HostContext.Provider>
);

const BROADBAND = 'recommendation-5-broadband-and-cellular';
let frenchTitle = '';

beforeAll(async () => {
  const result = await runContentPipeline({ contentDir: DEFAULT_CONTENT_DIR, outDir: null });
  const french = result.french;
  if (!result.vocabulary || !french?.vocabulary) throw new Error('content/ could not be read');
  frenchTitle = french.documents.find((doc) => doc.id === BROADBAND)?.title ?? '';
  const files = new Map<string, string | Uint8Array<ArrayBuffer>>([
    [
      'catalog.json',
      JSON.stringify({ version: 1, vocabulary: result.vocabulary, entries: result.catalog }),
    ],
    [
      'catalog.fr.json',
      JSON.stringify({ version: 1, vocabulary: french.vocabulary, entries: french.catalog }),
    ],
    ['documents.json', JSON.stringify({ version: 1, documents: result.documents })],
    ['documents.fr.json', JSON.stringify({ version: 1, documents: french.documents })],
  ]);
  const english = buildSegment(result.documents, result.vocabulary);
  const translated = buildSegment(french.documents, french.vocabulary, 'fr');
  for (const kind of FRAGMENT_KINDS) {
    files.set(fragmentFileName(kind), english[kind].slice());
    files.set(fragmentFileName(kind, 'fr'), translated[kind].slice());
  }
  window.matchMedia = (query: string) =>
    ({ matches: true, media: query, addEventListener() {}, removeEventListener() {} }) as never;
  globalThis.fetch = (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = files.get(url.replace(/^.*\//, ''));
    return Promise.resolve(
      body === undefined ? new Response('', { status: 404 }) : new Response(body, { status: 200 }),
    );
  };
}, 120_000);

afterAll(() => {
  unmountAll();
  setLanguage('en');
});

/** Waits (a few event-loop turns at most) for the results list, then gives its items. */
async function results(): Promise<HTMLElement[]> {
  for (let turn = 0; turn < 200; turn++) {
    const [list] = queryAllByRole(document.body, 'list', { name: /results|résultats/i });
    if (list && list.querySelector('li .search-result__snippet mark'))
      return [...list.querySelectorAll<HTMLElement>(':scope > li')];
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`no results: ${document.body.textContent ?? ''}`);
}

const linkOf = (item: HTMLElement) => item.querySelector('a') as HTMLAnchorElement;
const snippetOf = (item: HTMLElement) =>
  item.querySelector('.search-result__snippet') as HTMLElement;

describe('the Search page in French', () => {
  it('finds the broadband recommendation for "large bande", shown in French', async () => {
    setLanguage('fr');
    window.location.hash = '#/search?q=large%20bande';
    await renderSettled(page());
    const items = await results();
    const broadband = items
      .slice(0, 3)
      .find((item) => linkOf(item).getAttribute('href') === `#/doc/${BROADBAND}`);
    expect(broadband && linkOf(broadband).textContent).toBe(frenchTitle);
    // French text in a French interface: the page's `lang` says it.
    expect(broadband && linkOf(broadband).hasAttribute('lang')).toBe(false);
    expect(broadband && snippetOf(broadband).hasAttribute('lang')).toBe(false);
    unmountAll();
  });

  it('marks a snippet quoting the English text with lang="en", under the French title', async () => {
    setLanguage('fr');
    window.location.hash = '#/search?q=broadband';
    await renderSettled(page());
    const items = await results();
    const english = items.filter((item) => snippetOf(item).getAttribute('lang') === 'en');
    expect(english.length).toBeGreaterThan(0);
    const marked = english.flatMap((item) =>
      [...snippetOf(item).querySelectorAll('mark')].map((mark) => mark.textContent.toLowerCase()),
    );
    expect(marked).toContain('broadband');
    for (const item of english) {
      // Every bundled document has a French version: its title is French, unmarked.
      expect(linkOf(item).hasAttribute('lang')).toBe(false);
    }
    // French hits first.
    const firstEnglish = items.indexOf(english[0] as HTMLElement);
    expect(
      items.slice(firstEnglish).every((item) => snippetOf(item).getAttribute('lang') === 'en'),
    ).toBe(true);
    unmountAll();
  });

  it('marks the English wording a French snippet quotes with lang="en", and only it', async () => {
    setLanguage('fr');
    // "maturation" is in AMO's English words, which the French recommendation quotes in a span.
    window.location.hash = '#/search?q=maturation';
    await renderSettled(page());
    const items = await results();
    const recommendation = items.find(
      (item) => linkOf(item).getAttribute('href') === '#/doc/recommendation-1-varying-maturity',
    );
    const snippet = recommendation && snippetOf(recommendation);
    // A French hit: the snippet is French, so the paragraph has no lang of its own...
    expect(snippet?.hasAttribute('lang')).toBe(false);
    // ...and the quoted English wording, the matched word with it, carries lang="en".
    const english = [...(snippet?.querySelectorAll('[lang="en"]') ?? [])];
    expect(english.map((part) => part.textContent).join('')).toMatch(
      /varying stages of digital\s+maturation/,
    );
    expect(snippet?.querySelector('mark')?.getAttribute('lang')).toBe('en');
    // The French around it is not marked.
    const french = [...(snippet?.querySelectorAll('span:not([lang])') ?? [])];
    expect(french.map((part) => part.textContent).join('')).toMatch(/[a-zé]{4,}/);
    unmountAll();
  });

  it('searches again in French when the interface changes language', async () => {
    setLanguage('en');
    window.location.hash = '#/search?q=haut%20d%C3%A9bit';
    await renderSettled(page());
    // The English search has answered (its results, or that nothing matches) before we look.
    await vi.waitFor(
      () =>
        expect(
          document.querySelector('.search-empty') ??
            queryAllByRole(document.body, 'list', { name: /results/i })[0],
        ).toBeTruthy(),
      { timeout: 10_000 },
    );
    expect(document.body.textContent).not.toContain(frenchTitle);
    act(() => {
      setLanguage('fr');
    });
    const titles = (await results()).slice(0, 3).map((item) => linkOf(item).textContent);
    expect(titles).toContain(frenchTitle);
    unmountAll();
  });
});
