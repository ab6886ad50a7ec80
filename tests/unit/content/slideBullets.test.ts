import { describe, expect, it } from 'vitest';
import { CASE_STUDY, GLOSSARY, edit, issuesWith } from './helpers';

const CASE = 'case-studies/case-fixture-test.md';
const TERM = 'glossary/glossary-fixture-test.md';

/** The case-study fixture with `slides:` (from line 21) holding these YAML lines. */
const withSlides = (...lines: string[]) =>
  edit(CASE_STUDY, 'related: [guide-1-fixture-start]\n', `slides:\n${lines.join('\n')}\n`);

describe('slides: (curated slide bullets in front matter)', () => {
  it('accepts one to five short inline points in every document type', async () => {
    expect(
      await issuesWith({
        [CASE]: withSlides(
          '  - Paperless permits since 2019, **per the supplier**',
          '  - Serves *four* other municipalities',
          '  - Use "quoted words" and `code` as text',
        ),
        [TERM]: edit(
          GLOSSARY,
          'updated: 2026-11-26\n',
          'updated: 2026-11-26\nslides: [One point]\n',
        ),
      }),
    ).toEqual([]);
  });

  it.each([
    ['an empty list', ['  []'], /slides: needs at least one point; leave slides out/],
    [
      'six points',
      Array.from({ length: 6 }, (_, i) => `  - Point ${i + 1}`),
      /slides: lists more than 5 points/,
    ],
    [
      // Five points of 119 characters take three lines each at the deck's 60 a line: 15 lines.
      'five points that together take more than one slide',
      Array.from({ length: 5 }, (_, i) => `  - Point ${i + 1} ${'x'.repeat(111)}`),
      /slides: takes more room than one slide has \(10 lines of about 60 characters, 600 characters in all\)/,
    ],
    ['a blank point', ["  - ''"], /slides\[0\]: must not be empty/],
    ['a long point', [`  - ${'word '.repeat(30)}`], /slides\[0\]: is longer than 120 characters/],
    [
      'a doc: link',
      ['  - See [the guide](doc:guide-1-fixture-start)'],
      /slides\[0\]: contains a link/,
    ],
    [
      'a web address in angle brackets',
      ['  - See <https://example.org>'],
      /slides\[0\]: contains a link/,
    ],
    ['raw HTML', ['  - A <b>bold</b> claim'], /slides\[0\]: contains HTML/],
    ['an image', ['  - "![map](https://example.org/a.png)"'], /slides\[0\]: contains an image/],
    ['a heading marker', ["  - '# Big'"], /slides\[0\]: must be a line of text, not a heading/],
    ['a list marker', ["  - '- nested'"], /slides\[0\]: must be a line of text/],
    ['two lines', ['  - |', '    First line', '    second line'], /slides\[0\]: must be one line/],
    ['not a list', ['  just text'], /slides: must be a list of short points/],
  ])('refuses %s with a line number and a hint', async (_name, lines, message) => {
    const issues = await issuesWith({ [CASE]: withSlides(...lines) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^content\/case-studies\/case-fixture-test\.md:2[12]: /);
    expect(issues[0]).toMatch(message);
  });
});
