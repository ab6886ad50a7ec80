/** A quotation in running text: the words between the marks, and where the marks are. */
export interface Quotation {
  text: string;
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark. */
  end: number;
}

/** A sentence of a block of prose. */
export interface Sentence {
  text: string;
  /** Offset of the sentence in the block's text. */
  start: number;
  quotations: Quotation[];
}

const CLOSING_MARK: Readonly<Record<string, string>> = { '"': '"', '\u201C': '\u201D' };

/**
 * Finds the double-quoted passages of a text, straight ("...") or curly (“...”). Single quotes
 * are left alone: they are apostrophes far more often than quotation marks. A mark that is never
 * closed opens no quotation.
 */
export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = CLOSING_MARK[text[i] ?? ''];
    if (close === undefined) continue;
    const end = text.indexOf(close, i + 1);
    if (end === -1) continue;
    quotations.push({ text: text.slice(i + 1, end), start: i, end: end + 1 });
    i = end;
  }
  return quotations;
}

// A period after one of these (or after a single capital, an initial) does not end a sentence.
const ABBREVIATIONS = new Set(
  'e.g i.e etc vs mr mrs ms dr st no nos inc ltd co corp approx ont jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
// End mark, any closing quotes or brackets, then space and the start of a new sentence.
const SENTENCE_END = /[.!?][)\]"'\u2019\u201D]*\s+(?=[A-Z0-9"'(\u201C\u2018[#])/g;

/**
 * Splits a block of prose into sentences. A full stop inside a quotation does not end the
 * sentence around it, so a quoted sentence stays with the words that attribute it.
 */
export function splitSentences(text: string): Sentence[] {
  const quotations = findQuotations(text);
  const inQuotation = (at: number) => quotations.some((q) => at > q.start && at < q.end - 1);
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index;
    const next = at + match[0].length;
    // The space after the mark decides: a quotation that closes before it ends with the sentence.
    if (inQuotation(next - 1) || isAbbreviation(text.slice(start, at))) continue;
    pushSentence(text, start, next, quotations, sentences);
    start = next;
  }
  pushSentence(text, start, text.length, quotations, sentences);
  return sentences;
}

function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  return /^[A-Z]$/.test(word) || ABBREVIATIONS.has(word.toLowerCase().replace(/^\(/, ''));
}

function pushSentence(
  text: string,
  start: number,
  end: number,
  quotations: readonly Quotation[],
  sentences: Sentence[],
): void {
  const raw = text.slice(start, end);
  const trimmed = raw.trim();
  if (trimmed === '') return;
  const offset = start + raw.indexOf(trimmed);
  sentences.push({
    text: trimmed,
    start: offset,
    quotations: quotations
      .filter((q) => q.start >= offset && q.end <= offset + trimmed.length)
      .map((q) => ({ ...q, start: q.start - offset, end: q.end - offset })),
  });
}
