/**
 * How spreadsheets read a CSV file, for checking what a person would see when opening ours:
 * with `,` (an English list separator) by a real RFC 4180 parser, or with `;` (French and most
 * European locales), where our commas are plain text and our quoting partly loses its meaning.
 */
import Papa from 'papaparse';

/** Reads CSV text with `,` the way a spreadsheet would, with a real RFC 4180 parser. */
export function commaRows(text: string): { rows: string[][]; errors: unknown[] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    newline: '\r\n',
    delimiter: ',', // as Excel reads it with an English (Canada) list separator; no guessing
    skipEmptyLines: true,
  });
  return { rows: result.data, errors: result.errors };
}

/**
 * Reads CSV as a spreadsheet told that `;` separates cells would, honouring a quote only at the
 * start of a cell (after the closing quote the text runs on to the next separator or line break,
 * as in Excel). The stricter of the two common readings: our commas are text here, so our quoting
 * is lost after the first cell of each line.
 */
export function semicolonCellsQuoteAtStart(text: string): string[] {
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
    while (i < text.length && !';\r\n'.includes(text[i] ?? '')) {
      cell += text.charAt(i);
      i += 1;
    }
    cells.push(cell);
    if (i >= text.length) return cells;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
  }
}

/** The other common reading: every quote opens or closes a quoted stretch, wherever it is. */
export function semicolonCellsQuoteToggles(text: string): string[] {
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
    } else if (!quoted && ';\r\n'.includes(char)) {
      cells.push(cell);
      cell = '';
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      cell += char;
    }
  }
  return [...cells, cell];
}

/** Every `;` reading above, and Papa Parse's, by name: a file must be safe under each. */
export const SEMICOLON_READERS: readonly (readonly [string, (text: string) => string[]])[] = [
  ['honouring quotes only at the start of a cell', semicolonCellsQuoteAtStart],
  ['with quotes toggling anywhere', semicolonCellsQuoteToggles],
  [
    'as Papa Parse does',
    (text) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';' }).data.flat(),
  ],
];

/**
 * True when a spreadsheet could read the cell as a formula: a formula character first, after any
 * spaces, tabs, line breaks or quotes it would skip.
 */
export const looksLikeFormula = (cell: string) => /^[ \t\r\n"]*[=+\-@]/.test(cell);

/** True when a cell starts with a tab or carriage return, which some programs strip first. */
export const startsWithControl = (cell: string) => /^[\t\r]/.test(cell);
