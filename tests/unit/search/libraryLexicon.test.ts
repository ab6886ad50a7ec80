import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { CatalogEntry } from '../../../renderer/src/core/content/model';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import { ANALYZERS } from '../../../renderer/src/core/search/analyzers';
import { suggestQueries } from '../../../renderer/src/core/search/suggest';
import { libraryLexicon } from '../../../renderer/src/ui/search/libraryLexicon';

const entries: CatalogEntry[] = [
  {
    id: 'key-issue-cybersecurity' as DocId,
    type: 'key-issue',
    title: "Protéger l'équipement réseau",
    summary: 'Les municipalités gardent leurs systèmes à jour.',
    topics: [],
    updated: '2026-12-06',
  },
];
const vocabulary: Vocabulary = { topics: {}, regions: {}, tiers: {} };

describe("the library's lexicon for suggestions", () => {
  it('is cut by the analyzer asked for, even for a catalog already cut by another', () => {
    // The English analyzer first (the catalog still shown just after a switch to French).
    const english = libraryLexicon(entries, vocabulary, ANALYZERS.en);
    const french = libraryLexicon(entries, vocabulary, ANALYZERS.fr);
    expect(french).not.toBe(english);
    expect(french.map((word) => word.display)).toContain('équipement');
    expect(english.map((word) => word.display)).not.toContain('équipement');
    expect(suggestQueries('equipemnt', french, 3, ANALYZERS.fr)).toEqual(['équipement']);
  });

  it('is built once per catalog and analyzer', () => {
    expect(libraryLexicon(entries, vocabulary, ANALYZERS.fr)).toBe(
      libraryLexicon(entries, vocabulary, ANALYZERS.fr),
    );
  });
});
