/**
 * The one way this app writes CSV (tasks, annotations, workshop results): files people open in
 * Excel or LibreOffice, often with text from other people (a task title from a shared backup, a
 * note typed in a workshop), so no cell may turn into a formula however the file is opened.
 */

/**
 * A cell a spreadsheet would run: a formula character (after any spaces, tabs or quotes), or a
 * leading tab or carriage return (which some programs strip before looking for one).
 */
const FORMULA_AT_START = /^(?:[ \t"]*[=+\-@]|[\t\r])/;

/**
 * How the reader's spreadsheet splits cells and writes decimals. Excel takes both from the
 * system's region: in English `,` between cells and `1234.56`; in French (and most European
 * locales), where the comma is the decimal mark, `;` between cells and `1234,56`. Core has no
 * locale: the UI picks the dialect of the interface language.
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

/** English Excel's CSV: `,` between cells, `1234.56`. */
export const COMMA_CSV: CsvDialect = { separator: ',', decimal: '.' };

/** French Excel's CSV: `;` between cells, `1234,56`. */
export const SEMICOLON_CSV: CsvDialect = { separator: ';', decimal: ',' };

/**
 * Where a spreadsheet that split our cell would start a new cell that looks like a formula: after
 * a separator the reader might use that is not ours (our quotes lose their meaning once a line has
 * been split there) or a line break, when a formula character (after any spaces, tabs or quotes)
 * or a tab follows. A comma file read with `;` (Excel in French) splits at `;`; a semicolon file
 * read with `,` (Excel in English) splits at `,`, and at `;` too if the reader was told to.
 */
const FORMULA_AFTER_SPLIT: Readonly<Record<CsvDialect['separator'], RegExp>> = {
  ',': /(\r\n|[;\r\n])(?=[ \t"]*[=+\-@]|\t)/g,
  ';': /(\r\n|[,;\r\n])(?=[ \t"]*[=+\-@]|\t)/g,
};

/**
 * One CSV cell, always quoted (RFC 4180: quotes doubled, line breaks kept inside the quotes).
 * Formula injection is neutralised wherever a cell could start, at the start of ours or inside it
 * (after the other separator or a line break), by an apostrophe before the formula, which Excel
 * and LibreOffice show as text and do not run: so no cell starts like a formula whether the file
 * is read with `,` or `;`. Dates and amounts never start that way and stay as they are, so spreadsheets still read
 * them as dates and numbers (OWASP's CSV injection advice, extended to the `;` reading).
 */
export function csvCell(value: string, dialect: CsvDialect): string {
  // The two passes are separate so that a cell starting with a split (`\r=`) gets both marks.
  const inside = value.replace(FORMULA_AFTER_SPLIT[dialect.separator], "$1'");
  const safe = FORMULA_AT_START.test(value) ? `'${inside}` : inside;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One record: the cells, each through `csvCell`, separated by the dialect's separator. */
export function csvRow(cells: readonly string[], dialect: CsvDialect): string {
  return cells.map((cell) => csvCell(cell, dialect)).join(dialect.separator);
}

/**
 * A whole CSV file that Excel opens correctly: UTF-8 with a byte-order mark (without it, Excel on
 * Windows reads accents such as "Clarence-Rockland, Lac-Sainte-Thérèse" as mojibake), one record
 * per row, each ended with CRLF as RFC 4180 and Excel expect, cells split the way the reader's
 * Excel splits them (`dialect`; the writer puts any decimals in that dialect's form).
 */
export function csvFile(rows: readonly (readonly string[])[], dialect: CsvDialect): string {
  return `\uFEFF${rows.map((row) => `${csvRow(row, dialect)}\r\n`).join('')}`;
}
