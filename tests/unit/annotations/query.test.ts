import { describe, expect, it } from 'vitest';
import {
  annotationFacets,
  annotationsForDocument,
  filterAnnotations,
  sortAnnotations,
} from '../../../renderer/src/core/annotations/query';
import { updateAnnotation } from '../../../renderer/src/core/annotations/operations';
import { ANNOTATIONS_SCHEMA_VERSION } from '../../../renderer/src/core/annotations/schema';
import { compareText } from '../../../renderer/src/ui/common/i18n/format';
import { annotate, at, DOC_A, DOC_B, idOf, when } from './fixtures';

function library() {
  let db = annotate('open data', {
    id: idOf(1),
    now: at(30),
    tags: ['Open data'],
    author: 'Ada Lovelace',
  }).db;
  db = annotate('The Town of Cobourg', {
    db,
    id: idOf(2),
    now: at(10),
    meaning: 'question',
    note: 'Which year exactly?',
    author: 'Chantal Lévesque',
  }).db;
  db = annotate('Readiness', {
    db,
    id: idOf(3),
    now: at(20),
    docId: DOC_B,
    text: 'Readiness matters.',
    meaning: 'idea',
    tags: ['open DATA', 'budget'],
    author: 'Bo Chen',
  }).db;
  return db.annotations;
}

describe('filterAnnotations', () => {
  const all = library();
  const ids = (list: { id: string }[]) => list.map((a) => a.id);

  it.each([
    ['document', { docId: DOC_B }, [idOf(3)]],
    ['author', { author: 'Bo Chen' }, [idOf(3)]],
    ['meaning', { meaning: 'question' as const }, [idOf(2)]],
    ['tag, ignoring case', { tag: 'OPEN DATA' }, [idOf(1), idOf(3)]],
    ['text in the note', { text: 'which YEAR' }, [idOf(2)]],
    ['text in the quote', { text: 'cobourg' }, [idOf(2)]],
    ['text in the author, ignoring accents', { text: 'levesque' }, [idOf(2)]],
    ['text in a tag', { text: 'budget' }, [idOf(3)]],
    ['several filters at once', { docId: DOC_A, text: 'data' }, [idOf(1)]],
    ['nothing', {}, [idOf(1), idOf(2), idOf(3)]],
    ['no match', { text: 'zoning' }, []],
  ])('by %s', (_what, filter, expected) => {
    expect(ids(filterAnnotations(all, filter))).toEqual(expected);
  });
});

describe('sortAnnotations', () => {
  const all = library();

  it('sorts by document, then by place in the text', () => {
    expect(sortAnnotations(all, 'document').map((a) => a.id)).toEqual([idOf(2), idOf(1), idOf(3)]);
  });

  it('uses the library order of documents when given', () => {
    const rank = (docId: string) => (docId === DOC_B ? 0 : 1);
    expect(sortAnnotations(all, 'document', rank).map((a) => a.id)).toEqual([
      idOf(3),
      idOf(2),
      idOf(1),
    ]);
  });

  it('sorts by last change, newest or oldest first', () => {
    expect(sortAnnotations(all, 'newest').map((a) => a.id)).toEqual([idOf(1), idOf(3), idOf(2)]);
    const edited = updateAnnotation(
      { schemaVersion: ANNOTATIONS_SCHEMA_VERSION, annotations: all, tombstones: [] },
      idOf(2),
      { note: 'x' },
      ...when(99),
    );
    expect(sortAnnotations(edited.annotations, 'oldest').map((a) => a.id)).toEqual([
      idOf(3),
      idOf(1),
      idOf(2),
    ]);
  });

  it('does not change the list it was given', () => {
    const copy = [...all];
    sortAnnotations(all, 'newest');
    expect(all).toEqual(copy);
  });
});

describe('annotationFacets and annotationsForDocument', () => {
  it('lists the documents, authors, tags and meanings present, as the language sorts them', () => {
    expect(annotationFacets(library(), compareText)).toEqual({
      docIds: [DOC_A, DOC_B],
      authors: ['Ada Lovelace', 'Bo Chen', 'Chantal Lévesque'],
      tags: ['budget', 'Open data'],
      meanings: ['idea', 'important', 'question'],
    });
  });

  it('picks one document’s annotations', () => {
    expect(annotationsForDocument(library(), DOC_A).map((a) => a.id)).toEqual([idOf(1), idOf(2)]);
  });
});
