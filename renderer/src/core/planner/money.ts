/**
 * Money is kept in integer cents (Canadian dollars) so that totals never pick up floating-point
 * error. These helpers convert at the edges: forms and exports.
 */

/** Largest amount accepted: one billion dollars, far above any municipal digital project. */
export const MAX_CENTS = 100_000_000_000;

/** `123456` -> `1234.56` (plain, no separators: what spreadsheets and CSV readers expect). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * `123456` -> `$1,234.56` (in `en-CA`), for people. The caller gives the locale of the interface
 * language (core does not know it).
 */
export function formatCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/**
 * Reads an amount typed by a person (`1234`, `1,234.5`, `$1 234.56`) into cents. Returns null when
 * it is not a non-negative amount with at most two decimals.
 */
export function parseDollarsToCents(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^\$/, '')
    .replace(/[,\s\u00a0]/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
}
