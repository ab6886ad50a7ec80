// @vitest-environment jsdom
/**
 * The page shown for an address that names no page: its sentence comes from the catalogue with
 * the address inside it and the link to the Library as an element, and an address holding markup
 * stays text (it comes from the URL, which anyone can write).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundPage } from '../../../renderer/src/ui/app/NotFoundPage';
import { getByRole, render, unmountAll } from '../support/dom';

afterEach(unmountAll);

describe('NotFoundPage', () => {
  it('says which address has no page and links to the Library', () => {
    render(<NotFoundPage path="#/planer" />);
    expect(getByRole(document.body, 'heading').textContent).toBe('Page not found');
    expect(document.querySelector('p')?.textContent).toBe(
      'There is no page at “#/planer”. It may have moved, or the link may be mistyped. Go to the Library.',
    );
    expect(
      getByRole(document.body, 'link', { name: 'Go to the Library' }).getAttribute('href'),
    ).toBe('#/library');
  });

  it('shows an address with markup in it as text, not as elements', () => {
    const path = '#/<link>x</link><img src=x onerror=alert(1)>&amp;';
    render(<NotFoundPage path={path} />);
    const sentence = document.querySelector('p');
    expect(sentence?.textContent).toContain(`There is no page at “${path}”.`);
    expect(sentence?.querySelectorAll('a')).toHaveLength(1);
    expect(sentence?.querySelector('img')).toBeNull();
  });
});
