import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_KEY,
  createAnnotationsStore,
} from '../../../renderer/src/core/annotations/annotationsStore';
import {
  ANNOTATIONS_MIGRATIONS,
  migrateAnnotationsDocument,
} from '../../../renderer/src/core/annotations/migrations';
import { deleteAnnotation } from '../../../renderer/src/core/annotations/operations';
import { parseAnnotationsDocument } from '../../../renderer/src/core/annotations/parseAnnotationsDocument';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  emptyAnnotationsDatabase,
  type Annotation,
} from '../../../renderer/src/core/annotations/schema';
import { MemoryStorage } from '../store/MemoryStorage';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import {
  annotationRecordId,
  annotationWrites,
} from '../../../renderer/src/core/team/annotationRecords';
import { formatHlc } from '../../../renderer/src/core/team/hlc';
import { stampWrites } from '../../../renderer/src/core/team/records';
import { legacyStamp } from '../../../renderer/src/core/team/legacyStamp';
import {
  annotate,
  at,
  clockAt,
  DOC_A,
  idOf,
  legacyStamped,
  MEMBER_A,
  MEMBER_B,
  when,
  withoutStamp,
} from './fixtures';

/** A database as version 1 of the toolkit wrote it: meaning as a field, `deletedAt`. */
function versionOneDocument() {
  const { annotation } = annotate('open data', { note: 'Ask', tags: ['x'], meaning: 'concern' });
  const { body, ...rest } = withoutStamp(annotation) as Annotation;
  return {
    schemaVersion: 1,
    annotations: [
      { ...rest, meaning: 'concern', body: body.filter((b) => b.purpose !== 'classifying') },
    ],
    tombstones: [{ id: idOf(8), deletedAt: at(3).toISOString() }],
  };
}

describe('annotations migrations', () => {
  it('has one step for every version below the current one', () => {
    for (let v = 1; v < ANNOTATIONS_SCHEMA_VERSION; v++)
      expect(ANNOTATIONS_MIGRATIONS[v]).toBeTypeOf('function');
  });

  it('moves a version 1 meaning into a classifying body and renames deletedAt', () => {
    const outcome = migrateAnnotationsDocument(versionOneDocument());
    expect(outcome.ok).toBe(true);
    const parsed = parseAnnotationsDocument(versionOneDocument());
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.data).toEqual({
      schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
      annotations: [
        legacyStamped(
          annotate('open data', { note: 'Ask', tags: ['x'], meaning: 'concern' }).annotation,
        ),
      ],
      tombstones: [
        { id: idOf(8), deleted: at(3).toISOString(), rev: legacyStamp(at(3).toISOString()) },
      ],
    });
  });

  it('gives version 3 records the stamps of their times, the same on every machine', () => {
    const { db } = annotate('open data', { note: 'Ask', now: at(7) });
    const deleted = deleteAnnotation(
      annotate('by a third', { db, id: idOf(2) }).db,
      idOf(2),
      ...when(9),
    );
    const v3 = {
      schemaVersion: 3,
      annotations: deleted.annotations.map(withoutStamp),
      tombstones: deleted.tombstones.map((t) => ({ id: t.id, deleted: t.deleted, docId: t.docId })),
    };
    const parsed = parseAnnotationsDocument(JSON.parse(JSON.stringify(v3)));
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(3);
    expect(parsed.data).toEqual({
      schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
      annotations: deleted.annotations.map(legacyStamped),
      tombstones: [
        {
          id: idOf(2),
          deleted: at(9).toISOString(),
          rev: '1793523609000-0000-0000000000000000',
          docId: DOC_A,
        },
      ],
    });
    expect(parsed.data.annotations[0]?.rev).toBe('1793523607000-0000-0000000000000000');
    // Migrating again (another machine, another day) derives the very same stamps.
    expect(parseAnnotationsDocument(JSON.parse(JSON.stringify(v3))).data).toEqual(parsed.data);
  });

  it('leaves a version 3 record whose time is not a time without a stamp, and drops it', () => {
    const { annotation } = annotate('open data');
    const parsed = parseAnnotationsDocument({
      schemaVersion: 3,
      annotations: [{ ...withoutStamp(annotation), modified: 'last week' }],
      tombstones: [{ id: idOf(3), deleted: '1969-12-31T00:00:00.000Z' }],
    });
    expect(parsed.data.annotations).toEqual([]);
    expect(parsed.data.tombstones).toEqual([]);
    expect(parsed.issues).toHaveLength(2);
  });

  it('refuses a document from a newer version and an unversioned one', () => {
    expect(
      migrateAnnotationsDocument({ schemaVersion: ANNOTATIONS_SCHEMA_VERSION + 1 }),
    ).toMatchObject({
      ok: false,
      reason: 'newer',
    });
    expect(migrateAnnotationsDocument({})).toMatchObject({ ok: false, reason: 'unversioned' });
  });
});

