import { COMMA_CSV, SEMICOLON_CSV, type CsvDialect } from '../../../core/csv/csvCell';
import { currentLocale } from './i18n';

// Numbers and dates are written the way the interface language writes them (`Intl` with the
// current locale), never with a hard-coded 'en-CA'. Formatters are cached per locale and
// options, since lists format thousands of values and building an `Intl` formatter is slow.

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A date formatter, and whether its language writes the first of a month "1er" (French). */
interface DateFormat {
  format: Intl.DateTimeFormat;
  firstAsOrdinal: boolean;
}
const dateFormats = new Map<string, DateFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function cached<F>(cache: Map<string, F>, options: object, make: (locale: string) => F): F {
  const locale = currentLocale();
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = make(locale);
    cache.set(key, format);
  }
  return format;
}

/** 1234567 as "1,234,567" (or "1 234 567" in French). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(numberFormats, options, (locale) => new Intl.NumberFormat(locale, options)).format(
    value,
  );
}

/**
 * A date (ISO text, epoch milliseconds or Date) in the interface language. The default is the
 * medium date style; pass the `Intl` options a screen has always used to keep its wording.
 */
export function formatDate(
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const { format, firstAsOrdinal } = cached(dateFormats, options, (locale) => {
    const made = new Intl.DateTimeFormat(locale, options);
    // Asked once per formatter: resolvedOptions() builds a new object on every call.
    return { format: made, firstAsOrdinal: made.resolvedOptions().locale.startsWith('fr') };
  });
  const date = new Date(value);
  if (!firstAsOrdinal) return format.format(date);
  // French writes the first of a month as an ordinal, "le 1er décembre", which Intl does not
  // (it gives "1 décembre"); every other day, and a date with a numeric month, stays as it is.
  const parts = format.formatToParts(date);
  const monthInWords = parts.some((part) => part.type === 'month' && /\p{L}/u.test(part.value));
  return parts
    .map((part) => (monthInWords && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

/** ["A", "B", "C"] as "A, B, and C" (or "A, B et C" in French). */
export function formatList(items: readonly string[]): string {
  const options: Intl.ListFormatOptions = { style: 'long', type: 'conjunction' };
  return cached(listFormats, options, (locale) => new Intl.ListFormat(locale, options)).format(
    items,
  );
}

/** Compares two texts as the interface language sorts them (accents, case). */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, currentLocale());
}

/**
 * The CSV the interface language's Excel expects: where numbers take a decimal comma (French),
 * Excel splits cells at `;` and reads `1234,56`; otherwise at `,` with `1234.56`.
 */
export function csvDialect(): CsvDialect {
  return formatNumber(1.5).includes(',') ? SEMICOLON_CSV : COMMA_CSV;
}
