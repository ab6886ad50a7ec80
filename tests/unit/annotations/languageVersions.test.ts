import { describe, expect, it } from 'vitest';
import {
  annotationLanguageOf,
  annotationsForDocument,
  annotationsToReview,
  createAnnotation,
  documentVersionKey,
  emptyAnnotationsDatabase,
  importAnnotationCollection,
  parseAnnotationsDocument,
  parseDocumentVersionKey,
  previewMerge,
  serializeAnnotationCollection,
  annotationSchema,
  ANNOTATIONS_SCHEMA_VERSION,
} from '../../../renderer/src/core/annotations';
import type { Language } from '../../../electron/shared/language';
import {
  annotationWrites,
  materializeAnnotations,
} from '../../../renderer/src/core/team/annotationRecords';
import { HybridClock } from '../../../renderer/src/core/team/hlc';
import { RecordSet, stampWrites, type Change } from '../../../renderer/src/core/team/records';
import { at, DOC_A, idOf, KNOWN_DOCS, MEMBER_A } from './fixtures';

/**
 * Annotations belong to one language's version of a document (issue 18): `target.lang` is `fr`
 * for one made on the French version, absent for the English one (as every older record).
 */
const ENGLISH = 'The township put its permits online in 2019. Staff time went down.';
const FRENCH = 'Le canton a mis ses permis en ligne en 2019. Le temps du personnel a baissé.';

function annotateIn(language: Language, quote: string, n: number, db = emptyAnnotationsDatabase()) {
  const text = language === 'fr' ? FRENCH : ENGLISH;
  const start = text.indexOf(quote);
  return createAnnotation(db, {
    docId: DOC_A,
    language,
    text,
    start,
    end: start + quote.length,
    meaning: 'important',
    author: 'Chantal',
    now: at(n),
    clock: new HybridClock(MEMBER_A, () => at(n).getTime()),
    id: idOf(n),
  });
}

function bilingual() {
  const english = annotateIn('en', 'permits online', 1);
  const french = annotateIn('fr', 'permis en ligne', 2, english.db);
  return { db: french.db, english: english.annotation, french: french.annotation };
}

const textOf = (docId: string, language: Language) =>
  docId === DOC_A ? (language === 'fr' ? FRENCH : ENGLISH) : null;

describe('annotations on a language version', () => {
  it('records lang: fr for the French version only', () => {
    const { english, french } = bilingual();
    expect(english.target).not.toHaveProperty('lang');
    expect(french.target.lang).toBe('fr');
    expect([english, french].map(annotationLanguageOf)).toEqual(['en', 'fr']);
  });

  it('lists each version its own annotations, an old record as English', () => {
    const { db, english, french } = bilingual();
    expect(annotationsForDocument(db.annotations, DOC_A)).toEqual([english]);
    expect(annotationsForDocument(db.annotations, DOC_A, 'en')).toEqual([english]);
    expect(annotationsForDocument(db.annotations, DOC_A, 'fr')).toEqual([french]);
  });

  it('accepts only fr as a language', () => {
    const { french } = bilingual();
    for (const lang of ['en', 'de', 'FR', ''])
      expect(
        annotationSchema.safeParse({ ...french, target: { ...french.target, lang } }).success,
      ).toBe(false);
  });

  it('moves a version 4 database to version 5 as it is: every annotation English', () => {
    const { db } = bilingual();
    const v4 = { schemaVersion: 4, annotations: [db.annotations[0]], tombstones: [] };
    const parsed = parseAnnotationsDocument(JSON.parse(JSON.stringify(v4)));
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(4);
    expect(ANNOTATIONS_SCHEMA_VERSION).toBe(5);
    expect(parsed.data?.annotations.map(annotationLanguageOf)).toEqual(['en']);
  });

  it('keeps the language through export and import', () => {
    const { db } = bilingual();
    const file = serializeAnnotationCollection(db, { now: at(5) });
    const result = importAnnotationCollection(file, {
      knownDocIds: KNOWN_DOCS,
      local: emptyAnnotationsDatabase(),
      now: at(10),
    });
    expect(result.ok && result.incoming.annotations.map(annotationLanguageOf)).toEqual([
      'en',
      'fr',
    ]);
  });

  it('exports as version 4 while no annotation is on a French version, so older apps import it', () => {
    const { db, english } = bilingual();
    const englishOnly = { annotations: [english], tombstones: db.tombstones };
    const older = JSON.parse(serializeAnnotationCollection(englishOnly, { now: at(5) })) as {
      schemaVersion: number;
    };
    expect(older.schemaVersion).toBe(4);
    const newer = JSON.parse(serializeAnnotationCollection(db, { now: at(5) })) as {
      schemaVersion: number;
    };
    expect(newer.schemaVersion).toBe(5);
    // This app reads both.
    const result = importAnnotationCollection(JSON.stringify(older), {
      knownDocIds: KNOWN_DOCS,
      local: emptyAnnotationsDatabase(),
      now: at(10),
    });
    expect(result.ok && result.incoming.annotations).toEqual([english]);
  });

  it('keeps the language through the records of a team folder and local storage', () => {
    const { db } = bilingual();
    const clock = new HybridClock(MEMBER_A, () => at(5).getTime());
    const changes = stampWrites(annotationWrites(emptyAnnotationsDatabase(), db), clock);
    // As a teammate reads them: the changes alone, through JSON (as the folder's files hold them).
    const read = new RecordSet();
    read.apply(JSON.parse(JSON.stringify(changes)) as Change[]);
    const shown = materializeAnnotations(read).db.annotations;
    expect(shown.map((a) => [a.id, annotationLanguageOf(a)])).toEqual(
      db.annotations.map((a) => [a.id, annotationLanguageOf(a)]),
    );
    expect(shown.map(annotationLanguageOf).sort()).toEqual(['en', 'fr']);
  });

  it('checks an annotation against the text of its own version, not the other language', () => {
    const { db } = bilingual();
    // Neither text changed: nothing to review, though the two versions differ.
    expect(annotationsToReview(db.annotations, textOf)).toEqual([]);
    // An import: each anchors in its own version; with no French text, the French one is lost.
    const preview = previewMerge(emptyAnnotationsDatabase(), db, textOf);
    expect(preview.counts.orphaned).toBe(0);
    const englishOnly = previewMerge(emptyAnnotationsDatabase(), db, (docId, language) =>
      language === 'en' ? textOf(docId, language) : null,
    );
    expect(englishOnly.orphaned.map(annotationLanguageOf)).toEqual(['fr']);
  });

  it('names a document version by one key, the id alone for English', () => {
    expect(documentVersionKey(DOC_A, 'en')).toBe(DOC_A);
    expect(documentVersionKey(DOC_A, 'fr')).toBe(`${DOC_A}|fr`);
    for (const language of ['en', 'fr'] as const)
      expect(parseDocumentVersionKey(documentVersionKey(DOC_A, language))).toEqual({
        docId: DOC_A,
        language,
      });
    expect(parseDocumentVersionKey('own--notes|xx')).toEqual({
      docId: 'own--notes|xx',
      language: 'en',
    });
  });
});
