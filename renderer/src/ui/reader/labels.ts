import { formatDate, formatNumber } from '../common/i18n/format';
import { t } from '../common/i18n/i18n';

/**
 * A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as people read it ("September 2023", "14 August 2017").
 * Only the month's name comes from `Intl` (read at noon UTC, so no time zone moves it into another
 * month); the order of day, month and year is the catalogue's, so a partial date never gains a
 * day it did not have.
 */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-');
  const monthIndex = Number(month) - 1;
  if (year === undefined || !Number.isInteger(monthIndex) || monthIndex < 0 || monthIndex > 11)
    return value;
  const monthName = formatDate(Date.UTC(2000, monthIndex, 1, 12), {
    month: 'long',
    timeZone: 'UTC',
  });
  if (day === undefined) return t('reader:partialDate.month', { month: monthName, year });
  return t('reader:partialDate.day', { day: formatNumber(Number(day)), month: monthName, year });
}

/** True when a source address can be opened through the host (https: only; never http:). */
export function isOpenableSourceUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
