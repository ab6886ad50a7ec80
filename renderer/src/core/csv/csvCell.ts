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
 * Where a spreadsheet that split our cell would start a new cell that looks like a formula: after
 * a `;` (Excel's separator in French and most European locales, where our commas are just text
 * and our quotes lose their meaning once a line has been split) or a line break, when a formula
 * character (after any spaces, tabs or quotes) or a tab follows.
 */
const FORMULA_AFTER_SPLIT = /(\r\n|[;\r\n])(?=[ \t"]*[=+\-@]|\t)/g;

/**
 * One CSV cell, always quoted (RFC 4180: quotes doubled, line breaks kept inside the quotes).
 * Formula injection is neutralised wherever a cell could start, at the start of ours or inside it
 * (after a `;` or a line break), by an apostrophe before the formula, which Excel and LibreOffice
 * show as text and do not run: so no cell starts like a formula whether the file is read with `,`
 * or `;`. Dates and amounts never start that way and stay as they are, so spreadsheets still read
 * them as dates and numbers (OWASP's CSV injection advice, extended to the `;` reading).
 */
export function csvCell(value: string): string {
  // The two passes are separate so that a cell starting with a split (`\r=`) gets both marks.
  const inside = value.replace(FORMULA_AFTER_SPLIT, "$1'");
  const safe = FORMULA_AT_START.test(value) ? `'${inside}` : inside;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One record: the cells, each through `csvCell`, separated by commas. */
export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A whole CSV file that Excel opens correctly: UTF-8 with a byte-order mark (without it, Excel on
 * Windows reads accents such as "Clarence-Rockland, Lac-Sainte-Thérèse" as mojibake), one record
 * per row, each ended with CRLF as RFC 4180 and Excel expect.
 */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => `${csvRow(row)}\r\n`).join('')}`;
}