describe('parseAnnotationsDocument', () => {
  it('accepts a valid current database as it is', () => {
    const { db } = annotate('open data');
    expect(parseAnnotationsDocument(db)).toEqual({ data: db, issues: [] });
  });

  it('salvages a damaged database item by item and says what it dropped', () => {
    const { db } = annotate('open data');
    const older = annotate('open data', { note: 'older', now: at(-5) }).annotation;
    const raw = {
      ...db,
      annotations: [...db.annotations, { id: 'bad' }, older],
      tombstones: [{ id: idOf(3), deleted: 'never', rev: legacyStamp(at(0).toISOString()) }],
    };
    const parsed = parseAnnotationsDocument(raw);
    expect(parsed.data.annotations).toEqual(db.annotations);
    expect(parsed.data.tombstones).toEqual([]);
    expect(wordProblems(parsed.issues, 'document')).toEqual([
      'annotations.1.id: must be an id such as urn:uuid:<uuid> (lowercase); item dropped',
      `annotations.2.id: "${idOf(1)}" is listed twice; kept the later version`,
      'tombstones.0.deleted: must be a UTC date and time such as 2026-11-26T14:05:00.000Z; item dropped',
    ]);
  });

  it('starts empty from something that is not an object', () => {
    expect(parseAnnotationsDocument([1, 2]).data).toEqual(emptyAnnotationsDatabase());
  });
});

