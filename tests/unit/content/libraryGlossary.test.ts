/**
 * Which glossary marks terms in which document: a pack's glossary never changes how a bundled
 * document reads; a pack's document gets its own terms and the bundled ones; matchers are kept
 * for as long as their documents, so reloading the library builds none again.
 */
import { describe, expect, it } from 'vitest';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { checkPackDocuments } from '../../../renderer/src/core/packs/packDocuments';
import { glossaryChooser } from '../../../renderer/src/ui/content/libraryGlossary';
import { BUNDLED_ID, PACK_DOCS, VOCABULARY } from '../../ui/library/libraryFixture';

function packDocuments(packId: string, docs = PACK_DOCS): ContentDocument[] {
  const result = checkPackDocuments(
    Object.entries(docs).map(([path, text]) => ({ path, text })),
    { packId, vocabulary: VOCABULARY, bundledIds: new Set([BUNDLED_ID]), releaseText: null },
  );
  if (result.issues.length > 0) throw new Error(JSON.stringify(result.issues));
  return result.documents;
}

const pack = { id: 'testville', documents: packDocuments('testville') };
const packGlossary = pack.documents.find((doc) => doc.type === 'glossary');
if (packGlossary?.type !== 'glossary') throw new Error('the fixture pack has a glossary term');
/** A bundled glossary term, as the bundled library has them ("portal"). */
const bundledTerm: ContentDocument = {
  ...packGlossary,
  id: 'glossary-portal' as ContentDocument['id'],
  title: 'Portal',
  term: 'Portal',
  aliases: ['web portal'],
};
const bundled: ContentDocument[] = [bundledTerm];
/** Own documents: no glossary terms of their own. */
const own = {
  id: 'own',
  documents: packDocuments('own', {
    'docs/local-documents/council-minutes-policy.md':
      PACK_DOCS['docs/local-documents/council-minutes-policy.md'] ?? '',
  }),
};
const TEXT = 'Fill in the E-form on the web portal.';
const marked = (found: { start: number; end: number; id: string }[]) =>
  found.map(({ start, end, id }) => `${TEXT.slice(start, end)} -> ${id}`);

describe('glossaryChooser', () => {
  const glossaryFor = glossaryChooser(bundled, [pack, own]);

  it("marks a bundled document with the bundled glossary only, never a pack's terms", () => {
    expect(marked(glossaryFor(BUNDLED_ID).find(TEXT))).toEqual(['web portal -> glossary-portal']);
  });

  it("marks a pack's document with its pack's terms and the bundled ones", () => {
    expect(marked(glossaryFor('testville--council-minutes-policy').find(TEXT))).toEqual([
      'E-form -> testville--glossary-e-form',
      'web portal -> glossary-portal',
    ]);
  });

  it('marks own documents, and documents of an unknown collection, with the bundled glossary', () => {
    expect(glossaryFor('own--council-minutes-policy')).toBe(glossaryFor(BUNDLED_ID));
    expect(glossaryFor('removed--council-minutes-policy')).toBe(glossaryFor(BUNDLED_ID));
  });

  it('keeps each matcher for as long as its documents: a reload builds none again', () => {
    const again = glossaryChooser(bundled, [pack, own]);
    expect(again(BUNDLED_ID)).toBe(glossaryFor(BUNDLED_ID));
    expect(again('testville--case-testville-portal')).toBe(
      glossaryFor('testville--council-minutes-policy'),
    );
    const updated = { id: 'testville', documents: packDocuments('testville') };
    expect(glossaryChooser(bundled, [updated])('testville--case-testville-portal')).not.toBe(
      glossaryFor('testville--case-testville-portal'),
    );
  });

  it("gives a collection's documents the glossary of the bundled library they are read with", () => {
    // The French library's bundled glossary, beside the English one: the same pack is read with
    // each (contentData.ts builds a chooser per body language), whichever asks first.
    const frenchTerm: ContentDocument = {
      ...bundledTerm,
      id: 'glossary-portal' as ContentDocument['id'],
      title: 'Formulaire',
      term: 'Formulaire',
      aliases: ['web'],
    };
    const inFrench = glossaryChooser([frenchTerm], [pack]);
    const inEnglish = glossaryChooser(bundled, [pack]);
    expect(marked(inFrench('testville--council-minutes-policy').find(TEXT))).toEqual([
      'E-form -> testville--glossary-e-form',
      'web -> glossary-portal',
    ]);
    expect(marked(inEnglish('testville--council-minutes-policy').find(TEXT))).toEqual([
      'E-form -> testville--glossary-e-form',
      'web portal -> glossary-portal',
    ]);
  });
});
