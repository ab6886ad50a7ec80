// @vitest-environment jsdom
/**
 * A build with no French data files (a library built without translations, such as a test
 * corpus): the French interface shows the English library, each document marked `lang="en"`,
 * instead of failing to load.
 */
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { unmountAll } from '../support/dom';
import { installCollections } from '../library/libraryFixture';
import { libraryFiles, serveFiles, startApp } from './frenchLibraryFixture';
import { stubReaderDom } from '../support/readerDom';

beforeAll(async () => {
  await import('../../../renderer/src/ui/reader/ReaderPage');
}, 120_000);
beforeEach(() => {
  serveFiles(libraryFiles(false));
  stubReaderDom();
});
afterEach(() => {
  unmountAll();
  setLanguage('en');
});

it('shows the English version, marked as English, when the French files are not there', async () => {
  installCollections([]);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await startApp('#/doc/recommendation-9-broadband', 'fr');
  await vi.waitFor(
    () => expect(document.querySelector('main h1')?.textContent).toBe('Invest in broadband'),
    { timeout: 10_000 },
  );
  expect(document.querySelector('main h1')?.getAttribute('lang')).toBe('en');
  expect(document.querySelector('.reader-body')?.getAttribute('lang')).toBe('en');
  expect(warn).toHaveBeenCalledWith(
    expect.stringContaining('catalog.fr.json is not in this build'),
  );
  warn.mockRestore();
});
