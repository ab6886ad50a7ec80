/**
 * Money is kept in integer cents (Canadian dollars) so that totals never pick up floating-point
 * error. These helpers convert at the edges: forms and exports.
 */

/** Largest amount accepted: one billion dollars, far above any municipal digital project. */
export const MAX_CENTS = 100_000_000_000;

/**
 * `123456` -> `1234.56` (plain, no separators: what spreadsheets and CSV readers expect, and what
 * a money field starts with). `decimal` is the interface language's decimal mark (`,` in French,
 * where French Excel and a French reader expect `1234,56`).
 */
export function centsToDecimal(cents: number, decimal: DecimalMark = '.'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}${decimal}${String(abs % 100).padStart(2, '0')}`;
}

/** The mark between whole dollars and cents: `.` in English, `,` in French. */
export type DecimalMark = '.' | ',';

/** The decimal mark `locale` writes numbers with (`Intl`'s own, so no language list here). */
export function decimalMarkOf(locale: string): DecimalMark {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/**
 * `123456` -> `$1,234.56` (in `en-CA`), for people. The caller gives the locale of the interface
 * language (core does not know it).
 */
export function formatCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/**
 * Reads an amount typed by a person into cents, the way the interface language (`locale`, given
 * by the UI: core does not know it) writes amounts:
 * - English (`.` decimal): `1234`, `1,234.5`, `$1 234.56`; commas and spaces are ignored.
 * - French (`,` decimal): `1234`, `1 234,50`, `1 234,50 $` (space, no-break space or narrow
 *   no-break space between groups of three; `$` before or after). A `.` is read as the decimal
 *   mark too, since many keyboards' number pads type it (`1234.50`).
 * Returns null when it is not a non-negative amount with at most two decimals. Input that could
 * be read two ways is refused, not guessed: in French `1,234` (a decimal comma, so 1.234 dollars,
 * or an English thousands comma?), `1.234,50`, `1 23` or `1,234.50`; the caller then asks for a
 * clear amount.
 */
export function parseDollarsToCents(text: string, locale: string): number | null {
  const digits =
    decimalMarkOf(locale) === ',' ? commaDecimalDigits(text) : pointDecimalDigits(text);
  if (digits === null) return null;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(digits);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
}

/** English amounts: a leading `$`, then digits where commas and spaces are ignored. */
function pointDecimalDigits(text: string): string {
  return text
    .trim()
    .replace(/^\$/, '')
    .replace(/[,\s\u00a0]/g, '');
}

/**
 * French amounts: `$` before or after, groups of three separated by any space, then `,` (or `.`)
 * and the cents. Returns the amount as `1234.5`, or null when the groups are not of three.
 */
function commaDecimalDigits(text: string): string | null {
  // `\s` covers the space, the no-break space and the narrow no-break space Intl writes in fr.
  const bare = text
    .trim()
    .replace(/^\$\s*/, '')
    .replace(/\s*\$$/, '');
  const match = /^(\d{1,3}(?:\s\d{3})+|\d+)(?:[,.](\d*))?$/.exec(bare);
  if (!match) return null;
  const whole = (match[1] ?? '').replace(/\s/g, '');
  return match[2] === undefined ? whole : `${whole}.${match[2]}`;
}
