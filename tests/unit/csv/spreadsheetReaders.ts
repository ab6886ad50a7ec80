/**
 * How spreadsheets read a CSV file, for checking what a person would see when opening ours: with
 * the separator it was written with, by a real RFC 4180 parser; or with the other one (a comma
 * file opened by Excel in French, which splits at `;`, or a semicolon file opened by Excel in
 * English, which splits at `,`), where our quoting partly loses its meaning.
 */
import Papa from 'papaparse';

/** A separator a spreadsheet splits cells at: `,` in English, `;` in French. */
export type Separator = ',' | ';';

/** Reads CSV text with `separator` the way a spreadsheet would, with a real RFC 4180 parser. */
export function rowsWith(
  text: string,
  separator: Separator,
): { rows: string[][]; errors: unknown[] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    newline: '\r\n',
    delimiter: separator, // as Excel reads it with that list separator; no guessing
    skipEmptyLines: true,
  });
  return { rows: result.data, errors: result.errors };
}

/** Reads CSV text with `,`, as Excel does with an English (Canada) list separator. */
export const commaRows = (text: string) => rowsWith(text, ',');

/**
 * Reads CSV as a spreadsheet told that `separator` separates cells would, honouring a quote only
 * at the start of a cell (after the closing quote the text runs on to the next separator or line
 * break, as in Excel). The stricter of the two common readings: when the file was written with the
 * other separator, ours are text here, so our quoting is lost after the first cell of each line.
 */
export function cellsQuoteAtStart(text: string, separator: Separator): string[] {
  const breaks = `${separator}\r\n`;
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          cell += text.charAt(i);
          i += 1;
        }
      }
    }
    while (i < text.length && !breaks.includes(text[i] ?? '')) {
      cell += text.charAt(i);
      i += 1;
    }
    cells.push(cell);
    if (i >= text.length) return cells;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
  }
}

/** The other common reading: every quote opens or closes a quoted stretch, wherever it is. */
export function cellsQuoteToggles(text: string, separator: Separator): string[] {
  const breaks = `${separator}\r\n`;
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '"' && quoted && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && breaks.includes(char)) {
      cells.push(cell);
      cell = '';
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      cell += char;
    }
  }
  return [...cells, cell];
}

/** A named way of reading a file into cells. */
export type Reader = readonly [string, (text: string) => string[]];

/** Every reading above with `separator`, and Papa Parse's, by name: a file must be safe under each. */
export function readersSplittingAt(separator: Separator): readonly Reader[] {
  return [
    ['honouring quotes only at the start of a cell', (text) => cellsQuoteAtStart(text, separator)],
    ['with quotes toggling anywhere', (text) => cellsQuoteToggles(text, separator)],
    [
      'as Papa Parse does',
      (text) =>
        Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: separator }).data.flat(),
    ],
  ];
}

/** The `;` readings: Excel in French opening a file. */
export const SEMICOLON_READERS = readersSplittingAt(';');

/** The `,` readings: Excel in English opening a file. */
export const COMMA_READERS = readersSplittingAt(',');

/**
 * True when a spreadsheet could read the cell as a formula: a formula character first, after any
 * spaces, tabs, line breaks or quotes it would skip.
 */
export const looksLikeFormula = (cell: string) => /^[ \t\r\n"]*[=+\-@]/.test(cell);

/** True when a cell starts with a tab or carriage return, which some programs strip first. */
export const startsWithControl = (cell: string) => /^[\t\r]/.test(cell);
