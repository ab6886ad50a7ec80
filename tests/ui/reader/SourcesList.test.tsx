// @vitest-environment jsdom
/**
 * A source's title and publisher are the cited page's own words, in its language (`lang: fr`
 * in front matter, else English): in an interface of the other language they carry `lang`
 * (WCAG 3.1.2), in the same language nothing (the page's `lang` says it). The date and the
 * reliability badge are the interface's words and are never marked.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from '../../../renderer/src/core/content/frontMatter';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { SourcesList } from '../../../renderer/src/ui/reader/SourcesList';
import { render, unmountAll } from '../support/dom';

afterEach(() => {
  unmountAll();
  setLanguage('en');
});

const ENGLISH: Source = {
  title: 'Telecom Regulatory Policy CRTC 2016-496',
  url: 'https://crtc.gc.ca/eng/archive/2016/2016-496.htm',
  publisher: 'CRTC',
  date: '2016-12-21',
  reliability: 'secondary',
};
const FRENCH: Source = {
  title: 'Services en français',
  url: 'https://www.ontario.ca/fr/page/services-gouvernementaux-en-francais',
  publisher: "Gouvernement de l'Ontario",
  lang: 'fr',
};
const INSECURE: Source = { title: 'AMO releases report', url: 'http://www.amo.on.ca/x.aspx' };

function show(language: 'en' | 'fr') {
  act(() => setLanguage(language));
  const { container } = render(<SourcesList sources={[ENGLISH, FRENCH, INSECURE]} />);
  const items = [...container.querySelectorAll('li')];
  const title = (i: number) =>
    items[i]?.querySelector('a, .reader-sources__title') as HTMLElement | null;
  const publisher = (i: number) =>
    items[i]?.querySelector('.reader-sources__details > span:not(.reader-badge)') as HTMLElement;
  return { items, title, publisher };
}

describe('the sources of a document', () => {
  it('in French, mark English titles and publishers lang="en", and leave French ones unmarked', () => {
    const { items, title, publisher } = show('fr');
    expect(title(0)?.tagName).toBe('A');
    expect(title(0)?.getAttribute('lang')).toBe('en');
    expect(publisher(0).textContent).toBe('CRTC');
    expect(publisher(0).getAttribute('lang')).toBe('en');
    // The date and the badge are the interface's: outside the marked publisher.
    const details = items[0]?.querySelector('.reader-sources__details');
    expect(details?.textContent).toMatch(/^CRTC, .*2016/);
    expect(details?.hasAttribute('lang')).toBe(false);
    expect(details?.querySelector('.reader-badge')?.hasAttribute('lang')).toBe(false);
    expect(title(1)?.hasAttribute('lang')).toBe(false);
    expect(publisher(1).hasAttribute('lang')).toBe(false);
    // An http: source is text, not a link; its title is marked all the same.
    expect(title(2)?.tagName).toBe('SPAN');
    expect(title(2)?.getAttribute('lang')).toBe('en');
  });

  it('in English, mark only the French source lang="fr"', () => {
    const { title, publisher } = show('en');
    expect(title(0)?.hasAttribute('lang')).toBe(false);
    expect(publisher(0).hasAttribute('lang')).toBe(false);
    expect(title(1)?.getAttribute('lang')).toBe('fr');
    expect(publisher(1).getAttribute('lang')).toBe('fr');
    expect(title(2)?.hasAttribute('lang')).toBe(false);
  });
});
