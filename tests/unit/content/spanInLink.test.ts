import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spansInLinkText } from '../../../renderer/src/core/content/spanInLink';
import { createMarkdownIt } from '../../../renderer/src/core/markdown/renderMarkdown';
import { frenchLibrary, type FrenchLibrary } from './frenchFixture';

describe('an English span inside link text', () => {
  it('cancels the link in the reader, which is why the check exists', () => {
    const html = createMarkdownIt().render('[[AMO]{lang=en}](https://x.ca)', {
      docId: 'd',
      glossary: null,
      headings: [],
    });
    expect(html).not.toContain('<a');
  });

  it('is found in a link of any form, with the line of its block', () => {
    expect(
      spansInLinkText(
        [
          '[[AMO]{lang=en}](https://x.ca)',
          '',
          '- Voir [le [*Digital* Ontario]{lang=en} de la province](doc:guide-1) et',
          '  [le lien [Report]{lang=en}][ref].',
          '',
          '[ref]: https://x.ca',
        ].join('\n'),
      ),
    ).toEqual([
      { text: 'AMO', line: 1 },
      { text: 'Digital Ontario', line: 3 },
      { text: 'Report', line: 3 },
    ]);
  });

  it('passes a span beside a link, a link beside a span, escapes, code and other attributes', () => {
    expect(
      spansInLinkText(
        [
          '[AMO]{lang=en} ([lien](https://x.ca)) et [page](https://x.ca) [Words]{lang=en}',
          '[le \\[AMO]{lang=en}](https://x.ca) [le `[AMO]{lang=en}`](https://x.ca)',
          '[le [AMO]{lang=fr}](https://x.ca) [[AMO]{lang=en}] sans adresse',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

let library: FrenchLibrary;
beforeEach(async () => {
  library = await frenchLibrary();
});
afterEach(async () => {
  await library.dispose();
});

describe('the French check', () => {
  it('reports a span inside link text at its line, and passes it once moved out', async () => {
    const english = 'recommendations/recommendation-1-fixture-maturity.md';
    const file = `fr/${english}`;
    await library.edit(
      english,
      'Every municipality is at its own stage.',
      '[Every municipality is at its own stage.](https://www.amo.on.ca/)',
    );
    await library.edit(
      file,
      'Every municipality is at its own stage.',
      '[[Every municipality is at its own stage.]{lang=en}](https://www.amo.on.ca/)',
    );
    const issues = await library.issues();
    // The cancelled link is also missing from the French version's links.
    expect(issues).toContainEqual(expect.stringMatching(/: body: links differ from the English/));
    expect(issues.filter((issue) => !issue.includes('links differ'))).toEqual([
      `${file}:18: body: the English span [Every municipality is at its own stage.]{lang=en} is inside the text of a link, which cancels the link (the reader shows its brackets and address as text); move the span out of the link text and link French words beside it: [Every municipality is at its own stage.]{lang=en} ([lien](https://…))`,
    ]);
    await library.edit(
      file,
      '[[Every municipality is at its own stage.]{lang=en}](https://www.amo.on.ca/)',
      '[Every municipality is at its own stage.]{lang=en} ([AMO](https://www.amo.on.ca/))',
    );
    expect(await library.issues()).toEqual([]);
  });
});
