import { describe, expect, it } from 'vitest';
import {
  meaningOf,
  noteOf,
  positionSelectorOf,
  quoteOf,
  tagsOf,
} from '../../../renderer/src/core/annotations/accessors';
import { anchor } from '../../../renderer/src/core/annotations/anchoring/anchor';
import { contentVersion } from '../../../renderer/src/core/annotations/contentVersion';
import { isAnnotationId, newAnnotationId } from '../../../renderer/src/core/annotations/ids';
import {
  AnnotationInputError,
  deleteAnnotation,
  normalizeTags,
  reattachAnnotation,
  restoreAnnotation,
  setAnnotationPrivate,
  UNNAMED_AUTHOR,
  updateAnnotation,
} from '../../../renderer/src/core/annotations/operations';
import { wordError, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { mergeAnnotations } from '../../../renderer/src/core/annotations/merge';
import { annotationSchema } from '../../../renderer/src/core/annotations/schema';
import { compareHlc, formatHlc, type Hlc } from '../../../renderer/src/core/team/hlc';
import {
  annotate,
  at,
  CASE_STUDY_TEXT,
  clockAt,
  DOC_A,
  idOf,
  MEMBER_A,
  MEMBER_B,
  when,
} from './fixtures';

describe('createAnnotation', () => {
  it('builds a valid W3C annotation with the meaning, note, tags, author and target', () => {
    const { db, annotation } = annotate('open data', {
      note: '  Ask the clerk.\nBefore June.  ',
      tags: [' open data ', 'Open Data', 'pilot', ''],
      meaning: 'question',
      author: ' Ada Lovelace ',
    });
    expect(db.annotations).toEqual([annotation]);
    expect(annotationSchema.parse(annotation)).toEqual(annotation);
    const start = CASE_STUDY_TEXT.indexOf('open data');
    expect(annotation).toEqual({
      id: idOf(1),
      type: 'Annotation',
      created: at(0).toISOString(),
      modified: at(0).toISOString(),
      rev: formatHlc(at(0).getTime(), 0, MEMBER_A),
      private: false,
      creator: { type: 'Person', name: 'Ada Lovelace' },
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'classifying', value: 'question', format: 'text/plain' },
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'Ask the clerk.\nBefore June.',
          format: 'text/plain',
        },
        { type: 'TextualBody', purpose: 'tagging', value: 'open data', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'pilot', format: 'text/plain' },
      ],
      target: {
        source: `onmuni:doc/${DOC_A}`,
        docId: DOC_A,
        contentVersion: contentVersion(CASE_STUDY_TEXT),
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'open data',
            prefix: CASE_STUDY_TEXT.slice(start - 32, start),
            suffix: CASE_STUDY_TEXT.slice(start + 9, start + 41),
          },
          { type: 'TextPositionSelector', start, end: start + 9 },
        ],
      },
    });
  });

  it('uses the motivation that fits the body', () => {
    expect(annotate('open data').annotation.motivation).toBe('highlighting');
    expect(annotate('open data', { tags: ['x'] }).annotation.motivation).toBe('tagging');
    expect(annotate('open data', { note: 'n', tags: ['x'] }).annotation.motivation).toBe(
      'commenting',
    );
  });

  it('names the author "Anonymous" when Settings has no name', () => {
    expect(annotate('open data', { author: '  ' }).annotation.creator.name).toBe(UNNAMED_AUTHOR);
  });

  it('refuses input over the limits with path: message issues', () => {
    expect(() => annotate('open data', { note: 'x'.repeat(10_001) })).toThrow(AnnotationInputError);
    try {
      annotate('open data', { tags: ['y'.repeat(61)] });
      expect.unreachable();
    } catch (error) {
      expect(wordProblems((error as AnnotationInputError).problems)).toEqual([
        'body.1.value: must be at most 60 characters',
      ]);
      // The UI words the refusal itself; the issues are the list under it.
      expect(wordError(error)).toBe('The annotation was not saved');
    }
  });

  it('makes fresh urn:uuid ids', () => {
    const a = newAnnotationId();
    expect(isAnnotationId(a)).toBe(true);
    expect(a).not.toBe(newAnnotationId());
    expect(annotate('open data', { id: undefined }).annotation.id).toBe(idOf(1));
  });
});

