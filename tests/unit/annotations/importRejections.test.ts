import { describe, expect, it } from 'vitest';
import { serializeAnnotationCollection } from '../../../renderer/src/core/annotations/exchange/annotationCollection';
import { importAnnotationCollection } from '../../../renderer/src/core/annotations/exchange/importAnnotationCollection';
import { mergeAnnotations } from '../../../renderer/src/core/annotations/merge';
import {
  deleteAnnotation,
  updateAnnotation,
} from '../../../renderer/src/core/annotations/operations';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  emptyAnnotationsDatabase,
  type AnnotationsDatabase,
} from '../../../renderer/src/core/annotations/schema';
import { formatHlc } from '../../../renderer/src/core/team/hlc';
import { LEGACY_MEMBER, legacyStamp } from '../../../renderer/src/core/team/legacyStamp';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { annotate, at, clockAt, idOf, KNOWN_DOCS, MEMBER_B, when } from './fixtures';

const none = { annotations: [], tombstones: [] };

/** A deletion, stamped by another member. */
const TOMBSTONE = { id: idOf(7), deleted: at(9).toISOString(), rev: clockAt(9, MEMBER_B).tick() };

/** A valid two-annotation export, as a plain object to break in each case. */
function validFile(): Record<string, unknown> {
  let db = annotate('open data', { id: idOf(1), note: 'Follow up', tags: ['open-data'] }).db;
  db = annotate('by a third', { db, id: idOf(2), author: 'Bo Chen' }).db;
  return JSON.parse(
    serializeAnnotationCollection(
      { annotations: db.annotations, tombstones: [TOMBSTONE] },
      { now: at(60), id: idOf(99) },
    ),
  ) as Record<string, unknown>;
}

/** The file's first item, to change one field of it. */
function item(file: Record<string, unknown>, index = 0): Record<string, unknown> {
  return (file.first as { items: Record<string, unknown>[] }).items[index] ?? {};
}

function target(file: Record<string, unknown>): Record<string, unknown> {
  return item(file).target as Record<string, unknown>;
}

function edit(change: (file: Record<string, unknown>) => void): string {
  const file = validFile();
  change(file);
  return JSON.stringify(file, null, 2);
}

/** Annotation 1 as it is in the valid file, but with a different note under the same stamp. */
function localWithConflict(): AnnotationsDatabase {
  const file = validFile();
  const first = item(file) as unknown as AnnotationsDatabase['annotations'][number];
  const changed = updateAnnotation(
    { ...emptyAnnotationsDatabase(), annotations: [first] },
    idOf(1),
    { note: 'A different note' },
    ...when(0),
  );
  // Same stamp as the file's copy (only a hand-edited file makes one), different content.
  const [annotation] = changed.annotations;
  if (!annotation) throw new Error('no annotation');
  return { ...changed, annotations: [{ ...annotation, rev: first.rev }] };
}

const TWENTY_ONE_MB = 21 * 1024 * 1024;

