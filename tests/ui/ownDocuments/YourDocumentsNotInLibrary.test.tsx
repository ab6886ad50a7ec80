// @vitest-environment jsdom
/**
 * When the user's own documents cannot be built into the library (here: the bundled library they
 * are checked against cannot be read), "Your documents" still lists them from their store and
 * says, in an alert, that they are missing from search and the library, and why; the library's
 * load carries the problem; once a later build works, the alert goes and the documents are back.
 * A file of its own: what the library loaded is kept for the session (module state).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadCatalog,
  loadLibraryProblems,
  reloadLibrary,
} from '../../../renderer/src/ui/content/contentData';
import { registerOwnDocuments } from '../../../renderer/src/ui/ownDocuments/registerOwnDocuments';
import { YourDocuments } from '../../../renderer/src/ui/ownDocuments/YourDocuments';
import { getByRole, queryAllByRole, unmountAll } from '../support/dom';
import { content } from '../../unit/ownDocuments/sample';
import {
  afterTimers,
  ownTestHost,
  renderWithHost,
  serveBundledCatalog,
  storeAfter,
} from './ownFixture';

afterEach(unmountAll);

const NOT_IN_LIBRARY =
  'Your documents could not be added to search and the library: The bundled file catalog.json could not be read (503).';

/** The app's server failing: every bundled file answers 503. */
function failBundledFiles(): void {
  globalThis.fetch = () => Promise.resolve(new Response('', { status: 503 }));
}

const ticks = () => afterTimers(20);

describe('Your documents when they cannot be added to the library', () => {
  it('lists them, says why they are missing from search and the library, and clears once built', async () => {
    failBundledFiles();
    window.location.hash = '#/library';
    const test = ownTestHost();
    await storeAfter(test, [
      { id: 'doc-0', content: content({ title: 'Snow routes' }), at: '2026-11-02T15:00:00.000Z' },
    ]);
    registerOwnDocuments(test.host);
    await renderWithHost(test, <YourDocuments />, 20);

    expect(await loadLibraryProblems()).toEqual([
      { kind: 'own', id: 'own', message: NOT_IN_LIBRARY },
    ]);
    const alerts = queryAllByRole(document.body, 'alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual([NOT_IN_LIBRARY]);
    expect(
      queryAllByRole(getByRole(document.body, 'list'), 'listitem').map(
        (item) => item.querySelector('.your-documents__title')?.textContent,
      ),
    ).toEqual(['Snow routes']);

    // The server is back; the next change to the documents reloads them.
    serveBundledCatalog();
    reloadLibrary({ source: 'own' });
    await ticks();
    expect(await loadLibraryProblems()).toEqual([]);
    expect(queryAllByRole(document.body, 'alert')).toEqual([]);
    expect((await loadCatalog()).entries.map((entry) => entry.id)).toContain('own--doc-0');
  });
});
