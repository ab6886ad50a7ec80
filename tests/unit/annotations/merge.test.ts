import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAnnotations, previewMerge } from '../../../renderer/src/core/annotations/merge';
import {
  deleteAnnotation,
  restoreAnnotation,
  updateAnnotation,
} from '../../../renderer/src/core/annotations/operations';
import {
  emptyAnnotationsDatabase,
  type AnnotationsDatabase,
} from '../../../renderer/src/core/annotations/schema';
import { compareHlc, formatHlc, HybridClock } from '../../../renderer/src/core/team/hlc';
import {
  annotate,
  annotationSetArb,
  at,
  CASE_STUDY_TEXT,
  clockAt,
  DOC_A,
  idOf,
  MEMBER_A,
  MEMBER_B,
  when,
} from './fixtures';

const none = { annotations: [], tombstones: [] };

/**
 * The sets hold few ids, stamps from three members whose clocks are up to a day apart, ties of
 * stamps with different content, tombstones stamped before and after edits, and wall times
 * (`modified`, `deleted`) unrelated to the stamps: whatever order members' files arrive in, and
 * however often, every machine ends with the same database.
 */
describe('mergeAnnotations: laws (property-based, skewed clocks and tombstones)', () => {
  it('is commutative: merging A with B equals merging B with A', () => {
    fc.assert(
      fc.property(annotationSetArb, annotationSetArb, (a, b) => {
        expect(mergeAnnotations(a, b)).toEqual(mergeAnnotations(b, a));
      }),
      { numRuns: 300 },
    );
  });

  it('is associative: (A with B) with C equals A with (B with C)', () => {
    fc.assert(
      fc.property(annotationSetArb, annotationSetArb, annotationSetArb, (a, b, c) => {
        expect(mergeAnnotations(mergeAnnotations(a, b), c)).toEqual(
          mergeAnnotations(a, mergeAnnotations(b, c)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: merging the same set twice equals merging it once', () => {
    fc.assert(
      fc.property(annotationSetArb, annotationSetArb, (a, b) => {
        const once = mergeAnnotations(a, b);
        expect(mergeAnnotations(once, b)).toEqual(once);
        expect(mergeAnnotations(once, once)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('never loses an annotation unless a tombstone stamped at or after its last change covers it', () => {
    fc.assert(
      fc.property(annotationSetArb, annotationSetArb, (a, b) => {
        const merged = mergeAnnotations(a, b);
        const ids = new Set(merged.annotations.map((x) => x.id));
        for (const annotation of [...a.annotations, ...b.annotations]) {
          if (ids.has(annotation.id)) continue;
          const tombstone = merged.tombstones.find((t) => t.id === annotation.id);
          expect(tombstone).toBeDefined();
          expect(
            compareHlc(tombstone?.rev ?? annotation.rev, annotation.rev),
          ).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the version with the latest stamp, whatever its wall time says', () => {
    fc.assert(
      fc.property(annotationSetArb, annotationSetArb, (a, b) => {
        const merged = mergeAnnotations(a, b);
        for (const kept of merged.annotations) {
          for (const other of [...a.annotations, ...b.annotations]) {
            if (other.id === kept.id)
              expect(compareHlc(kept.rev, other.rev)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeAnnotations: rules', () => {
  const mine = annotate('open data', { note: 'first thought', now: at(0) });

  it('keeps the later stamped version of the same annotation', () => {
    const edited = updateAnnotation(mine.db, idOf(1), { note: 'second thought' }, ...when(10));
    const merged = mergeAnnotations(mine.db, edited);
    expect(merged.annotations).toEqual(edited.annotations);
    expect(mergeAnnotations(edited, mine.db)).toEqual(merged);
  });

  it('orders by stamp, not by wall time: an edit from a laptop a day slow still wins', () => {
    // Bo's laptop reads a day earlier; having seen Ada's annotation, Bo's edit is stamped later.
    const slow = new HybridClock(MEMBER_B, () => at(0).getTime() - 24 * 60 * 60 * 1000);
    const edited = updateAnnotation(mine.db, idOf(1), { note: 'Bo’s thought' }, slow, at(-86_400));
    const [bos] = edited.annotations;
    expect(Date.parse(bos?.modified ?? '')).toBe(Date.parse(mine.annotation.modified));
    expect(compareHlc(bos?.rev ?? mine.annotation.rev, mine.annotation.rev)).toBeGreaterThan(0);
    expect(mergeAnnotations(mine.db, edited).annotations).toEqual(edited.annotations);
    // And a later stamp wins over a later wall time from a clock running fast.
    const fastAndOld = { ...mine.annotation, modified: at(999_999).toISOString() };
    expect(
      mergeAnnotations({ annotations: [fastAndOld], tombstones: [] }, edited).annotations,
    ).toEqual(edited.annotations);
  });

  it('breaks a tie of stamps (a hand-edited file) the same way whichever side holds which copy', () => {
    const other = updateAnnotation(mine.db, idOf(1), { note: 'other' }, ...when(5));
    const another = updateAnnotation(mine.db, idOf(1), { note: 'another' }, ...when(5));
    expect(other.annotations[0]?.rev).toBe(another.annotations[0]?.rev);
    expect(mergeAnnotations(other, another)).toEqual(mergeAnnotations(another, other));
  });

  it('keeps other people’s annotations with their author', () => {
    const theirs = annotate('by a third', { id: idOf(2), author: 'Bo Chen', note: 'Check' });
    const merged = mergeAnnotations(mine.db, theirs.db);
    expect(merged.annotations.map((a) => [a.id, a.creator.name])).toEqual([
      [idOf(1), 'Ada Lovelace'],
      [idOf(2), 'Bo Chen'],
    ]);
  });

  it('lets a deletion travel: a deleted note does not come back from an older copy', () => {
    const deleted = deleteAnnotation(mine.db, idOf(1), ...when(20));
    const merged = mergeAnnotations(deleted, mine.db);
    expect(merged.annotations).toEqual([]);
    expect(merged.tombstones).toEqual([
      {
        id: idOf(1),
        deleted: at(20).toISOString(),
        rev: formatHlc(at(20).getTime(), 0, MEMBER_A),
        docId: DOC_A,
      },
    ]);
    // And the other way round: the owner of the old copy receives the deletion.
    expect(mergeAnnotations(mine.db, deleted)).toEqual(merged);
  });

  it('deletes when the tombstone has the same stamp as the last change', () => {
    const tombstone = {
      id: idOf(1),
      deleted: mine.annotation.modified,
      rev: mine.annotation.rev,
    };
    const merged = mergeAnnotations(mine.db, { annotations: [], tombstones: [tombstone] });
    expect(merged.annotations).toEqual([]);
  });

  it('keeps an annotation edited after it was deleted elsewhere, and the tombstone too', () => {
    const deletedEarly = deleteAnnotation(mine.db, idOf(1), ...when(5));
    const editedLater = updateAnnotation(mine.db, idOf(1), { note: 'still relevant' }, ...when(9));
    const merged = mergeAnnotations(deletedEarly, editedLater);
    expect(merged.annotations).toEqual(editedLater.annotations);
    expect(merged.tombstones).toHaveLength(1);
  });

  it('lets an undone deletion win over the deletion that already left', () => {
    const deleted = deleteAnnotation(mine.db, idOf(1), ...when(20));
    // The clock here reads earlier than the deletion's stamp: the restore still comes after it.
    const restored = restoreAnnotation(deleted, mine.annotation, clockAt(10));
    expect(restored.tombstones).toEqual([]);
    expect(mergeAnnotations(restored, deleted).annotations).toEqual(restored.annotations);
    expect(mergeAnnotations(deleted, restored).annotations).toEqual(restored.annotations);
  });
});

describe('previewMerge', () => {
  function localDb(): AnnotationsDatabase {
    let db = annotate('open data', { id: idOf(1), now: at(0) }).db;
    db = annotate('by a third', { db, id: idOf(2), now: at(0) }).db;
    db = annotate('The Town of Cobourg', { db, id: idOf(3), now: at(0) }).db;
    return db;
  }
  const textOf = (docId: string) => (docId === DOC_A ? CASE_STUDY_TEXT : null);

  it('counts new, updated, unchanged, deleted and orphaned annotations', () => {
    const local = localDb();
    let incoming = updateAnnotation(local, idOf(1), { note: 'newer' }, ...when(30)); // updated
    incoming = deleteAnnotation(incoming, idOf(2), ...when(30)); // deletes a local one
    incoming = annotate('a small pilot', { db: incoming, id: idOf(4), author: 'Bo Chen' }).db; // new
    // New, on a document this library does not have: orphaned.
    incoming = annotate('Other', {
      db: incoming,
      id: idOf(5),
      docId: 'guide-1-assess-readiness' as typeof DOC_A,
      text: 'Other text',
    }).db;

    const preview = previewMerge(local, incoming, textOf);

    expect(preview.counts).toEqual({ added: 2, updated: 1, unchanged: 1, deleted: 1, orphaned: 1 });
    expect(preview.added.map((a) => a.id)).toEqual([idOf(4), idOf(5)]);
    expect(preview.updated.map((a) => a.id)).toEqual([idOf(1)]);
    expect(preview.unchanged.map((a) => a.id)).toEqual([idOf(3)]);
    expect(preview.deleted.map((a) => a.id)).toEqual([idOf(2)]);
    expect(preview.orphaned.map((a) => a.id)).toEqual([idOf(5)]);
    expect(preview.merged).toEqual(mergeAnnotations(local, incoming));
    expect(preview.changesAnything).toBe(true);
  });

  it('searches one document within one budget for the whole file, not one per annotation', () => {
    // A long document, then replaced by unrelated text: every long quote is truly lost, and each
    // costs an approximate search over the whole new text. A budget per annotation would search
    // them all; the shared budget stops, and leaves the rest for the reader to look for.
    const words = (step: number, modulus: number, count: number) =>
      Array.from({ length: count }, (_, i) => `w${((i * step) % modulus).toString(36)}`).join(' ');
    const original = words(7919, 9973, 30_000);
    let incoming = emptyAnnotationsDatabase();
    for (let n = 0; n < 120; n++) {
      const start = 1_000 + n * 1_000;
      incoming = annotate(original.slice(start, start + 1_500), {
        db: incoming,
        id: idOf(100 + n),
        text: original,
      }).db;
    }
    const replaced = words(6007, 8191, 40_000);
    const preview = previewMerge(emptyAnnotationsDatabase(), incoming, () => replaced);
    expect(preview.counts.added).toBe(120);
    expect(preview.counts.orphaned).toBeGreaterThan(0);
    // Each search costs about 400k units here: the 25M budget covers about 64 of the 120.
    expect(preview.counts.orphaned).toBeLessThan(120);
  });

  it('lists an annotation as orphaned when its document changed and its quote is gone', () => {
    const incoming = annotate('by a third', { id: idOf(9) }).db;
    const changed = CASE_STUDY_TEXT.replace('by a third', 'by half');
    const preview = previewMerge(emptyAnnotationsDatabase(), incoming, () => changed);
    expect(preview.orphaned.map((a) => a.id)).toEqual([idOf(9)]);
    const stillThere = previewMerge(
      emptyAnnotationsDatabase(),
      incoming,
      () => `Intro. ${CASE_STUDY_TEXT}`,
    );
    expect(stillThere.counts.orphaned).toBe(0);
  });

  it('reports that merging the same file a second time changes nothing', () => {
    const local = localDb();
    const incoming = annotate('a small pilot', { id: idOf(4), author: 'Bo Chen' }).db;
    const once = mergeAnnotations(local, incoming);
    const again = previewMerge(once, incoming, textOf);
    expect(again.changesAnything).toBe(false);
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 1, deleted: 0, orphaned: 0 });
    expect(mergeAnnotations(once, incoming)).toEqual(once);
  });

  it('counts an incoming copy older than ours as unchanged', () => {
    const local = updateAnnotation(localDb(), idOf(1), { note: 'mine, later' }, ...when(50));
    const preview = previewMerge(local, localDb(), textOf);
    expect(preview.counts.updated).toBe(0);
    expect(preview.counts.unchanged).toBe(3);
    expect(preview.changesAnything).toBe(false);
    expect(mergeAnnotations(none, local).annotations[0]?.body).toEqual(
      preview.merged.annotations[0]?.body,
    );
  });
});