/** Each case: what is wrong, the file text, and a fragment every refusal must contain. */
const cases: [string, () => string, string, AnnotationsDatabase?][] = [
  ['an empty file', () => '', '(file): the file is empty'],
  ['a file of spaces only', () => '  \n\t ', '(file): the file is empty'],
  [
    'a file over 20 MB',
    () => `{"type":"AnnotationCollection","label":"${'x'.repeat(TWENTY_ONE_MB)}"}`,
    '(file): the file is larger than 20 MB',
  ],
  [
    'a truncated file',
    () => {
      const text = edit(() => undefined);
      return text.slice(0, Math.floor(text.length / 2));
    },
    'the file ends too early',
  ],
  [
    'text that is not JSON',
    () => '{"type": "AnnotationCollection",}',
    '(file): not valid JSON at line 1',
  ],
  ['a JSON list', () => '[]', 'type: expected "AnnotationCollection"'],
  [
    'another kind of file',
    () => '{"type":"Plan","plans":[]}',
    'type: expected "AnnotationCollection"',
  ],
  [
    'a __proto__ key at the top',
    () =>
      edit((f) =>
        Object.defineProperty(f, '__proto__', { value: { polluted: true }, enumerable: true }),
      ),
    '__proto__: the key "__proto__" is not allowed',
  ],
  [
    'a __proto__ key inside an annotation (raw text)',
    () =>
      edit(() => undefined).replace(
        '"type": "Annotation",',
        '"type": "Annotation", "__proto__": {"isAdmin": true},',
      ),
    'first.items.0.__proto__: the key "__proto__" is not allowed',
  ],
  [
    'a constructor key',
    () =>
      edit(
        (f) => (item(f).creator = { type: 'Person', name: 'X', constructor: { prototype: {} } }),
      ),
    'first.items.0.creator.constructor: the key "constructor" is not allowed',
  ],
  [
    'a prototype key',
    () => edit((f) => (f.prototype = {})),
    'prototype: the key "prototype" is not allowed',
  ],
  [
    'nesting deeper than any real file',
    () => edit((f) => (f.label = JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) as unknown)),
    'nested more than 64 levels deep',
  ],
  [
    'no schemaVersion',
    () => edit((f) => delete f.schemaVersion),
    `schemaVersion: expected a whole number from 1 to ${ANNOTATIONS_SCHEMA_VERSION}`,
  ],
  [
    'a newer schemaVersion',
    () => edit((f) => (f.schemaVersion = 99)),
    'made by a newer version of OnMuni Toolkit',
  ],
  [
    'a wrong @context',
    () => edit((f) => (f['@context'] = 'https://example.com')),
    '@context: must be "http://www.w3.org/ns/anno.jsonld"',
  ],
  ['a missing page', () => edit((f) => delete f.first), 'first:'],
  [
    'a total that does not match',
    () => edit((f) => (f.total = 5)),
    'total: says 5 annotations but the file holds 2',
  ],
  [
    'an invalid id',
    () => edit((f) => (item(f).id = '../../etc/passwd')),
    'first.items.0.id: must be an id such as urn:uuid:',
  ],
  [
    'an id listed twice',
    () => edit((f) => (item(f, 1).id = idOf(1))),
    'first.items.1.id: is listed twice',
  ],
  [
    'a tombstone listed twice',
    () =>
      edit(
        (f) =>
          (f.tombstones = [
            { ...TOMBSTONE, deleted: at(1).toISOString() },
            { ...TOMBSTONE, deleted: at(2).toISOString() },
          ]),
      ),
    'tombstones.1.id: is listed twice',
  ],
  [
    'a bad tombstone time',
    () => edit((f) => (f.tombstones = [{ ...TOMBSTONE, deleted: 'yesterday' }])),
    'tombstones.0.deleted: must be a UTC date and time',
  ],
  [
    'a bad clock stamp',
    () => edit((f) => (item(f).rev = '2026-11-01T09:00:00.000Z')),
    'first.items.0.rev: must be a clock stamp such as 1764166200000-0000-0000000000000000',
  ],
  [
    'a tombstone without a clock stamp',
    () => edit((f) => (f.tombstones = [{ id: idOf(7), deleted: at(9).toISOString() }])),
    'tombstones.0.rev: ',
  ],
  [
    'a private flag that is not true or false',
    () => edit((f) => (item(f).private = 'yes')),
    'first.items.0.private:',
  ],
  [
    'an unknown property (extra markup)',
    () => edit((f) => (item(f).onclick = 'alert(1)')),
    'first.items.0',
  ],
  [
    'an HTML note',
    () =>
      edit(
        (f) =>
          ((item(f).body as { format: string }[])[1] = {
            type: 'TextualBody',
            purpose: 'commenting',
            value: '<b>x</b>',
            format: 'text/html',
          } as never),
      ),
    'first.items.0.body.1.format',
  ],
  [
    'no meaning',
    () =>
      edit(
        (f) =>
          (item(f).body = (item(f).body as { purpose: string }[]).filter(
            (b) => b.purpose !== 'classifying',
          )),
      ),
    'first.items.0.body: needs exactly one body with purpose classifying',
  ],
  [
    'an unknown meaning',
    () =>
      edit(
        (f) =>
          ((item(f).body as { value: string }[])[0] = {
            type: 'TextualBody',
            purpose: 'classifying',
            value: 'urgent',
            format: 'text/plain',
          } as never),
      ),
    'first.items.0.body.0.value: must be one of important, question, idea, concern',
  ],
  [
    'a note over 10,000 characters',
    () =>
      edit(
        (f) =>
          ((item(f).body as { value: string }[])[1] = {
            type: 'TextualBody',
            purpose: 'commenting',
            value: 'x'.repeat(10_001),
            format: 'text/plain',
          } as never),
      ),
    'first.items.0.body.1.value: must be at most 10000 characters',
  ],
  [
    'an unknown motivation',
    () => edit((f) => (item(f).motivation = 'editing')),
    'first.items.0.motivation',
  ],
  [
    'a modified time before created',
    () => edit((f) => (item(f).modified = '2020-01-01T00:00:00.000Z')),
    'first.items.0.modified: must not be before created',
  ],
  [
    'a quote selector missing',
    () =>
      edit(
        (f) =>
          (target(f).selector = (target(f).selector as { type: string }[]).filter(
            (s) => s.type !== 'TextQuoteSelector',
          )),
      ),
    'first.items.0.target.selector: needs one TextQuoteSelector',
  ],
  [
    'an empty quote',
    () =>
      edit(
        (f) =>
          ((target(f).selector as { exact: string }[])[0] = {
            type: 'TextQuoteSelector',
            exact: '',
            prefix: '',
            suffix: '',
          } as never),
      ),
    'first.items.0.target.selector.0.exact: must not be empty',
  ],
  [
    'a position ending before it starts',
    () =>
      edit(
        (f) =>
          ((target(f).selector as unknown[])[1] = {
            type: 'TextPositionSelector',
            start: 9,
            end: 3,
          }),
      ),
    'first.items.0.target.selector.1.end: end must be after start',
  ],
  [
    'a source that does not match the document',
    () => edit((f) => (target(f).source = 'https://evil.example/doc')),
    'first.items.0.target.source: must be "onmuni:doc/case-study-cobourg"',
  ],
  [
    'an unknown document',
    () =>
      edit((f) => {
        target(f).docId = 'not-in-library';
        target(f).source = 'onmuni:doc/not-in-library';
      }),
    'first.items.0.target.docId: "not-in-library" is not a document in this library',
  ],
  [
    'a bad content version',
    () => edit((f) => (target(f).contentVersion = 'zz')),
    'first.items.0.target.contentVersion: must be eight lowercase hex digits',
  ],
  [
    'an annotation dated in the far future',
    () => edit((f) => (item(f).modified = '2999-01-01T00:00:00.000Z')),
    'first.items.0.modified: is more than a day in the future',
  ],
  [
    'a deletion dated in the far future',
    () => edit((f) => (f.tombstones = [{ ...TOMBSTONE, deleted: '2999-01-01T00:00:00.000Z' }])),
    'tombstones.0.deleted: is more than a day in the future',
  ],
  [
    'a change stamped in the far future (a clock set to 2099)',
    () => edit((f) => (item(f).rev = formatHlc(Date.UTC(2099, 0, 1), 0, MEMBER_B))),
    'first.items.0.rev: is more than a day in the future',
  ],
  [
    'a deletion stamped in the far future',
    () => edit((f) => (f.tombstones = [{ ...TOMBSTONE, rev: `4${TOMBSTONE.rev.slice(1)}` }])),
    'tombstones.0.rev: is more than a day in the future',
  ],
  [
    'an id that collides with different content under the same stamp',
    () => edit(() => undefined),
    'first.items.0.id: conflicts with an annotation already here',
    localWithConflict(),
  ],
];

