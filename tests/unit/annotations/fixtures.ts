import fc from 'fast-check';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { AnnotationId } from '../../../renderer/src/core/annotations/ids';
import { MEANINGS } from '../../../renderer/src/core/annotations/meanings';
import { mergeAnnotations } from '../../../renderer/src/core/annotations/merge';
import {
  createAnnotation,
  type AnnotationClock,
} from '../../../renderer/src/core/annotations/operations';
import {
  emptyAnnotationsDatabase,
  type Annotation,
  type AnnotationsDatabase,
  type Tombstone,
} from '../../../renderer/src/core/annotations/schema';
import { formatHlc, HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { LEGACY_MEMBER } from '../../../renderer/src/core/team/legacyStamp';

/** A passage in the style of the corpus, long enough for every anchoring case. */
export const CASE_STUDY_TEXT =
  'The Town of Cobourg moved its council agendas online in 2015. Staff scanned every by-law ' +
  'since 1990 and published them with full-text search, which cut freedom-of-information ' +
  'requests by a third in the first year. Council then asked staff to report on open data. ' +
  'The report recommended a small pilot before any wider commitment of staff time.';

export const DOC_A = 'case-study-cobourg' as DocId;
export const DOC_B = 'guide-1-assess-readiness' as DocId;
export const KNOWN_DOCS: ReadonlySet<string> = new Set([DOC_A, DOC_B]);

/** Milliseconds since the epoch of a fixed day, plus `seconds`. */
export const at = (seconds: number): Date => new Date(Date.UTC(2026, 10, 1, 9, 0, seconds));

/** Two members of a team, for stamps. */
export const MEMBER_A = 'aaaaaaaaaaaaaaaa' as MemberId;
export const MEMBER_B = 'bbbbbbbbbbbbbbbb' as MemberId;

/** A member's clock whose computer reads `at(seconds)`, for deterministic stamps. */
export const clockAt = (seconds: number, member: MemberId = MEMBER_A): HybridClock =>
  new HybridClock(member, () => at(seconds).getTime());

/**
 * The clock and the wall time of a change made at `at(seconds)`, to spread into an operation's
 * last two arguments: `updateAnnotation(db, id, changes, ...when(20))`.
 */
export const when = (seconds: number, member: MemberId = MEMBER_A): [AnnotationClock, Date] => [
  clockAt(seconds, member),
  at(seconds),
];

/** An annotation as version 3 and older stored it: without a clock stamp or a private flag. */
export function withoutStamp(annotation: Annotation): Record<string, unknown> {
  const old: Record<string, unknown> = { ...annotation };
  delete old.rev;
  delete old.private;
  return old;
}

/** The annotation the version 4 migration makes of `withoutStamp(annotation)`. */
export function legacyStamped(annotation: Annotation): Annotation {
  return {
    ...annotation,
    rev: formatHlc(Date.parse(annotation.modified), 0, LEGACY_MEMBER),
    private: false,
  };
}

/** A deterministic annotation id from a small number. */
export const idOf = (n: number): AnnotationId =>
  `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as AnnotationId;

/** Creates an annotation on `CASE_STUDY_TEXT` over the first occurrence of `quote`. */
export function annotate(
  quote: string,
  options: {
    db?: AnnotationsDatabase;
    note?: string;
    tags?: string[];
    author?: string;
    meaning?: (typeof MEANINGS)[number];
    id?: AnnotationId;
    now?: Date;
    clock?: AnnotationClock;
    docId?: DocId;
    text?: string;
  } = {},
): { db: AnnotationsDatabase; annotation: Annotation } {
  const text = options.text ?? CASE_STUDY_TEXT;
  const now = options.now ?? at(0);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return createAnnotation(options.db ?? emptyAnnotationsDatabase(), {
    docId: options.docId ?? DOC_A,
    text,
    start,
    end: start + quote.length,
    meaning: options.meaning ?? 'important',
    note: options.note ?? '',
    tags: options.tags ?? [],
    author: options.author ?? 'Ada Lovelace',
    now,
    clock: options.clock ?? new HybridClock(MEMBER_A, () => now.getTime()),
    id: options.id ?? idOf(1),
  });
}

/** Few ids and few times, so that generated sets collide and tie often. */
const ID_POOL = [1, 2, 3, 4].map(idOf);
const SECONDS = fc.integer({ min: 0, max: 4 });
const HOUR_MS = 60 * 60 * 1000;

/**
 * A clock stamp as members with skewed clocks make them: the wall time up to a day either side of
 * `at(0)`, in a few hour steps and a few milliseconds, so that stamps tie on the wall and the
 * counter decides, or the member; three members. Unrelated to the wall times `modified` and
 * `deleted`, so every test also checks that merges never order by those.
 */
export const stampArb = fc
  .record({
    hours: fc.integer({ min: -24, max: 24 }),
    ms: fc.integer({ min: 0, max: 2 }),
    counter: fc.integer({ min: 0, max: 2 }),
    member: fc.constantFrom(MEMBER_A, MEMBER_B, 'cccccccccccccccc' as MemberId),
  })
  .map(({ hours, ms, counter, member }) =>
    formatHlc(at(0).getTime() + hours * HOUR_MS + ms, counter, member),
  );

/** Any text, including characters outside the BMP and Markdown/HTML/CSV-significant ones. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ maxLength }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '=HYPERLINK("https://x")',
      '"a","b"\r\nc',
      '__proto__',
    ),
  );

/**
 * A valid annotation made through `createAnnotation`, with a `modified` at or after `created` and
 * any stamp (see `stampArb`).
 */
export const annotationArb: fc.Arbitrary<Annotation> = fc
  .record({
    id: fc.constantFrom(...ID_POOL),
    docId: fc.constantFrom(DOC_A, DOC_B),
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
    a: fc.nat(),
    b: fc.nat(),
    meaning: fc.constantFrom(...MEANINGS),
    note: anyText(120),
    tags: fc.array(anyText(20), { maxLength: 3 }),
    author: fc.constantFrom('Ada Lovelace', 'Bo Chen', 'Chantal Lévesque', ''),
    created: SECONDS,
    edited: SECONDS,
    rev: stampArb,
    private: fc.boolean(),
  })
  .map((r) => {
    const start = r.a % r.text.length;
    const end = start + 1 + (r.b % (r.text.length - start));
    const { annotation } = createAnnotation(emptyAnnotationsDatabase(), {
      id: r.id,
      docId: r.docId,
      text: r.text,
      start,
      end,
      meaning: r.meaning,
      note: r.note,
      tags: r.tags,
      author: r.author,
      now: at(r.created),
      clock: clockAt(r.created),
    });
    return {
      ...annotation,
      modified: at(r.created + r.edited).toISOString(),
      rev: r.rev,
      private: r.private,
    };
  });

export const tombstoneArb: fc.Arbitrary<Tombstone> = fc
  .record({
    id: fc.constantFrom(...ID_POOL),
    deleted: SECONDS.map((s) => at(s + 1).toISOString()),
    rev: stampArb,
    docId: fc.option(fc.constantFrom(DOC_A, DOC_B), { nil: undefined }),
  })
  .map(({ docId, ...rest }) => (docId === undefined ? rest : { ...rest, docId }));

/** Any collection of annotations and tombstones, duplicates and ties included. */
export const annotationSetArb = fc.record({
  annotations: fc.array(annotationArb, { maxLength: 6 }),
  tombstones: fc.array(tombstoneArb, { maxLength: 3 }),
});

/** A valid stored database (unique ids), as one member's computer would hold. */
export const databaseArb: fc.Arbitrary<AnnotationsDatabase> = annotationSetArb.map((set) =>
  mergeAnnotations(set, { annotations: [], tombstones: [] }),
);
