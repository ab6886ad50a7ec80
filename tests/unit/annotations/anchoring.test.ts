import { describe, expect, it } from 'vitest';
import { anchor } from '../../../renderer/src/core/annotations/anchoring/anchor';
import { anchorAll } from '../../../renderer/src/core/annotations/anchoring/anchorAll';
import {
  CONTEXT_LENGTH,
  describeRange,
} from '../../../renderer/src/core/annotations/anchoring/describeRange';
import { contentVersion } from '../../../renderer/src/core/annotations/contentVersion';
import { annotate, CASE_STUDY_TEXT, idOf } from './fixtures';

const text = CASE_STUDY_TEXT;

/** Selectors for the first occurrence of `quote` in `text`. */
function selectorsFor(quote: string, source = text) {
  const start = source.indexOf(quote);
  return describeRange(source, start, start + quote.length);
}

describe('describeRange', () => {
  it('records the quote, 32 characters of context on each side, and the position', () => {
    const quote = 'freedom-of-information';
    const start = text.indexOf(quote);
    const [q, p] = describeRange(text, start, start + quote.length);
    expect(q).toEqual({
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: text.slice(start - CONTEXT_LENGTH, start),
      suffix: text.slice(start + quote.length, start + quote.length + CONTEXT_LENGTH),
    });
    expect(q.prefix).toHaveLength(32);
    expect(p).toEqual({ type: 'TextPositionSelector', start, end: start + quote.length });
  });

  it('shortens the context at the edges of the text', () => {
    const [q] = describeRange(text, 0, 8);
    expect(q.prefix).toBe('');
    const [end] = describeRange(text, text.length - 5, text.length);
    expect(end.suffix).toBe('');
  });

  it('never cuts a surrogate pair in the context', () => {
    // 31 letters then an emoji (two code units) right where 32 characters of prefix would start.
    const source = `🙂${'a'.repeat(31)}QUOTE${'b'.repeat(31)}🙂`;
    const start = source.indexOf('QUOTE');
    const [q] = describeRange(source, start, start + 5);
    expect(q.prefix).toBe('a'.repeat(31));
    expect(q.suffix).toBe('b'.repeat(31));
  });

  it.each([
    [-1, 3],
    [5, 5],
    [6, 2],
    [0, text.length + 1],
    [1.5, 4],
  ])('refuses the range %s-%s', (start, end) => {
    expect(() => describeRange(text, start, end)).toThrow(RangeError);
  });
});

describe('anchor', () => {
  it('uses the recorded position when the text is unchanged', () => {
    const selectors = selectorsFor('open data');
    const start = text.indexOf('open data');
    expect(anchor(text, selectors)).toEqual({ start, end: start + 9, method: 'position' });
  });

  it('finds the quote by its text after an insertion before it', () => {
    const selectors = selectorsFor('open data');
    const changed = `Updated in 2017. ${text}`;
    const start = changed.indexOf('open data');
    expect(anchor(changed, selectors)).toEqual({ start, end: start + 9, method: 'quote' });
  });

  it('chooses among repeated quotes by the surrounding text, not by the old position', () => {
    // "staff" occurs three times; annotate the third one ("commitment of staff time").
    const third = text.lastIndexOf('staff');
    const selectors = describeRange(text, third, third + 5);
    // Insert a sentence with another "staff" before it so that the old position points elsewhere.
    const changed = text.replace('Council then', 'Council thanked staff. Council then');
    const found = anchor(changed, selectors);
    expect(found?.method).toBe('quote');
    expect(found?.start).toBe(changed.lastIndexOf('staff'));
  });

  it('prefers the occurrence nearest the old position when the context does not decide', () => {
    const source = 'x word y word z word';
    const selectors = describeRange(source, 9, 13); // the middle "word"
    expect(source.slice(9, 13)).toBe('word');
    const bare = [{ ...selectors[0], prefix: '', suffix: '' }, selectors[1]] as const;
    const shifted = `ab${source}`;
    expect(anchor(shifted, bare)).toEqual({ start: 11, end: 15, method: 'quote' });
  });

  it('finds a long quote after an edit inside it (fuzzy)', () => {
    const quote = 'Staff scanned every by-law since 1990 and published them with full-text search';
    const selectors = selectorsFor(quote);
    const edited = text.replace('scanned every by-law', 'scanned each by-law');
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('fuzzy');
    const start = edited.indexOf('Staff scanned each');
    expect(found?.start).toBe(start);
    expect(edited.slice(found?.start, found?.end)).toBe(
      'Staff scanned each by-law since 1990 and published them with full-text search',
    );
  });

  it('does not fuzzy-match quotes shorter than 32 characters', () => {
    const selectors = selectorsFor('moved its council agendas');
    const edited = text.replace('council agendas', 'council minutes');
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('gives up when more than a quarter of a long quote changed', () => {
    const quote = 'recommended a small pilot before any wider commitment';
    const selectors = selectorsFor(quote);
    const edited = text.replace(quote, 'proposed one large programme instead of a test run');
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('returns null when the passage was deleted', () => {
    const selectors = selectorsFor('Council then asked staff to report on open data.');
    const edited = text.replace('Council then asked staff to report on open data. ', '');
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('does not trust a position whose text differs from the quote', () => {
    const selectors = selectorsFor('by a third');
    const edited = text.replace('by a third', 'by a quarter');
    expect(anchor(edited, selectors)).toBeNull();
  });
});

describe('anchorAll', () => {
  it('anchors what it can, in text order, and lists the rest as orphaned with their quote', () => {
    let db = annotate('open data', { id: idOf(1) }).db;
    db = annotate('The Town of Cobourg', { db, id: idOf(2) }).db;
    db = annotate('by a third', { db, id: idOf(3), note: 'Source?' }).db;
    const edited = `Preface. ${text.replace('by a third', 'by half')}`;

    const outcome = anchorAll(edited, db.annotations);

    expect(outcome.anchored.map((a) => a.annotation.id)).toEqual([idOf(2), idOf(1)]);
    expect(outcome.anchored.every((a) => a.method === 'quote' && a.textChanged)).toBe(true);
    expect(outcome.orphaned).toEqual([
      { annotation: db.annotations[2], quote: 'by a third', reason: 'not-found' },
    ]);
  });

  it('marks annotations on unchanged text as current', () => {
    const { db } = annotate('open data');
    const [only] = anchorAll(text, db.annotations).anchored;
    expect(only).toMatchObject({ method: 'position', textChanged: false });
    expect(db.annotations[0]?.target.contentVersion).toBe(contentVersion(text));
  });
});

describe('contentVersion', () => {
  it('is the 32-bit FNV-1a hash in hex', () => {
    // Published FNV-1a test vectors (for ASCII, code units equal bytes).
    expect(contentVersion('')).toBe('811c9dc5');
    expect(contentVersion('a')).toBe('e40c292c');
    expect(contentVersion('foobar')).toBe('bf9cf968');
  });

  it('changes when the text changes', () => {
    expect(contentVersion(text)).not.toBe(contentVersion(`${text} `));
  });
});