describe('annotations store (records over host storage)', () => {
  it('saves each change as a small log write and reloads the same database', async () => {
    const storage = new MemoryStorage();
    const store = createAnnotationsStore(storage, undefined, MEMBER_A);
    expect((await store.load()).report).toEqual({ status: 'missing' });
    const { db } = annotate('open data', { note: 'Keep', clock: store.clock() });
    const saved = deleteAnnotation(
      annotate('by a third', { db, id: idOf(2), clock: store.clock() }).db,
      idOf(2),
      store.clock(),
      at(9),
    );
    await store.save(saved);
    expect(ANNOTATIONS_KEY).toBe('annotations');
    expect([...storage.documents.keys()]).toEqual(['annotations-log-1']);
    // The record's stamps are the annotations' own.
    const stamps = [...store.records().all()].map((r) => r.fields.value?.at);
    expect(stamps).toContain(saved.annotations[0]?.rev);

    const reloaded = createAnnotationsStore(storage, undefined, MEMBER_A);
    await expect(reloaded.load()).resolves.toEqual({ data: saved, report: { status: 'ok' } });
    // Later stamps come after every stored one, even from a clock reading earlier.
    expect(reloaded.clock().tick() > (saved.tombstones[0]?.rev ?? '')).toBe(true);
  });

  it('moves a format 3 document into records with nothing lost, and keeps it as the backup', async () => {
    let db = annotate('open data', { note: 'Keep', now: at(1) }).db;
    db = annotate('by a third', { db, id: idOf(2), now: at(2), tags: ['x'] }).db;
    db = annotate('a small pilot', { db, id: idOf(3), now: at(3) }).db;
    db = deleteAnnotation(db, idOf(3), ...when(4));
    const v3 = JSON.stringify({
      schemaVersion: 3,
      annotations: db.annotations.map(withoutStamp),
      tombstones: db.tombstones.map((t) => ({ id: t.id, deleted: t.deleted, docId: t.docId })),
    });
    const storage = new MemoryStorage();
    storage.documents.set('annotations', v3);
    const store = createAnnotationsStore(storage, undefined, MEMBER_A);
    const { data, report } = await store.load();
    expect(report).toEqual({ status: 'ok', migratedFrom: 3, migratedFromDocument: 'annotations' });
    // Every annotation and deletion, stamped as of its time, now in this member's name.
    const mine = (time: string) => formatHlc(Date.parse(time), 0, MEMBER_A);
    expect(data).toEqual({
      schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
      annotations: db.annotations.map((a) => ({ ...a, rev: mine(a.modified) })),
      tombstones: db.tombstones.map((t) => ({ ...t, rev: mine(t.deleted) })),
    });
    expect(storage.documents.get('annotations')).toBe(v3);
    expect(storage.documents.has('annotations-records')).toBe(true);

    // Read again: from the records, not the backup, which stays as it was.
    const reloaded = createAnnotationsStore(storage, undefined, MEMBER_A);
    await expect(reloaded.load()).resolves.toEqual({ data, report: { status: 'ok' } });
    expect(storage.documents.get('annotations')).toBe(v3);
  });

  it('merges a teammate’s changes, keeps them locally, and leaves out an invalid one', async () => {
    const storage = new MemoryStorage();
    const store = createAnnotationsStore(storage, undefined, MEMBER_A);
    await store.load();
    await store.save(annotate('open data', { note: 'Mine', now: at(1), clock: store.clock() }).db);
    // Bo's annotation, and a record of his that is not an annotation at all.
    const bos = annotate('by a third', {
      id: idOf(2),
      author: 'Bo Chen',
      clock: clockAt(5, MEMBER_B),
    });
    const bad = {
      kind: 'annotation' as const,
      id: annotationRecordId(idOf(3)),
      at: bos.annotation.rev,
      set: { value: 'x' },
    };
    const theirs = [
      ...stampWrites(annotationWrites(emptyAnnotationsDatabase(), bos.db), clockAt(5, MEMBER_B)),
      bad,
    ];
    const { data, saved } = store.mergeRemote(theirs);
    await saved;
    expect(data?.annotations.map((a) => [a.id, a.creator.name])).toEqual([
      [idOf(1), 'Ada Lovelace'],
      [idOf(2), 'Bo Chen'],
    ]);
    expect(data?.annotations[1]).toEqual(bos.annotation);
    expect(store.notices()).toEqual([
      { code: 'recordSkipped', kind: 'annotation', recordId: bad.id, field: 'value' },
    ]);
    // Stored here: a team folder that disappears loses nothing.
    const reloaded = createAnnotationsStore(storage, undefined, MEMBER_A);
    expect((await reloaded.load()).data).toEqual(data);
  });

  it('migrates a version 1 document on load and says so', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('annotations', JSON.stringify(versionOneDocument()));
    const store = createAnnotationsStore(storage, undefined, MEMBER_A);
    const { data, report } = await store.load();
    expect(report).toEqual({ status: 'ok', migratedFrom: 1, migratedFromDocument: 'annotations' });
    expect(data.annotations[0]?.body[0]).toMatchObject({
      purpose: 'classifying',
      value: 'concern',
    });
  });

  it('keeps the original aside before a repaired database can be saved over it', async () => {
    const storage = new MemoryStorage();
    const original = JSON.stringify({
      schemaVersion: 2,
      annotations: [{ id: 'bad' }],
      tombstones: [],
    });
    storage.documents.set('annotations', original);
    const store = createAnnotationsStore(storage, undefined, MEMBER_A);
    const { data, report } = await store.load();
    expect(report).toMatchObject({ status: 'repaired', keptCopyAs: 'annotations-invalid' });
    expect(storage.documents.get('annotations-invalid')).toBe(original);
    expect(data).toEqual(emptyAnnotationsDatabase());
  });
});
