// @vitest-environment jsdom
/**
 * The document texts annotations are placed on, away from the reader (an import preview, the
 * review after an update): only the languages asked for are loaded, so an English user never
 * fetches the French library, and a damaged French file breaks only what needs French.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { documentTextReader } from '../../../renderer/src/ui/annotations/page/documentTexts';
import { installCollections } from '../library/libraryFixture';
import { libraryFiles, REC_EN, serveFiles } from '../content/frenchLibraryFixture';

let fetched: string[] = [];

beforeEach(() => {
  // A French library whose documents file is damaged.
  fetched = serveFiles({
    ...libraryFiles(),
    'documents.fr.json': { version: 1, documents: 'damaged' },
  });
  installCollections([]);
});

describe('document texts by language', () => {
  it('loads only English for English annotations, whatever the French files hold', async () => {
    const textOf = await documentTextReader(['en']);
    expect(textOf(REC_EN.id, 'en')).toContain('The CAO leads.');
    expect(textOf(REC_EN.id, 'fr')).toBeNull();
    expect(fetched).toContain('documents.json');
    expect(fetched).not.toContain('documents.fr.json');
  });

  it('loads French when asked for, and then fails with its damaged file', async () => {
    await expect(documentTextReader(['en', 'fr'])).rejects.toThrow();
    expect(fetched).toContain('documents.fr.json');
  });
});
