import type { Source } from '../../core/content/frontMatter';

/** How each source's reliability is named to readers (content-facts.md's three labels). */
export const RELIABILITY_LABELS: Readonly<Record<NonNullable<Source['reliability']>, string>> = {
  vendor: "Supplier's claim",
  secondary: 'Secondary source',
  unverified: 'Not verified',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as people read it ("September 2023", "14 August 2017").
 * Built by hand rather than with `Intl`, so a partial date never gains a day it did not have and
 * the result does not depend on the computer's time zone.
 */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (year === undefined || monthName === undefined) return value;
  if (day === undefined) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** A whole number with thousands separators, the Canadian English way: 17,262. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-CA');
}

/** True when a source address can be opened through the host (https: only; never http:). */
export function isOpenableSourceUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
