import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quotedStretches } from '../../../renderer/src/core/content/frenchQuotes';
import { frenchLibrary, type FrenchLibrary } from './frenchFixture';

const texts = (markdown: string) => quotedStretches(markdown).map((s) => s.text);

describe('double quotation marks in French prose', () => {
  it('finds straight and curly quoted stretches, with the line of their block', () => {
    expect(
      quotedStretches(
        'L\'AMO dit "Recognizing that." puis\n\n- un point “Municipal digital transformation” ici',
      ),
    ).toEqual([
      { text: '"Recognizing that."', line: 1, besideSpan: false },
      { text: '“Municipal digital transformation”', line: 3, besideSpan: false },
    ]);
  });

  it('reports an unclosed or a lone closing mark as far as the text goes', () => {
    expect(texts('Il a écrit "sans fin')).toEqual(['"sans fin']);
    expect(texts('Un mot” de trop')).toEqual(['”']);
    expect(texts('“un” et “deux')).toEqual(['“un”', '“deux']);
  });

  it('passes French guillemets, quotes inside an English span, code and link addresses', () => {
    expect(
      texts(
        [
          'AMO : ["Recognizing that municipal governments."]{lang=en} (traduction non officielle : « Reconnaître. »)',
          'Le code `title: "x"` et le bloc :',
          '```',
          'a: "b"',
          '```',
          'Voir [la page](https://example.org/?q="x" "Un titre").',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('reads a straight mark right after a digit as an inch mark, unless a quotation is open', () => {
    expect(texts('Un écran de 24" et un autre de 27".')).toEqual([]);
    expect(texts('Le texte "en 2017" était clair.')).toEqual(['"en 2017"']);
  });

  it('says when the marks sit outside a span instead of inside it', () => {
    expect(quotedStretches('AMO : "[Recognizing that.]{lang=en}" (traduction).')).toEqual([
      { text: '"', line: 1, besideSpan: true },
      { text: '"', line: 1, besideSpan: true },
    ]);
    expect(quotedStretches('AMO : “ [Recognizing.]{lang=en}”.')).toEqual([
      { text: '“', line: 1, besideSpan: true },
      { text: '”', line: 1, besideSpan: true },
    ]);
  });
});

// Through the pipeline on real files: the rule covers every translated field and the body, and
// reports in the house style.
let library: FrenchLibrary;
beforeEach(async () => {
  library = await frenchLibrary();
});
afterEach(async () => {
  await library.dispose();
});

const RECOMMENDATION = 'recommendations/recommendation-1-fixture-maturity.md';
const FR_RECOMMENDATION = `fr/${RECOMMENDATION}`;

describe('the French check refuses English quoted without a span', () => {
  it('reports an unmarked quotation in the summary and the body, and passes it once in a span', async () => {
    await library.edit(
      RECOMMENDATION,
      /^summary: .*$/m,
      `summary: 'The town wrote "Recognizing varying stages." Support should match.'`,
    );
    await library.edit(
      RECOMMENDATION,
      'Every municipality is at its own stage.',
      'The town wrote: “Every municipality is at its own stage.”',
    );
    await library.edit(
      FR_RECOMMENDATION,
      /^summary: .*$/m,
      `summary: 'La ville a écrit "Recognizing varying stages." Le soutien doit suivre.'`,
    );
    await library.edit(
      FR_RECOMMENDATION,
      'Every municipality is at its own stage.',
      'La ville a écrit :\u00A0“Every municipality is at its own stage.” (traduction non officielle : « Chaque municipalité en est à son propre stade. »)',
    );
    const issues = await library.issues();
    expect(issues).toEqual([
      `${FR_RECOMMENDATION}:7: summary: "Recognizing varying stages." is in double quotation marks but not marked as English: French prose quotes with « » (U+00A0 inside); if it is AMO's or a municipality's English wording, put it, quotation marks included, in a [...]{lang=en} span word for word as the English version has it, followed by an unofficial French translation in « »; if it is French, write « » instead`,
      expect.stringMatching(
        new RegExp(
          `^${FR_RECOMMENDATION}:18: body: “Every municipality is at its own stage\\.” is in double quotation marks but not marked as English`,
        ),
      ),
    ]);

    await library.edit(
      FR_RECOMMENDATION,
      `"Recognizing varying stages."`,
      `["Recognizing varying stages."]{lang=en}`,
    );
    await library.edit(
      FR_RECOMMENDATION,
      '“Every municipality is at its own stage.”',
      '[“Every municipality is at its own stage.”]{lang=en}',
    );
    expect(await library.issues()).toEqual([]);
  });

  it('covers slides and workshop block text, and a mark left outside a span', async () => {
    await library.edit(
      FR_RECOMMENDATION,
      'topics:',
      `slides:\n  - 'AMO : "[Support should match.]{lang=en}"'\ntopics:`,
    );
    await library.edit(RECOMMENDATION, 'topics:', 'slides:\n  - Support should match.\ntopics:');
    await library.edit(
      'fr/workshops/workshop-fixture-room.md',
      'activity: Vote.',
      'activity: Votez pour "le plus urgent".',
    );
    const issues = await library.issues();
    expect(issues).toEqual([
      expect.stringMatching(
        /^fr\/recommendations\/recommendation-1-fixture-maturity\.md:9: slides\[0\]: the quotation mark " is outside the \[\.\.\.\]\{lang=en\} span it belongs to; put it inside the span/,
      ),
      expect.stringMatching(
        /^fr\/recommendations\/recommendation-1-fixture-maturity\.md:9: slides\[0\]: the quotation mark " is outside/,
      ),
      expect.stringMatching(
        /^fr\/workshops\/workshop-fixture-room\.md:\d+: blocks\[1\]\.activity: "le plus urgent" is in double quotation marks but not marked as English/,
      ),
    ]);
  });
});
