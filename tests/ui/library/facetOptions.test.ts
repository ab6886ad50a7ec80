/**
 * The Source facet's choices (issue 15): the bundled library first, installed packs by title, the
 * user's own documents last, and only the collections that have documents in the list shown.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCE } from '../../../renderer/src/core/library/filters';
import { collectionsIn, facetOptions } from '../../../renderer/src/ui/library/facetOptions';
import { BUNDLED_CATALOG, VOCABULARY, fixtureCollection } from './libraryFixture';

const zulu = fixtureCollection('pack', 'zulu-notes', 'Zulu notes', '1.0.0');
const alpha = fixtureCollection('pack', 'alpha-notes', 'alpha notes', '2.0.0');
const own = fixtureCollection('own', 'own', 'Your documents');
const infoOf = ({ kind, id, title }: typeof zulu) => ({ kind, id, title });

describe('the Source facet', () => {
  it('lists the bundled library, packs by title (as the interface sorts), own documents last', () => {
    const options = facetOptions('source', VOCABULARY, [own, zulu, alpha].map(infoOf));
    expect(options).toEqual([
      { value: BUNDLED_SOURCE, label: 'OnMuni Toolkit library' },
      { value: 'alpha-notes', label: 'alpha notes' },
      { value: 'zulu-notes', label: 'Zulu notes' },
      { value: 'own', label: 'Your documents' },
    ]);
  });

  it('offers only the collections that have documents in the list', () => {
    const collections = [zulu, alpha, own].map(infoOf);
    const withOwn = [...BUNDLED_CATALOG.entries, ...alpha.catalog, ...own.catalog];
    expect(collectionsIn(withOwn, collections).map((c) => c.id)).toEqual(['alpha-notes', 'own']);
    // The bundled library alone: nothing to choose.
    expect(collectionsIn(BUNDLED_CATALOG.entries, collections)).toEqual([]);
  });
});
