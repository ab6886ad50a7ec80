import type { Language } from '../../../../electron/shared/language';
import { splitEnglishSpans } from '../markdown/englishSpanText';

/** A figure as written in a text, and its value in one spelling both languages share. */
export interface Figure {
  /** As written: `17,262`, `17 262` (no-break space), `2.5`, `2,5`. */
  text: string;
  /** Digits without grouping, a decimal point for the decimal separator: `17262`, `2.5`. */
  value: string;
}

// Every run of digits is a figure, including those inside names ("COVID-19", "Office 365"): a
// translation keeps them as they are, so they must match too. Digits glued after a letter
// ("MS365") are a product name, left alone in both languages. English groups thousands with a
// comma; French with a no-break space (U+00A0) or a narrow one (U+202F), and writes a decimal
// comma (a version number such as "2.0" keeps its point in both).
const FIGURE_PATTERNS: Readonly<Record<Language, RegExp>> = {
  en: /(?<![\p{L}\p{N}])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/gu,
  fr: /(?<![\p{L}\p{N}])(?:\d{1,3}(?:[\u00A0\u202F]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)/gu,
};

/** The figures of a plain text written the `language` way, in order. */
export function figuresIn(text: string, language: Language): Figure[] {
  return [...text.matchAll(FIGURE_PATTERNS[language])].map((match) => ({
    text: match[0],
    value:
      language === 'en'
        ? match[0].replace(/,/g, '')
        : match[0].replace(/[\u00A0\u202F]/g, '').replace(',', '.'),
  }));
}

/**
 * The figures of a French plain text: those of its French wording, and apart those of the English
 * wording it quotes in `[text]{lang=en}` spans (written the English way). A quotation is usually
 * followed by its translation, so its figures may appear twice; see {@link compareFigures}.
 */
export function frenchFigures(text: string): { french: Figure[]; quoted: Figure[] } {
  const french: Figure[] = [];
  const quoted: Figure[] = [];
  for (const part of splitEnglishSpans(text)) {
    if (part.english) quoted.push(...figuresIn(part.text, 'en'));
    // A span's ends stand between words: keep them apart so "2019[...]" is not read as one.
    else french.push(...figuresIn(` ${part.text} `, 'fr'));
  }
  return { french, quoted };
}

/** How the figures of a French field differ from its English counterpart's. */
export interface FigureDifference {
  /** English figures the French field does not have as often (written the English way). */
  missing: string[];
  /** French figures the English field does not have as often (written as in the French). */
  extra: string[];
}

/**
 * Compares a field's figures across the two versions, as multisets of values. A figure of the
 * English may appear in the French wording, in a quoted English span, or both (a quotation and
 * its translation); it is missing when neither has it as often as the English does, and the
 * French wording has an extra figure when it has it more often than the English.
 */
export function compareFigures(
  english: readonly Figure[],
  french: { french: readonly Figure[]; quoted: readonly Figure[] },
): FigureDifference {
  const count = (figures: readonly Figure[]) => {
    const counts = new Map<string, number>();
    for (const f of figures) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
    return counts;
  };
  const wanted = count(english);
  const written = count(french.french);
  const quoted = count(french.quoted);
  const missing: string[] = [];
  const extra: string[] = [];
  const seen = new Set<string>();
  for (const figure of english) {
    if (seen.has(figure.value)) continue;
    seen.add(figure.value);
    const need = wanted.get(figure.value) ?? 0;
    const have = (written.get(figure.value) ?? 0) + (quoted.get(figure.value) ?? 0);
    for (let i = have; i < need; i++) missing.push(figure.text);
  }
  const seenFrench = new Set<string>();
  for (const figure of french.french) {
    if (seenFrench.has(figure.value)) continue;
    seenFrench.add(figure.value);
    const surplus = (written.get(figure.value) ?? 0) - (wanted.get(figure.value) ?? 0);
    for (let i = 0; i < surplus; i++) extra.push(figure.text);
  }
  return { missing, extra };
}
