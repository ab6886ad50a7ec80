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
// A straight mark opens a quotation only at the start of a word (after a space, a bracket or a
// dash) and closes one only at the end of a word: `12" pipe` is an inch, not a quotation.
const OPENS_AFTER = /[\s([{\u2014\u2013/-]/;

/**
 * Finds the double-quoted passages of a text, straight ("...") or curly (“...”). Single quotes
 * are left alone: they are apostrophes far more often than quotation marks. A mark that is never
 * closed opens no quotation, and neither does one whose closing mark lies past the end of its
 * sentence: a stray mark would otherwise swallow the sentences up to the next quotation. Only a
 * quotation of whole sentences (a capital after the opening mark, an end mark before the
 * closing one) may hold a sentence end.
 */
export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = text[i] ?? '';
    const close = CLOSING_MARK[mark];
    if (close === undefined || !canOpen(text, i)) continue;
    const end = closingMark(text, i, close);
    if (end === -1) continue;
    const inner = text.slice(i + 1, end);
    if (hasSentenceEnd(inner) && !/^[\p{Lu}\d][\s\S]*[.!?]$/u.test(inner)) continue;
    quotations.push({ text: inner, start: i, end: end + 1 });
    i = end;
  }
  return quotations;
}

function canOpen(text: string, at: number): boolean {
  if (text[at] !== '"') return true;
  const before = text[at - 1];
  const after = text[at + 1];
  return (
    (before === undefined || OPENS_AFTER.test(before)) && after !== undefined && /\S/.test(after)
  );
}

/** The closing mark for the mark at `open`, or -1; a straight mark that opens a new word cannot close. */
function closingMark(text: string, open: number, close: string): number {
  const end = text.indexOf(close, open + 1);
  if (end === -1 || close !== '"') return end;
  return /\s/.test(text[end - 1] ?? ' ') ? -1 : end;
}

/** A sentence end inside a quotation; the dots of an ellipsis ("... Input") are not one. */
function hasSentenceEnd(text: string): boolean {
  for (const match of text.matchAll(SENTENCE_END))
    if (text[match.index - 1] !== '.' && !isAbbreviation(text.slice(0, match.index))) return true;
  return false;
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
