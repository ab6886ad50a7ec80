import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAnnotations } from '../../../renderer/src/core/annotations/merge';
import {
  deleteAnnotation,
  restoreAnnotation,
  setAnnotationPrivate,
  updateAnnotation,
} from '../../../renderer/src/core/annotations/operations';
import {
  emptyAnnotationsDatabase,
  type Annotation,
  type AnnotationsDatabase,
} from '../../../renderer/src/core/annotations/schema';
import {
  annotationIdOfRecord,
  annotationRecordId,
  annotationShareScope,
  annotationWrites,
  existingToPreview,
  materializeAnnotations,
} from '../../../renderer/src/core/team/annotationRecords';
import {
  formatHlc,
  HybridClock,
  type Hlc,
  type MemberId,
} from '../../../renderer/src/core/team/hlc';
import { legacyStamp } from '../../../renderer/src/core/team/legacyStamp';
import {
  RecordSet,
  stampWrites,
  type Change,
  type TeamRecord,
} from '../../../renderer/src/core/team/records';
import { annotate, at, databaseArb, idOf, MEMBER_A, MEMBER_B, when } from './fixtures';

/** A member's machine: a clock and the changes it made, folded into its records. */
function member(id: MemberId, startSeconds = 100) {
  let seconds = startSeconds;
  const clock = new HybridClock(id, () => at(seconds).getTime());
  const records = new RecordSet();
  const changes: Change[] = [];
  let db = emptyAnnotationsDatabase();
  return {
    clock,
    records,
    changes,
    /** Sets the time this member's computer reads. */
    setTime(to: number) {
      seconds = to;
    },
    /** Takes in a teammate's changes, as reading the team folder does. */
    receive(theirs: readonly Change[]) {
      for (const change of theirs) clock.observe(change.at);
      records.apply(theirs);
      db = materializeAnnotations(records).db;
    },
    get db() {
      return db;
    },
    /** Saves `next` as the record store does: diff, stamp, fold in. */
    save(next: AnnotationsDatabase) {
      const stamped = stampWrites(annotationWrites(db, next), clock);
      records.apply(stamped);
      changes.push(...stamped);
      db = next;
      return stamped;
    },
  };
}

/** The database in id order (as materialized), stamps included. */
function sorted(db: AnnotationsDatabase): AnnotationsDatabase {
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { ...db, annotations: byId(db.annotations), tombstones: byId(db.tombstones) };
}

