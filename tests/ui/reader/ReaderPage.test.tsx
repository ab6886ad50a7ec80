// @vitest-environment jsdom
/**
 * The reader for documents of content packs and own documents (issue 15): where a document comes
 * from is said under its type, and an id naming a pack that is not installed gets a "not
 * available" page that names the pack and says the annotations are kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReaderPage } from '../../../renderer/src/ui/reader/ReaderPage';
import { DocumentOrigin } from '../../../renderer/src/ui/reader/DocumentOrigin';
import { getByRole, render, renderSettled, unmountAll } from '../support/dom';
import {
  fixtureCollection,
  installCollections,
  serveBundledLibrary,
} from '../library/libraryFixture';

beforeEach(serveBundledLibrary);
afterEach(unmountAll);

const text = () => document.body.textContent?.replace(/\s+/g, ' ') ?? '';

describe('ReaderPage: a document that is not there', () => {
  it('names the pack that is not installed, links to Content packs, and keeps the annotations', async () => {
    installCollections([]);
    window.location.hash = '#/doc/testville-notes--case-testville-portal';
    await renderSettled(<ReaderPage />);
    expect(getByRole(document.body, 'heading').textContent).toBe('Document not available');
    expect(text()).toContain(
      'This document comes from the content pack “testville-notes”, which is not installed: it may have been removed. To read it again, install the pack on the Content packs page.',
    );
    expect(text()).toContain(
      'Any annotations you made on it are kept: the Annotations page lists them.',
    );
    expect(getByRole(document.body, 'link', { name: 'Content packs' }).getAttribute('href')).toBe(
      '#/packs',
    );
    expect(getByRole(document.body, 'link', { name: 'Annotations' }).getAttribute('href')).toBe(
      '#/annotations',
    );
  });

  it('says which version of an installed pack lacks the document', async () => {
    installCollections([fixtureCollection('pack', 'testville-notes', 'Testville notes', '2.0.0')]);
    window.location.hash = '#/doc/testville-notes--case-gone';
    await renderSettled(<ReaderPage />);
    expect(getByRole(document.body, 'heading').textContent).toBe('Document not found');
    expect(text()).toContain(
      'The content pack “Testville notes” (version 2.0.0) has no document “testville-notes--case-gone”: this version of the pack may have removed it.',
    );
  });

  it('keeps the plain not-found page for a bundled id', async () => {
    installCollections([]);
    window.location.hash = '#/doc/case-nowhere';
    await renderSettled(<ReaderPage />);
    expect(text()).toContain('We could not find that document (“case-nowhere”).');
    expect(text()).not.toContain('content pack');
  });
});

describe('DocumentOrigin', () => {
  it('names the pack and its version', () => {
    const { container } = render(
      <DocumentOrigin
        id="testville-notes--glossary-e-form"
        collection={{
          kind: 'pack',
          id: 'testville-notes',
          title: 'Testville notes',
          version: '1.2.0',
        }}
      />,
    );
    expect(container.textContent).toBe('From the content pack Testville notes, version 1.2.0');
  });

  it('says "Your document" with a link to its editor', () => {
    const { container } = render(
      <DocumentOrigin
        id="own--council-minutes"
        collection={{ kind: 'own', id: 'own', title: 'Your documents' }}
      />,
    );
    expect(container.textContent).toBe('Your document · Edit this document');
    expect(getByRole(container, 'link', { name: 'Edit this document' }).getAttribute('href')).toBe(
      '#/own/council-minutes',
    );
  });

  it('says nothing for the bundled library', () => {
    const { container } = render(<DocumentOrigin id="glossary-e-form" />);
    expect(container.textContent).toBe('');
  });
});