describe('updateAnnotation', () => {
  const { db } = annotate('open data', { note: 'first', tags: ['a'], now: at(10) });

  it('changes only what is given and moves modified forward', () => {
    const next = updateAnnotation(db, idOf(1), { meaning: 'concern' }, ...when(20));
    const [a] = next.annotations;
    if (!a) throw new Error('missing');
    expect([meaningOf(a), noteOf(a), tagsOf(a)]).toEqual(['concern', 'first', ['a']]);
    expect(a.modified).toBe(at(20).toISOString());
    expect(a.created).toBe(at(10).toISOString());
    expect(db.annotations[0]?.body[0]?.value).toBe('important'); // the input is not changed
  });

  it('removes the note when it is cleared, and the motivation follows', () => {
    const [a] = updateAnnotation(db, idOf(1), { note: '  ', tags: [] }, ...when(20)).annotations;
    expect(a?.body).toHaveLength(1);
    expect(a?.motivation).toBe('highlighting');
  });

  it('stamps the edit after the version it replaces even when the clock is behind', () => {
    const [before] = db.annotations;
    const [a] = updateAnnotation(db, idOf(1), { note: 'later' }, ...when(0, MEMBER_B)).annotations;
    // The stamp is later (so the edit wins merges); the time shown does not go back.
    expect(compareHlc(a?.rev ?? ('' as Hlc), before?.rev ?? ('' as Hlc))).toBeGreaterThan(0);
    expect(a?.rev).toBe(formatHlc(at(10).getTime(), 1, MEMBER_B));
    expect(a?.modified).toBe(at(10).toISOString());
  });

  it('stamps the edit after a stamp its clock refuses as too far ahead (a hand-edited file)', () => {
    const [before] = db.annotations;
    if (!before) throw new Error('missing');
    const far = formatHlc(Date.UTC(2099, 0, 1), 5, MEMBER_B);
    const crafted = { ...db, annotations: [{ ...before, rev: far }] };
    const [a] = updateAnnotation(crafted, idOf(1), { note: 'x' }, ...when(20)).annotations;
    expect(a?.rev).toBe(formatHlc(Date.UTC(2099, 0, 1), 6, MEMBER_A));
  });

  it('gives each change of one clock a later stamp', () => {
    const clock = clockAt(20);
    const once = updateAnnotation(db, idOf(1), { note: 'one' }, clock, at(20));
    const twice = updateAnnotation(once, idOf(1), { note: 'two' }, clock, at(20));
    expect(once.annotations[0]?.rev).toBe(formatHlc(at(20).getTime(), 0, MEMBER_A));
    expect(twice.annotations[0]?.rev).toBe(formatHlc(at(20).getTime(), 1, MEMBER_A));
  });

  it('refuses an unknown id', () => {
    expect(() => updateAnnotation(db, idOf(5), { note: 'x' }, clockAt(0))).toThrow('No annotation');
  });
});

describe('deleteAnnotation', () => {
  it('removes the annotation and leaves a tombstone with the document id', () => {
    const { db } = annotate('open data', { now: at(10) });
    const next = deleteAnnotation(db, idOf(1), ...when(30));
    expect(next.annotations).toEqual([]);
    expect(next.tombstones).toEqual([
      {
        id: idOf(1),
        deleted: at(30).toISOString(),
        rev: formatHlc(at(30).getTime(), 0, MEMBER_A),
        docId: DOC_A,
      },
    ]);
  });

  it('never dates or stamps the tombstone before the last change', () => {
    const { db } = annotate('open data', { now: at(10) });
    const [tombstone] = deleteAnnotation(db, idOf(1), ...when(0, MEMBER_B)).tombstones;
    expect(tombstone?.deleted).toBe(at(10).toISOString());
    expect(tombstone?.rev).toBe(formatHlc(at(10).getTime(), 1, MEMBER_B));
  });
});

