// @vitest-environment jsdom
/**
 * A French data file the server fails on (not missing: that build shows English) fails the
 * French library with a message people can act on, after one request: it is not fetched again
 * only to fail the same way.
 */
import { expect, it } from 'vitest';
import { loadCatalog } from '../../../renderer/src/ui/content/contentData';
import { installCollections } from '../library/libraryFixture';
import { libraryFiles, serveFiles } from './frenchLibraryFixture';

it('fails on a French file the server cannot give, fetching it once', async () => {
  const fetched = serveFiles(libraryFiles());
  const serve = globalThis.fetch;
  // The app fetches its data by relative address (`./data/<name>`).
  globalThis.fetch = (input: RequestInfo | URL) =>
    input === './data/catalog.fr.json'
      ? (fetched.push('catalog.fr.json'), Promise.resolve(new Response('', { status: 500 })))
      : serve(input);
  installCollections([]);
  await expect(loadCatalog('fr')).rejects.toMatchObject({ name: 'ContentFileError' });
  expect(fetched.filter((name) => name === 'catalog.fr.json')).toHaveLength(1);
  // English is not affected.
  expect((await loadCatalog('en')).entries.length).toBeGreaterThan(0);
});
