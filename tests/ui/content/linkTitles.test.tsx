// @vitest-environment jsdom
/**
 * A French title that quotes English (`[text]{lang=en}`) keeps that mark where it is a link:
 * the Library's cards, the reader's related documents and its previous/next links show the
 * quotation as `<span lang="en">` (WCAG 3.1.2), never the markup, and the link is named by the
 * plain text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../renderer/src/core/content/model';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { DocCard } from '../../../renderer/src/ui/library/DocCard';
import { DocumentLinks } from '../../../renderer/src/ui/reader/DocumentLinks';
import { SequenceNav } from '../../../renderer/src/ui/reader/SequenceNav';
import { getByRole, renderSettled, unmountAll } from '../support/dom';
import { REC_FR, VOCABULARY_FR } from './frenchLibraryFixture';

const TITLE = 'Investir dans le [broadband]{lang=en} rural';
const doc = { ...REC_FR, title: TITLE };
const entry: CatalogEntry = {
  id: REC_FR.id,
  type: 'recommendation',
  title: TITLE,
  summary: REC_FR.summary,
  topics: [],
  updated: REC_FR.updated,
  lang: 'fr',
};

beforeEach(() => setLanguage('fr'));
afterEach(() => {
  unmountAll();
  setLanguage('en');
});

function expectMarkedLink() {
  const link = getByRole(document.body, 'link', { name: /Investir dans le broadband rural$/ });
  expect(link.textContent).not.toContain('{lang=en}');
  expect(link.querySelector('span[lang="en"]')?.textContent).toBe('broadband');
  expect(link.closest('[lang]')?.getAttribute('lang') ?? null).not.toBe('en');
}

describe('English in link titles', () => {
  it('is marked on a Library card', async () => {
    await renderSettled(<DocCard entry={entry} vocabulary={VOCABULARY_FR} />);
    expectMarkedLink();
  });

  it('is marked in related documents', async () => {
    await renderSettled(
      <DocumentLinks
        title="Documents liés"
        id="related"
        ids={[doc.id]}
        byId={new Map([[doc.id, doc]])}
      />,
    );
    expectMarkedLink();
  });

  it('is marked in previous and next links', async () => {
    await renderSettled(
      <SequenceNav neighbours={{ pathType: 'recommendation', previous: doc, next: null }} />,
    );
    expectMarkedLink();
  });
});
