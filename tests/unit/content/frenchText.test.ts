import { describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../renderer/src/core/content/bodyAnalysis';
import {
  compareFigures,
  figuresIn,
  frenchFigures,
} from '../../../renderer/src/core/content/figures';
import { linkTargets, markdownParts } from '../../../renderer/src/core/content/markdownParts';
import { slideBulletsSchema } from '../../../renderer/src/core/content/slideBullets';

const values = (text: string, language: 'en' | 'fr') =>
  figuresIn(text, language).map((f) => f.value);

describe('figures written each language’s way', () => {
  it('reads English grouping commas and decimal points', () => {
    expect(
      values('A town of 17,262 spent $1,200,000.50 and 2.5 days; 45% in 2019-2021.', 'en'),
    ).toEqual(['17262', '1200000.50', '2.5', '45', '2019', '2021']);
  });

  it('reads French no-break and narrow no-break grouping, decimal commas and percent', () => {
    expect(
      values(
        '17\u00A0262 habitants, 1\u202F200\u00A0000,50 $, 2,5 jours, 45\u00A0% de 2019 à 2021.',
        'fr',
      ),
    ).toEqual(['17262', '1200000.50', '2.5', '45', '2019', '2021']);
  });

  it('reads an ordinary space as two figures in French (the check then asks for U+00A0)', () => {
    expect(values('17 262', 'fr')).toEqual(['17', '262']);
  });

  it('keeps digits inside names and leaves product names glued to letters', () => {
    expect(values('COVID-19, Office 365, MS365, 24/7, version 2.0', 'en')).toEqual([
      '19',
      '365',
      '24',
      '7',
      '2.0',
    ]);
    expect(values('COVID-19, Office 365, MS365, 24/7, version 2.0', 'fr')).toEqual([
      '19',
      '365',
      '24',
      '7',
      '2.0',
    ]);
  });

  it('matches the same figures across the languages, in any order', () => {
    const english = figuresIn('In 2019, 3,000 people paid $2.50.', 'en');
    expect(
      compareFigures(english, frenchFigures('2,50 $ payés par 3\u00A0000 personnes en 2019.')),
    ).toEqual({ missing: [], extra: [] });
  });

  it('names what is missing as the English writes it and what is extra as the French does', () => {
    const english = figuresIn('In 2019, 3,000 people; 2019 again.', 'en');
    expect(compareFigures(english, frenchFigures('En 2019, 3\u00A0001 personnes.'))).toEqual({
      missing: ['2019', '3,000'],
      extra: ['3\u00A0001'],
    });
  });

  it('lets a quoted English span carry a figure alone or with its translation, never more', () => {
    const english = figuresIn('AMO said "In 2017, we asked."', 'en');
    const quoted = '["In 2017, we asked."]{lang=en}';
    expect(compareFigures(english, frenchFigures(`AMO : ${quoted}`))).toEqual({
      missing: [],
      extra: [],
    });
    expect(
      compareFigures(english, frenchFigures(`AMO : ${quoted} (« En 2017, nous avons demandé. »)`)),
    ).toEqual({ missing: [], extra: [] });
    expect(compareFigures(english, frenchFigures(`${quoted} (en 2017 et en 2017)`)).extra).toEqual([
      '2017',
    ]);
  });
});

describe('English spans in French Markdown', () => {
  it('splits text into prose, each span and code, with the line of each block', () => {
    const parts = markdownParts(
      'Le rapport dit [*digital* maturity]{lang=en}, puis `code`.\n\nPlus loin [a\nb]{lang=en}.',
    );
    expect(parts).toEqual([
      { text: 'Le rapport dit ', english: false, code: false, line: 1 },
      { text: 'digital maturity', english: true, code: false, line: 1 },
      { text: ', puis ', english: false, code: false, line: 1 },
      { text: 'code', english: false, code: true, line: 1 },
      { text: '.', english: false, code: false, line: 1 },
      { text: 'Plus loin ', english: false, code: false, line: 3 },
      { text: 'a b', english: true, code: false, line: 3 },
      { text: '.', english: false, code: false, line: 3 },
    ]);
  });

  it('leaves other attributes as text', () => {
    expect(markdownParts('[texte]{lang=fr}').every((part) => !part.english)).toBe(true);
  });

  it('plain text keeps a span’s text without its markup', () => {
    expect(analyzeBody('AMO : ["Recognizing that."]{lang=en} (traduction).').plainText).toBe(
      'AMO : "Recognizing that." (traduction).',
    );
  });

  it('link targets: doc ids without their section, and addresses as written', () => {
    expect(
      linkTargets('[a](doc:guide-1-x#etape) [b](https://example.org/x) [c](doc:case-y) [d](#ici)'),
    ).toEqual(['doc:guide-1-x', 'https://example.org/x', 'doc:case-y', '#ici']);
  });

  it('measures a slide point without the span markup', () => {
    const text = 'x'.repeat(110);
    // 113 characters as shown, 124 with the markup: within the 120 a point may have.
    expect(slideBulletsSchema.safeParse([`[${text}]{lang=en} ok`]).success).toBe(true);
    expect(slideBulletsSchema.safeParse([`[${text}]{lang=en} ${'y'.repeat(15)}`]).success).toBe(
      false,
    );
  });
});
