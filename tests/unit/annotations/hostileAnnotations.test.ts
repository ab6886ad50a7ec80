/**
 * Crafted annotations files (tests/fixtures/hostileFiles.ts) through the real importer: each is
 * refused or accepted as labelled, with a short problem list; and the near-miss quotes really
 * almost match the document, so anchoring them is the hard case it claims to be.
 */
import { describe, expect, it } from 'vitest';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { contentVersion } from '../../../renderer/src/core/annotations/contentVersion';
import { importAnnotationCollection } from '../../../renderer/src/core/annotations/exchange/importAnnotationCollection';
import {
  emptyAnnotationsDatabase,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../../renderer/src/core/annotations/schema';
import { hostileAnnotationFiles } from '../../fixtures/hostileFiles';
import { CASE_STUDY_TEXT, DOC_A, KNOWN_DOCS } from './fixtures';

/** A document long enough for 6,000-character quotes. */
const DOCUMENT = CASE_STUDY_TEXT.repeat(40);
const files = hostileAnnotationFiles('small', DOCUMENT, DOC_A);
const importFile = (text: string) =>
  importAnnotationCollection(text, { knownDocIds: KNOWN_DOCS, local: emptyAnnotationsDatabase() });

/** A problem each refusal must list. */
const REASONS: Record<string, RegExp> = {
  'annotations-many-tiny-records': /^first\.items: Too big: expected array to have <=50000 items$/,
  'annotations-many-invalid-fields': /^first\.items\.0\.id: /,
  'annotations-huge-strings': /^first\.items\.0\.body\.1\.value: must be at most 10000 characters$/,
  'annotations-deep-nesting': /^\(file\): nested more than 64 levels deep \(line 1, column \d+\)$/,
  'annotations-many-distinct-keys': /^\(file\): uses more than 10,000 different field names/,
};

describe('crafted annotations files (small scale)', () => {
  it('covers every case with a reason', () => {
    expect(files.map((f) => f.name).sort()).toEqual(
      [...Object.keys(REASONS), 'annotations-near-miss-quotes'].sort(),
    );
  });

  it.each(files.map((file) => [file.name, file] as const))('%s', (_name, file) => {
    const result = importFile(file.text);
    expect(result.ok ? 'accepted' : 'refused').toBe(file.expect);
    if (result.ok) return;
    const errors = wordProblems(result.errors);
    expect(errors.length).toBeLessThanOrEqual(26);
    for (const error of errors) {
      expect(error).toMatch(/^[^\s:]+: ./);
      expect(error.length).toBeLessThanOrEqual(500);
    }
    expect(
      errors.some((error) => REASONS[file.name]?.test(error)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('lists 25 problems of a file of thousands, then counts the rest', () => {
    const file = files.find((f) => f.name === 'annotations-many-invalid-fields');
    const result = importFile(file?.text ?? '');
    expect(!result.ok && result.errors).toHaveLength(26);
    expect(!result.ok && wordProblems(result.errors)[25]).toMatch(
      /^\(file\): and [\d,]+ more problems$/,
    );
  });
});

describe('near-miss quotes', () => {
  const file = files.find((f) => f.name === 'annotations-near-miss-quotes');
  const result = importFile(file?.text ?? '');
  const annotations = result.ok ? result.incoming.annotations : [];

  it('are valid annotations on the document, each quoting 6,000 characters', () => {
    expect(annotations.length).toBeGreaterThan(1);
    for (const annotation of annotations) {
      expect(annotation.target.contentVersion).toBe(contentVersion(DOCUMENT));
      const quote = annotation.target.selector[0] as TextQuoteSelector;
      expect(quote.exact).toHaveLength(6_000);
    }
  });

  it('almost match the text at their position, but never exactly anywhere', () => {
    for (const annotation of annotations) {
      const [quote, position] = annotation.target.selector as [
        TextQuoteSelector,
        TextPositionSelector,
      ];
      expect(DOCUMENT.includes(quote.exact)).toBe(false);
      const there = DOCUMENT.slice(position.start, position.end);
      let differences = 0;
      for (let i = 0; i < there.length; i++) if (there[i] !== quote.exact[i]) differences++;
      // A few changed characters: well within the quarter approximate matching allows.
      expect(differences).toBeGreaterThan(100);
      expect(differences).toBeLessThan(quote.exact.length / 4);
    }
  });
});