describe('restoreAnnotation (undo a deletion)', () => {
  it('puts the annotation back as it was, without its tombstone, stamped after the deletion', () => {
    const { db, annotation } = annotate('open data', { note: 'Keep', now: at(10) });
    const deleted = deleteAnnotation(db, idOf(1), ...when(30, MEMBER_B));
    const restored = restoreAnnotation(deleted, annotation, clockAt(20));
    expect(restored.tombstones).toEqual([]);
    const [back] = restored.annotations;
    expect({ ...back, rev: annotation.rev }).toEqual(annotation);
    expect(back?.rev).toBe(formatHlc(at(30).getTime(), 1, MEMBER_A));
  });
});

describe('setAnnotationPrivate', () => {
  const { db, annotation } = annotate('open data', { note: 'Mine', now: at(10) });

  it('marks an annotation private and shared again, each change stamped', () => {
    const hidden = setAnnotationPrivate(db, idOf(1), true, clockAt(20));
    const [a] = hidden.annotations;
    expect(a?.private).toBe(true);
    expect(a?.rev).toBe(formatHlc(at(20).getTime(), 0, MEMBER_A));
    // The content and the time shown stay as they were.
    expect({ ...a, private: false, rev: annotation.rev }).toEqual(annotation);
    const shared = setAnnotationPrivate(hidden, idOf(1), false, clockAt(20));
    expect(shared.annotations[0]?.private).toBe(false);
    expect(
      compareHlc(shared.annotations[0]?.rev ?? ('' as Hlc), a?.rev ?? ('' as Hlc)),
    ).toBeGreaterThan(0);
    // The later choice wins a merge, whichever way round.
    expect(mergeAnnotations(hidden, shared)).toEqual(mergeAnnotations(shared, hidden));
    expect(mergeAnnotations(hidden, shared).annotations[0]?.private).toBe(false);
  });

  it('changes nothing, and stamps nothing, when the flag already has that value', () => {
    expect(setAnnotationPrivate(db, idOf(1), false, clockAt(20))).toBe(db);
  });

  it('keeps the flag through edits', () => {
    const hidden = setAnnotationPrivate(db, idOf(1), true, clockAt(20));
    const edited = updateAnnotation(hidden, idOf(1), { note: 'Still mine' }, ...when(30));
    expect(edited.annotations[0]?.private).toBe(true);
  });
});

describe('reattachAnnotation', () => {
  it('gives an orphan new selectors on the current text and keeps its note', () => {
    const { db } = annotate('by a third', { note: 'Source?', now: at(0) });
    const changed = CASE_STUDY_TEXT.replace('by a third', 'by about one third');
    const [before] = db.annotations;
    if (!before) throw new Error('missing');
    expect(anchor(changed, before.target.selector)).toBeNull();

    const start = changed.indexOf('by about one third');
    const next = reattachAnnotation(
      db,
      idOf(1),
      { text: changed, start, end: start + 18 },
      ...when(40),
    );
    const [after] = next.annotations;
    if (!after) throw new Error('missing');
    expect(quoteOf(after)).toBe('by about one third');
    expect(positionSelectorOf(after)).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + 18,
    });
    expect(after.target.contentVersion).toBe(contentVersion(changed));
    expect(noteOf(after)).toBe('Source?');
    expect(after.modified).toBe(at(40).toISOString());
    expect(anchor(changed, after.target.selector)?.method).toBe('position');
  });
});

describe('normalizeTags', () => {
  it('trims, collapses spaces, drops blanks and repeats ignoring case', () => {
    expect(normalizeTags(['  Open   data ', 'open data', '', ' ', 'Pilot', 'PILOT'])).toEqual([
      'Open data',
      'Pilot',
    ]);
  });
});
