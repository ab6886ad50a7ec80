/**
 * The session's memory of anchoring findings: keyed by document, content version, annotation id
 * and the annotation's selectors (what anchoring depends on), not its modification time; bounded,
 * forgetting whole documents least recently used first.
 */
import { describe, expect, it } from 'vitest';
import type { AnchorFinding } from '../../../renderer/src/core/annotations/anchoring/anchor';
import {
  AnchoringCache,
  sameSelectors,
} from '../../../renderer/src/core/annotations/anchoring/anchoringCache';
import {
  reattachAnnotation,
  updateAnnotation,
} from '../../../renderer/src/core/annotations/operations';
import {
  emptyAnnotationsDatabase,
  type Annotation,
} from '../../../renderer/src/core/annotations/schema';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { annotationAt } from './anchoringTexts';
import { CASE_STUDY_TEXT, clockAt, DOC_A, DOC_B, when } from './fixtures';

const FOUND: AnchorFinding = { status: 'anchored', start: 4, end: 8, method: 'quote' };
const NOT_SEARCHED: AnchorFinding = { status: 'orphaned', reason: 'not-searched' };
const NOT_FOUND: AnchorFinding = { status: 'orphaned', reason: 'not-found' };

const one = annotationAt(1, CASE_STUDY_TEXT, 4, 8);
const two = annotationAt(2, CASE_STUDY_TEXT, 10, 20);

describe('AnchoringCache', () => {
  it('knows the same selectors read again (new objects, as after a reload) by their content', () => {
    const cache = new AnchoringCache();
    cache.forText(DOC_A, 'aaaaaaaa').set(one, FOUND);
    const readAgain = structuredClone(one);
    expect(readAgain.target.selector).not.toBe(one.target.selector);

    expect(cache.forText(DOC_A, 'aaaaaaaa').get(readAgain)).toEqual(FOUND);
    const moved = structuredClone(one);
    const quote = moved.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
    if (quote) quote.exact = `${quote.exact}!`;
    expect(cache.forText(DOC_A, 'aaaaaaaa').get(moved)).toBeUndefined();
  });

  it('remembers a finding for the same document, text version, annotation and selectors', () => {
    const cache = new AnchoringCache();
    cache.forText(DOC_A, 'aaaaaaaa').set(one, FOUND);

    expect(cache.forText(DOC_A, 'aaaaaaaa').get(one)).toEqual(FOUND);
    expect(cache.forText(DOC_A, 'bbbbbbbb').get(one)).toBeUndefined();
    expect(cache.forText(DOC_B, 'aaaaaaaa').get(one)).toBeUndefined();
    expect(cache.forText(DOC_A, 'aaaaaaaa').get(two)).toBeUndefined();
  });

  it('still knows an annotation whose note was edited: its selectors did not change', () => {
    const cache = new AnchoringCache();
    cache.forText(DOC_A, 'aaaaaaaa').set(one, FOUND);

    const edited = only(
      updateAnnotation(inDatabase(one), one.id, { note: 'A new note' }, ...when(30)),
    );
    expect(edited.modified).not.toBe(one.modified);
    expect(edited.target.selector).not.toBe(one.target.selector);

    expect(cache.forText(DOC_A, 'aaaaaaaa').get(edited)).toEqual(FOUND);
    // The same selectors with their keys written in another order are the same selectors.
    const reordered = {
      ...one,
      target: {
        ...one.target,
        selector: one.target.selector.map(
          (selector) => Object.fromEntries(Object.entries(selector).reverse()) as typeof selector,
        ),
      },
    };
    expect(cache.forText(DOC_A, 'aaaaaaaa').get(reordered)).toEqual(FOUND);
  });

  it('looks again for an annotation re-attached to another passage: new selectors', () => {
    const cache = new AnchoringCache();
    cache.forText(DOC_A, 'aaaaaaaa').set(one, FOUND);

    const moved = only(
      reattachAnnotation(
        inDatabase(one),
        one.id,
        { text: CASE_STUDY_TEXT, start: 10, end: 20 },
        clockAt(0),
      ),
    );
    expect(sameSelectors(moved.target.selector, one.target.selector)).toBe(false);

    expect(cache.forText(DOC_A, 'aaaaaaaa').get(moved)).toBeUndefined();
    // Its new finding replaces the old one; the first selectors no longer match.
    cache.forText(DOC_A, 'aaaaaaaa').set(moved, NOT_FOUND);
    expect(cache.forText(DOC_A, 'aaaaaaaa').get(moved)).toEqual(NOT_FOUND);
    expect(cache.forText(DOC_A, 'aaaaaaaa').get(one)).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('forgets only the annotations that were not looked for, when asked', () => {
    const cache = new AnchoringCache();
    const findings = cache.forText(DOC_A, 'aaaaaaaa');
    findings.set(one, NOT_SEARCHED);
    findings.set(two, NOT_FOUND);
    expect(cache.size).toBe(2);

    findings.forgetNotSearched();

    expect(findings.get(one)).toBeUndefined();
    expect(findings.get(two)).toEqual(NOT_FOUND);
    expect(cache.size).toBe(1);
  });

  it('forgets the least recently used documents past its size, never the one in use', () => {
    const cache = new AnchoringCache(3);
    const docs = ['doc-1', 'doc-2', 'doc-3'] as DocId[];
    for (const doc of docs) cache.forText(doc, 'aaaaaaaa').set(one, FOUND);
    // doc-1 is used again, so doc-2 is now the least recently used.
    expect(cache.forText(docs[0] as DocId, 'aaaaaaaa').get(one)).toEqual(FOUND);

    cache.forText('doc-4' as DocId, 'aaaaaaaa').set(one, FOUND);

    expect(cache.size).toBe(3);
    expect(cache.forText(docs[1] as DocId, 'aaaaaaaa').get(one)).toBeUndefined();
    expect(cache.forText(docs[0] as DocId, 'aaaaaaaa').get(one)).toEqual(FOUND);
    // The document in use keeps all its findings even beyond the size.
    const big = cache.forText('doc-5' as DocId, 'aaaaaaaa');
    big.set(one, FOUND);
    big.set(two, FOUND);
    big.set(annotationAt(3, CASE_STUDY_TEXT, 1, 3), FOUND);
    big.set(annotationAt(4, CASE_STUDY_TEXT, 1, 3), FOUND);
    expect(big.get(one)).toEqual(FOUND);
    expect(cache.size).toBe(4);
  });
});

function inDatabase(annotation: Annotation) {
  return { ...emptyAnnotationsDatabase(), annotations: [annotation] };
}

function only(db: { annotations: readonly Annotation[] }): Annotation {
  const [annotation] = db.annotations;
  if (!annotation) throw new Error('no annotation');
  return annotation;
}
