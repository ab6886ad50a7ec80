import { describe, expect, it } from 'vitest';
import { contentVersion } from '../../../renderer/src/core/annotations/contentVersion';
import { findPassage } from '../../../renderer/src/core/annotations/anchoring/anchor';
import { SearchableText } from '../../../renderer/src/core/annotations/anchoring/searchableText';
import { WorkMeter } from '../../../renderer/src/core/annotations/anchoring/workMeter';
import {
  ANNOTATIONS_MIGRATIONS,
  migrateAnnotationsDocument,
} from '../../../renderer/src/core/annotations/migrations';
import {
  annotationsToReview,
  markReviewed,
  wholeWords,
} from '../../../renderer/src/core/annotations/review';
import {
  annotationsDatabaseSchema,
  type AnnotationsDatabase,
} from '../../../renderer/src/core/annotations/schema';
import type { DocId } from '../../../renderer/src/core/content/ids';
import {
  annotate,
  at,
  CASE_STUDY_TEXT,
  DOC_A,
  idOf,
  legacyStamped,
  when,
  withoutStamp,
} from './fixtures';

const DOC = 'town-pack--case-study-cobourg' as DocId;

// Version 1 of a pack document's text, and version 2 after an update: a sentence added at the
// start (everything after it moves), one sentence reworded, one removed.
const V1 = CASE_STUDY_TEXT;
const V2 =
  'Cobourg is a town on Lake Ontario. ' +
  V1.replace(
    'which cut freedom-of-information requests by a third in the first year',
    'which cut freedom-of-information requests by about a third in its first year',
  ).replace('Council then asked staff to report on open data. ', '');

/** Four annotations on V1: one on each kind of change, one on text the update left alone. */
function annotatedV1(): AnnotationsDatabase {
  let db: AnnotationsDatabase | undefined;
  const quotes = [
    'Staff scanned every by-law since 1990', // moved (same words, later in V2)
    'cut freedom-of-information requests by a third in the first year', // reworded
    'Council then asked staff to report on open data.', // removed
    'The Town of Cobourg moved its council agendas online', // moved too (text added before)
  ];
  quotes.forEach((quote, i) => {
    db = annotate(quote, { db, docId: DOC, id: idOf(i + 1), now: at(i), note: `note ${i}` }).db;
  });
  if (!db) throw new Error('no annotations');
  return db;
}

const textOf = (text: string) => (docId: DocId) => (docId === DOC ? text : null);

describe('annotationsToReview after an update', () => {
  it('lists nothing while the text is the one the annotations were made on', () => {
    expect(annotationsToReview(annotatedV1().annotations, textOf(V1))).toEqual([]);
  });

  it('re-anchors on the changed text: moved, changed and gone are listed, with where they are now', () => {
    const review = annotationsToReview(annotatedV1().annotations, textOf(V2));
    expect(review.map((r) => [r.annotation.id, r.reason])).toEqual([
      [idOf(1), 'moved'],
      [idOf(2), 'changed'],
      [idOf(3), 'gone'],
      [idOf(4), 'moved'],
    ]);
    const [moved, changed, gone] = review;
    expect(moved?.found?.text).toBe('Staff scanned every by-law since 1990');
    expect(V2.slice(moved?.found?.start, moved?.found?.end)).toBe(moved?.found?.text);
    // The approximate match covers the reworded words in the new text.
    expect(changed?.found?.text).toContain('by about a third in its first year');
    expect(changed?.quote).toBe('cut freedom-of-information requests by a third in the first year');
    expect(gone?.found).toBeNull();
    expect(gone?.quote).toBe('Council then asked staff to report on open data.');
  });

  it('gives a changed passage as whole words, never cut inside one', () => {
    const passage = 'Avoid personal names and words such as';
    const before = `Start with the date. ${passage} "final" or "new".`;
    const after = before.replace(passage, 'Never use personal names or words such as');
    const { db } = annotate(passage, { docId: DOC, text: before });
    const [changed] = annotationsToReview(db.annotations, textOf(after));
    expect(changed?.reason).toBe('changed');
    expect(changed?.found?.text).toMatch(/^Never use personal names or words such as/);
  });

  it('widens a range to the words it touches', () => {
    const text = 'Never use personal names';
    expect(wholeWords(text, 4, 9)).toEqual({ start: 0, end: 9 });
    expect(wholeWords(text, 6, 12)).toEqual({ start: 6, end: 18 });
    expect(wholeWords(text, 0, text.length)).toEqual({ start: 0, end: text.length });
    expect(wholeWords(text, 5, 5)).toEqual({ start: 5, end: 5 });
  });

  it('leaves out an annotation whose passage is still at its recorded place', () => {
    // Only the end of the text changed: the passage at the start did not move.
    const later = V1.replace('before any wider commitment of staff time.', 'first.');
    const review = annotationsToReview(annotatedV1().annotations, textOf(later));
    expect(review.map((r) => r.annotation.id)).not.toContain(idOf(4));
  });

  it('skips documents not in the library (listed as orphaned elsewhere)', () => {
    const { db } = annotate('Staff scanned', { docId: DOC_A });
    expect(annotationsToReview(db.annotations, () => null)).toEqual([]);
  });

  it('lists nothing it had no budget to look for', () => {
    const review = annotationsToReview(annotatedV1().annotations, textOf(V2), new WorkMeter(0));
    expect(review.filter((r) => r.reason !== 'gone')).toEqual([]);
    expect(review).toEqual([]);
  });
});

