/**
 * The session's memory of anchoring findings: keyed by document, content version, annotation id
 * and modification time; bounded, forgetting whole documents least recently used first.
 */
import { describe, expect, it } from 'vitest';
import type { AnchorFinding } from '../../../renderer/src/core/annotations/anchoring/anchor';
import { AnchoringCache } from '../../../renderer/src/core/annotations/anchoring/anchoringCache';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { annotationAt } from './anchoringTexts';
import { CASE_STUDY_TEXT, DOC_A, DOC_B } from './fixtures';

const FOUND: AnchorFinding = { status: 'anchored', start: 4, end: 8, method: 'quote' };
const NOT_SEARCHED: AnchorFinding = { status: 'orphaned', reason: 'not-searched' };
const NOT_FOUND: AnchorFinding = { status: 'orphaned', reason: 'not-found' };

const one = annotationAt(1, CASE_STUDY_TEXT, 4, 8);
const two = annotationAt(2, CASE_STUDY_TEXT, 10, 20);

describe('AnchoringCache', () => {
  it('remembers a finding for the same document, text version, annotation and modification', () => {
    const cache = new AnchoringCache();
    cache.forText(DOC_A, 'aaaaaaaa').set(one, FOUND);

    expect(cache.forText(DOC_A, 'aaaaaaaa').get(one)).toEqual(FOUND);
    expect(cache.forText(DOC_A, 'bbbbbbbb').get(one)).toBeUndefined();
    expect(cache.forText(DOC_B, 'aaaaaaaa').get(one)).toBeUndefined();
    expect(cache.forText(DOC_A, 'aaaaaaaa').get(two)).toBeUndefined();
    const edited = { ...one, modified: '2030-01-01T00:00:00.000Z' };
    expect(cache.forText(DOC_A, 'aaaaaaaa').get(edited)).toBeUndefined();
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