/** `items` in an order drawn from `seed` (files arrive in any order). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function materialized(changes: readonly Change[]): AnnotationsDatabase {
  const records = new RecordSet();
  records.apply(changes);
  return materializeAnnotations(records).db;
}

describe('annotation records: ids', () => {
  it('are the annotation’s UUID, letters, digits and dashes only', () => {
    expect(annotationRecordId(idOf(1))).toBe('00000000-0000-4000-8000-000000000001');
    expect(annotationIdOfRecord('00000000-0000-4000-8000-000000000001')).toBe(idOf(1));
    expect(annotationIdOfRecord('task-1')).toBeNull();
  });
});

describe('annotationWrites and materializeAnnotations', () => {
  it('write nothing for an unchanged database', () => {
    const { db } = annotate('open data');
    expect(annotationWrites(db, db)).toEqual([]);
    expect(annotationWrites(db, { ...db })).toEqual([]);
  });

  it('write one value register per change, a tombstone per deletion, $deleted false per undo', () => {
    const ada = member(MEMBER_A);
    const made = annotate('open data', { note: 'First' });
    const [created] = ada.save(made.db);
    expect(created).toMatchObject({
      kind: 'annotation',
      id: annotationRecordId(idOf(1)),
      set: { value: { id: idOf(1), private: false } },
    });
    // The record's stamp is the annotation's own: the value holds the rest.
    expect(created?.at).toBe(made.annotation.rev);
    expect(created?.set.value).not.toHaveProperty('rev');

    const [edited] = ada.save(updateAnnotation(ada.db, idOf(1), { note: 'Second' }, ...when(10)));
    expect(Object.keys(edited?.set ?? {})).toEqual(['value']);

    const [lastVersion] = ada.db.annotations;
    const [deleted] = ada.save(deleteAnnotation(ada.db, idOf(1), ...when(20)));
    expect(deleted?.set).toEqual({
      $deleted: true,
      tombstone: { deleted: at(20).toISOString(), docId: made.annotation.target.docId },
    });
    const gone = materializeAnnotations(ada.records).db;
    expect(gone.annotations).toEqual([]);
    expect(gone.tombstones).toEqual([
      { id: idOf(1), deleted: at(20).toISOString(), rev: deleted?.at, docId: 'case-study-cobourg' },
    ]);

    const [restored] = ada.save(restoreAnnotation(ada.db, lastVersion as Annotation, ada.clock));
    expect(restored?.set).toMatchObject({ $deleted: false });
    const shown = materializeAnnotations(ada.records).db;
    expect(shown.tombstones).toEqual([]);
    expect(sorted(shown)).toEqual(sorted(ada.db));
  });

  it('stand for the database saved, after any run of operations (model check)', () => {
    const step = fc.record({
      op: fc.constantFrom('create', 'edit', 'delete', 'restore', 'private'),
      n: fc.integer({ min: 1, max: 3 }),
      note: fc.string({ maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const ada = member(MEMBER_A);
        const deleted = new Map<string, Annotation>();
        steps.forEach(({ op, n, note }, index) => {
          const id = idOf(n);
          const live = ada.db.annotations.find((a) => a.id === id);
          let next = ada.db;
          if (op === 'create' && !live && !deleted.has(id)) {
            next = annotate('open data', { db: ada.db, id, note, clock: ada.clock }).db;
          } else if (op === 'edit' && live) {
            next = updateAnnotation(ada.db, id, { note }, ada.clock, at(index));
          } else if (op === 'delete' && live) {
            deleted.set(id, live);
            next = deleteAnnotation(ada.db, id, ada.clock, at(index));
          } else if (op === 'restore' && !live && deleted.has(id)) {
            next = restoreAnnotation(ada.db, deleted.get(id) as Annotation, ada.clock);
            deleted.delete(id);
          } else if (op === 'private' && live) {
            next = setAnnotationPrivate(ada.db, id, !live.private, ada.clock);
          }
          ada.save(next);
          expect(sorted(materializeAnnotations(ada.records).db)).toEqual(sorted(ada.db));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('merge exactly as mergeAnnotations does, in any order, once or twice (skewed clocks)', () => {
    fc.assert(
      fc.property(
        databaseArb,
        databaseArb,
        fc.integer({ min: -86_400, max: 86_400 }),
        fc.integer(),
        (mine, theirs, skew, seed) => {
          const ada = member(MEMBER_A);
          const bo = member(MEMBER_B, 100 + skew);
          ada.save(mine);
          bo.save(theirs);
          const all = [...ada.changes, ...bo.changes];
          expect(materialized(ada.changes)).toEqual(mine);
          const expected = mergeAnnotations(mine, theirs);
          const shuffled = shuffle(all, seed);
          const once = materialized(shuffled);
          expect(once).toEqual(expected);
          expect(materialized([...shuffled, ...ada.changes])).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stand for a merged file saved over a database (any files, skewed clocks)', () => {
    fc.assert(
      fc.property(databaseArb, databaseArb, (mine, theirs) => {
        const ada = member(MEMBER_A);
        ada.save(mine);
        const merged = mergeAnnotations(mine, theirs);
        ada.save(merged);
        expect(materializeAnnotations(ada.records).db).toEqual(merged);
      }),
      { numRuns: 200 },
    );
  });

  it('keep an edit made after a teammate’s deletion it had not seen, and the tombstone', () => {
    const ada = member(MEMBER_A, 0);
    const bo = member(MEMBER_B, 0);
    ada.save(annotate('open data', { clock: ada.clock }).db);
    bo.receive(ada.changes);
    // Bo deletes first; Ada, not having seen it, edits later.
    bo.setTime(5);
    bo.save(deleteAnnotation(bo.db, idOf(1), bo.clock, at(5)));
    ada.setTime(9);
    ada.save(updateAnnotation(ada.db, idOf(1), { note: 'Still relevant' }, ada.clock, at(9)));
    const merged = materialized([...ada.changes, ...bo.changes]);
    expect(merged.annotations.map((a) => a.id)).toEqual([idOf(1)]);
    expect(merged.tombstones.map((t) => t.id)).toEqual([idOf(1)]);
  });

  it('keep an edit made before an old copy was imported elsewhere (stamps are the data’s)', () => {
    const ada = member(MEMBER_A, 0);
    const made = annotate('open data', { note: 'First', clock: ada.clock });
    ada.save(made.db);
    // Ada exports, then edits at 5 s; Bo imports the old export only at 60 s.
    ada.setTime(5);
    ada.save(updateAnnotation(ada.db, idOf(1), { note: 'Second' }, ada.clock));
    const bo = member(MEMBER_B, 60);
    bo.save(mergeAnnotations(bo.db, made.db));
    const merged = materialized([...bo.changes, ...ada.changes]);
    expect(merged.annotations.map((a) => a.body[1]?.value)).toEqual(['Second']);
    expect(merged).toEqual(materialized([...ada.changes, ...bo.changes]));
  });

  it('make data from before clocks this member’s, in the order its times gave it', () => {
    const legacy = (seconds: number, note: string) => {
      const { annotation } = annotate('open data', { note, now: at(seconds) });
      return { ...annotation, rev: legacyStamp(annotation.modified) as Hlc };
    };
    const ada = member(MEMBER_A);
    const bo = member(MEMBER_B);
    ada.save({ ...emptyAnnotationsDatabase(), annotations: [legacy(5, 'Ada’s later edit')] });
    bo.save({ ...emptyAnnotationsDatabase(), annotations: [legacy(3, 'Bo’s older copy')] });
    expect(ada.changes.map((c) => c.at)).toEqual([formatHlc(at(5).getTime(), 0, MEMBER_A)]);
    const merged = materialized([...bo.changes, ...ada.changes]);
    expect(merged.annotations.map((a) => a.body[1]?.value)).toEqual(['Ada’s later edit']);
  });

  it('reuse unchanged objects, and the database itself when nothing changed', () => {
    const ada = member(MEMBER_A);
    let db = annotate('open data', { id: idOf(1), clock: ada.clock }).db;
    db = annotate('by a third', { db, id: idOf(2), clock: ada.clock }).db;
    ada.save(db);
    const first = materializeAnnotations(ada.records);
    expect(materializeAnnotations(ada.records, first).db).toBe(first.db);
    ada.save(updateAnnotation(first.db, idOf(2), { note: 'x' }, ada.clock));
    const second = materializeAnnotations(ada.records, first);
    expect(second.db).not.toBe(first.db);
    expect(second.db.annotations[0]).toBe(first.db.annotations[0]);
    expect(second.db.annotations[1]).not.toBe(first.db.annotations[1]);
  });

  it('leave out a teammate’s invalid record with a notice, never a crash', () => {
    const good = annotate('open data', { id: idOf(1) }).annotation;
    const stamp = formatHlc(at(5).getTime(), 0, MEMBER_B);
    const change = (id: string, set: Change['set']): Change => ({
      kind: 'annotation',
      id,
      at: stamp,
      set,
    });
    const records = new RecordSet();
    records.apply([
      change(annotationRecordId(idOf(1)), { value: { ...good, rev: undefined } as never }),
      change(annotationRecordId(idOf(2)), { value: 'not an annotation' }),
      change(annotationRecordId(idOf(3)), { value: { ...good, body: [] } }),
      // Its value says it is annotation 1: a record must not stand for another.
      change(annotationRecordId(idOf(4)), { value: { ...good, rev: undefined } as never }),
      change('not-a-uuid', { value: null }),
      change(annotationRecordId(idOf(5)), { $deleted: true, tombstone: { deleted: 'soon' } }),
    ]);
    const { db, notices } = materializeAnnotations(records);
    expect(db.annotations.map((a) => [a.id, a.rev])).toEqual([[idOf(1), stamp]]);
    expect(db.tombstones).toEqual([{ id: idOf(5), deleted: at(5).toISOString(), rev: stamp }]);
    expect(notices).toEqual([
      {
        code: 'recordSkipped',
        kind: 'annotation',
        recordId: annotationRecordId(idOf(2)),
        field: 'value',
      },
      {
        code: 'recordSkipped',
        kind: 'annotation',
        recordId: annotationRecordId(idOf(3)),
        field: 'value',
      },
      {
        code: 'recordSkipped',
        kind: 'annotation',
        recordId: annotationRecordId(idOf(4)),
        field: 'value',
      },
      {
        code: 'fieldDefaulted',
        kind: 'annotation',
        recordId: annotationRecordId(idOf(5)),
        field: 'tombstone',
      },
      { code: 'recordSkipped', kind: 'annotation', recordId: 'not-a-uuid', field: 'id' },
    ]);
  });
});

describe('annotationShareScope and existingToPreview', () => {
  const joinedAt = formatHlc(at(50).getTime(), 0, MEMBER_A);

  /** Ada's records: one made before joining, one after, one private after, one deleted. */
  function adasRecords() {
    const ada = member(MEMBER_A, 60);
    let db = annotate('open data', { id: idOf(1), now: at(10), clock: ada.clock }).db;
    db = annotate('by a third', { db, id: idOf(2), now: at(60), clock: ada.clock }).db;
    db = annotate('a small pilot', { db, id: idOf(3), now: at(60), clock: ada.clock }).db;
    db = setAnnotationPrivate(db, idOf(3), true, ada.clock);
    db = annotate('The Town of Cobourg', { db, id: idOf(4), now: at(60), clock: ada.clock }).db;
    db = deleteAnnotation(db, idOf(4), ada.clock, at(61));
    ada.save(db);
    const record = (n: number) =>
      ada.records.get('annotation', annotationRecordId(idOf(n))) as TeamRecord;
    return { ada, record };
  }

  it('shares nothing before joining, and nothing that is not an annotation', () => {
    const { record } = adasRecords();
    const scope = annotationShareScope({ joinedAt: null, existingConfirmed: true });
    expect([1, 2, 3, 4].map((n) => scope(record(n)))).toEqual([false, false, false, false]);
    const joined = annotationShareScope({ joinedAt, existingConfirmed: true });
    expect(joined({ ...record(2), kind: 'task' })).toBe(false);
  });

  it('never shares a private annotation, deleted or not; shares later ones and deletions', () => {
    const { ada, record } = adasRecords();
    const scope = annotationShareScope({ joinedAt, existingConfirmed: false });
    expect([1, 2, 3, 4].map((n) => scope(record(n)))).toEqual([false, true, false, true]);
    ada.save(deleteAnnotation(materializeAnnotations(ada.records).db, idOf(3), ada.clock));
    expect(scope(record(3))).toBe(false);
  });

  it('shares the ones made before joining only once the preview is confirmed', () => {
    const { ada, record } = adasRecords();
    const db = materializeAnnotations(ada.records).db;
    expect(existingToPreview(db, joinedAt).map((a) => a.id)).toEqual([idOf(1)]);
    expect(existingToPreview(db, null).map((a) => a.id)).toEqual([idOf(1), idOf(2)]);
    const confirmed = annotationShareScope({ joinedAt, existingConfirmed: true });
    expect([1, 2, 3, 4].map((n) => confirmed(record(n)))).toEqual([true, true, false, true]);
  });

  it('shares an edit of a teammate’s annotation made before joining, and does not preview it', () => {
    const bo = member(MEMBER_B, 10);
    bo.save(annotate('open data', { id: idOf(1), now: at(10), clock: bo.clock }).db);
    const ada = member(MEMBER_A, 60);
    ada.records.apply(bo.changes);
    const db = materializeAnnotations(ada.records).db;
    ada.save(updateAnnotation(db, idOf(1), { note: 'Mine too' }, ada.clock));
    const scope = annotationShareScope({ joinedAt, existingConfirmed: false });
    expect(scope(ada.records.get('annotation', annotationRecordId(idOf(1))) as TeamRecord)).toBe(
      true,
    );
    expect(existingToPreview(db, joinedAt, ada.records)).toEqual([]);
    expect(existingToPreview(db, joinedAt).map((a) => a.id)).toEqual([idOf(1)]);
  });
});
