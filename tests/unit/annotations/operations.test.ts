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
  UNNAMED_AUTHOR,
  updateAnnotation,
} from '../../../renderer/src/core/annotations/operations';
import { wordError, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { annotationSchema } from '../../../renderer/src/core/annotations/schema';
import { annotate, at, CASE_STUDY_TEXT, DOC_A, idOf } from './fixtures';

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
    const next = updateAnnotation(db, idOf(1), { meaning: 'concern' }, at(20));
    const [a] = next.annotations;
    if (!a) throw new Error('missing');
    expect([meaningOf(a), noteOf(a), tagsOf(a)]).toEqual(['concern', 'first', ['a']]);
    expect(a.modified).toBe(at(20).toISOString());
    expect(a.created).toBe(at(10).toISOString());
    expect(db.annotations[0]?.body[0]?.value).toBe('important'); // the input is not changed
  });

  it('removes the note when it is cleared, and the motivation follows', () => {
    const [a] = updateAnnotation(db, idOf(1), { note: '  ', tags: [] }, at(20)).annotations;
    expect(a?.body).toHaveLength(1);
    expect(a?.motivation).toBe('highlighting');
  });

  it('still moves modified forward when the clock is behind, so the edit wins merges', () => {
    const [a] = updateAnnotation(db, idOf(1), { note: 'later' }, at(0)).annotations;
    expect(Date.parse(a?.modified ?? '')).toBe(at(10).getTime() + 1);
  });

  it('refuses an unknown id', () => {
    expect(() => updateAnnotation(db, idOf(5), { note: 'x' })).toThrow('No annotation');
  });
});

describe('deleteAnnotation', () => {
  it('removes the annotation and leaves a tombstone with the document id', () => {
    const { db } = annotate('open data', { now: at(10) });
    const next = deleteAnnotation(db, idOf(1), at(30));
    expect(next.annotations).toEqual([]);
    expect(next.tombstones).toEqual([{ id: idOf(1), deleted: at(30).toISOString(), docId: DOC_A }]);
  });

  it('never dates the tombstone before the last change', () => {
    const { db } = annotate('open data', { now: at(10) });
    expect(deleteAnnotation(db, idOf(1), at(0)).tombstones[0]?.deleted).toBe(at(10).toISOString());
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
    const next = reattachAnnotation(db, idOf(1), { text: changed, start, end: start + 18 }, at(40));
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
