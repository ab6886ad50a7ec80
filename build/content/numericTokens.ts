/** What kind of figure a numeric token is. */
export type NumericKind = 'money' | 'percent' | 'date' | 'year' | 'number';

/** A figure in running text: "$20,500", "45%", "12 May 2021", "2019-2021", "3,011". */
export interface NumericToken {
  text: string;
  kind: NumericKind;
  /** Offset in the text it was found in. */
  start: number;
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';
const AMOUNT = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:million|billion|thousand|[MBK])\b)?`;
const YEAR = String.raw`(?:1[89]|20)\d{2}`;

// Most specific first: a date or a sum of money is one figure, not two or three numbers.
const PATTERNS: ReadonlyArray<[NumericKind, string]> = [
  ['money', String.raw`(?:CA|C|US)?\$\s?(?:${AMOUNT})${SCALE}`],
  ['percent', String.raw`(?:${AMOUNT})\s?(?:%|per cent\b|percent\b)`],
  [
    'date',
    String.raw`\d{1,2}\s(?:${MONTHS})\s${YEAR}|(?:${MONTHS})\s\d{1,2},\s${YEAR}|(?:${MONTHS})\s${YEAR}`,
  ],
  ['year', String.raw`${YEAR}(?:\s?[-\u2013]\s?(?:${YEAR}|\d{2}))?(?!,\d)`],
  ['number', String.raw`(?:${AMOUNT})(?:st|nd|rd|th)?`],
];

// A figure stands alone: digits glued to letters or a hyphen ("COVID-19", "MS365", "e-311")
// are part of a name, and "24/7", "10:30" or "2.0.1" are not amounts.
const TOKEN = new RegExp(
  String.raw`(?<![\w$/.,:-])(?:${PATTERNS.map(([kind, pattern]) => `(?<${kind}>${pattern})`).join('|')})(?![\w/]|[.,:-]\d)`,
  'g',
);

// A by-law's number ("Bylaw 2020-45", "by-law No. 2019-12") names it; it is neither a year
// range nor a figure.
const BYLAW_NUMBER = /\b[Bb]y-?law\s+(?:No\.?\s*|Number\s+|#\s*)?$/;

/**
 * Finds the figures in a run of plain text (a paragraph, a list item or a table cell; the
 * caller leaves out headings, and list markers are not part of the text).
 */
export function numericTokens(text: string): NumericToken[] {
  const tokens: NumericToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const kind = PATTERNS.find(([name]) => match.groups?.[name] !== undefined)?.[0] ?? 'number';
    const before = text.slice(0, match.index);
    if ((kind === 'number' && partOfName(before)) || BYLAW_NUMBER.test(before)) continue;
    tokens.push({ text: match[0], kind, start: match.index });
  }
  return tokens;
}

/**
 * A bare number right after a capitalised word inside a sentence is part of a name ("Office 365",
 * "Toronto 311", "Phase 2", "Ward 3"), not a figure. A capitalised word that opens the sentence
 * ("About 95 ...") or a possessive ("Ontario's 444 ...") does not make a name.
 */
function partOfName(before: string): boolean {
  const word = /(?<!['\u2019\w])[A-Z][A-Za-z]*\s$/.exec(before);
  if (!word) return false;
  const previous = before.slice(0, word.index).trimEnd();
  return previous !== '' && !/[.!?:;]["'\u201D\u2019)]*$/.test(previous);
}