describe('markReviewed', () => {
  it('attaches a moved or changed annotation where it was found, keeping what was written', () => {
    let db = annotatedV1();
    for (const item of annotationsToReview(db.annotations, textOf(V2)))
      db = markReviewed(db, item.annotation.id, { text: V2, found: item.found }, ...when(30));
    // None is lost, none listed again, and each still reads as its owner wrote it.
    expect(db.annotations).toHaveLength(4);
    expect(annotationsToReview(db.annotations, textOf(V2))).toEqual([]);
    expect(annotationsDatabaseSchema.safeParse(db).success).toBe(true);
    const moved = db.annotations.find((a) => a.id === idOf(1));
    expect(moved?.target.contentVersion).toBe(contentVersion(V2));
    expect(moved?.body.find((b) => b.purpose === 'commenting')?.value).toBe('note 0');
    expect(moved?.modified).toBe(at(30).toISOString());
    // Attached: found at its recorded position in V2 from now on.
    const found = findPassage(
      new SearchableText(V2),
      moved?.target.selector ?? [],
      new WorkMeter(),
    );
    expect(found).toMatchObject({ status: 'anchored', method: 'position' });
  });

  it('keeps a gone annotation with its quote, and lists it again when the text changes again', () => {
    let db = annotatedV1();
    db = markReviewed(db, idOf(3), { text: V2, found: null }, ...when(30));
    const kept = db.annotations.find((a) => a.id === idOf(3));
    expect(kept?.target.reviewedVersion).toBe(contentVersion(V2));
    expect(kept?.target.contentVersion).toBe(contentVersion(V1));
    expect(kept?.target.selector).toEqual(annotatedV1().annotations[2]?.target.selector);
    const ids = (text: string) =>
      annotationsToReview(db.annotations, textOf(text)).map((r) => r.annotation.id);
    expect(ids(V2)).not.toContain(idOf(3));
    expect(ids(`${V2} A third version.`)).toContain(idOf(3));
  });
});

describe('annotations schema version 3', () => {
  it('migrates a version 2 database unchanged but for its version (then stamps it)', () => {
    const current = annotatedV1();
    const v2 = { ...current, schemaVersion: 2, annotations: current.annotations.map(withoutStamp) };
    expect(ANNOTATIONS_MIGRATIONS[2]?.(v2)).toEqual({ ...v2, schemaVersion: 3 });
    const outcome = migrateAnnotationsDocument(v2);
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    expect(outcome.doc).toEqual({
      ...current,
      annotations: current.annotations.map(legacyStamped),
    });
    expect(annotationsDatabaseSchema.safeParse(outcome.doc).success).toBe(true);
  });

  it('refuses a reviewed version that is not a content version', () => {
    const db = annotatedV1();
    const [first, ...rest] = db.annotations;
    if (!first) throw new Error('no annotation');
    const bad = { ...first, target: { ...first.target, reviewedVersion: 'yesterday' } };
    expect(
      annotationsDatabaseSchema.safeParse({ ...db, annotations: [bad, ...rest] }).success,
    ).toBe(false);
  });
});