describe('importAnnotationCollection refuses', () => {
  it.each(cases)('%s', (_what, file, expected, local = emptyAnnotationsDatabase()) => {
    const result = importAnnotationCollection(file(), { knownDocIds: KNOWN_DOCS, local });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors = wordProblems(result.errors);
    expect(errors.join('\n')).toContain(expected);
    // Every error is `path: message`.
    for (const error of errors) expect(error).toMatch(/^[^\s:]+: ./);
  });
});

describe('importAnnotationCollection accepts', () => {
  it('the valid file, with its annotations and tombstones', () => {
    const result = importAnnotationCollection(
      edit(() => undefined),
      {
        knownDocIds: KNOWN_DOCS,
        local: emptyAnnotationsDatabase(),
      },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incoming.annotations.map((a) => a.id)).toEqual([idOf(1), idOf(2)]);
    expect(result.incoming.tombstones).toEqual([TOMBSTONE]);
    // Exported as version 4 (no annotation on a French version), read as the current one.
    expect(result.fromVersion).toBe(4);
  });

  it('a file with a byte-order mark', () => {
    const result = importAnnotationCollection(`\uFEFF${edit(() => undefined)}`, {
      knownDocIds: KNOWN_DOCS,
      local: emptyAnnotationsDatabase(),
    });
    expect(result.ok).toBe(true);
  });

  it('the same id under the same stamp with the same content (a re-import)', () => {
    const file = validFile();
    const local = {
      ...emptyAnnotationsDatabase(),
      annotations: [item(file) as unknown as AnnotationsDatabase['annotations'][number]],
    };
    const result = importAnnotationCollection(JSON.stringify(file), {
      knownDocIds: KNOWN_DOCS,
      local,
    });
    expect(result.ok).toBe(true);
  });

  it('a version 1 file, migrated, with stamps derived from its times', () => {
    const v1 = edit((f) => {
      f.schemaVersion = 1;
      for (const index of [0, 1]) {
        delete item(f, index).rev;
        delete item(f, index).private;
      }
      const first = item(f);
      const body = first.body as { purpose: string; value: string }[];
      first.meaning = body.find((b) => b.purpose === 'classifying')?.value;
      first.body = body.filter((b) => b.purpose !== 'classifying');
      f.tombstones = [{ id: idOf(7), deletedAt: at(9).toISOString() }];
    });
    const result = importAnnotationCollection(v1, {
      knownDocIds: KNOWN_DOCS,
      local: emptyAnnotationsDatabase(),
    });
    expect(result).toMatchObject({ ok: true, fromVersion: 1 });
    if (!result.ok) return;
    const current = importAnnotationCollection(
      edit(() => undefined),
      {
        knownDocIds: KNOWN_DOCS,
        local: emptyAnnotationsDatabase(),
      },
    );
    if (!current.ok) throw new Error('the valid file was refused');
    // The same annotations, stamped as of their times by the legacy member, and private: false.
    expect(result.incoming).toEqual({
      annotations: current.incoming.annotations.map((a) => ({
        ...a,
        rev: formatHlc(Date.parse(a.modified), 0, LEGACY_MEMBER),
      })),
      tombstones: [
        { id: idOf(7), deleted: at(9).toISOString(), rev: legacyStamp(at(9).toISOString()) },
      ],
    });
    expect(LEGACY_MEMBER).toBe('0000000000000000');
  });

  it('a version 3 file merges with a version 4 database: a later stamp wins either way', () => {
    const v3 = edit((f) => {
      f.schemaVersion = 3;
      for (const index of [0, 1]) {
        delete item(f, index).rev;
        delete item(f, index).private;
      }
      f.tombstones = [];
    });
    const old = importAnnotationCollection(v3, {
      knownDocIds: KNOWN_DOCS,
      local: emptyAnnotationsDatabase(),
    });
    if (!old.ok) throw new Error('the version 3 file was refused');
    // Here, annotation 1 was edited a minute later (by the clock) and annotation 2 deleted.
    let local = mergeAnnotations(emptyAnnotationsDatabase(), old.incoming);
    local = updateAnnotation(local, idOf(1), { note: 'Edited here' }, ...when(60, MEMBER_B));
    local = deleteAnnotation(local, idOf(2), ...when(60, MEMBER_B));
    const again = importAnnotationCollection(v3, { knownDocIds: KNOWN_DOCS, local });
    if (!again.ok) throw new Error('the version 3 file was refused');
    expect(mergeAnnotations(local, again.incoming)).toEqual(mergeAnnotations(local, none));
    expect(mergeAnnotations(again.incoming, local)).toEqual(mergeAnnotations(local, none));
  });
});
