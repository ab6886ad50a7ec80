import { isIsoDate } from '../content/frontMatter';

declare const isoDateBrand: unique symbol;

/** A calendar date written `YYYY-MM-DD`, with no time or time zone (due dates are whole days). */
export type IsoDate = string & { readonly [isoDateBrand]: true };

export { isIsoDate };

/** Brands a string as an IsoDate, throwing when it is not a real `YYYY-MM-DD` date. */
export function asIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new Error(`not a date written YYYY-MM-DD: ${JSON.stringify(value)}`);
  return value as IsoDate;
}

/** Today's date in the user's own time zone (not UTC: a task due today is due on the local day). */
export function localIsoDate(now: Date = new Date()): IsoDate {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}` as IsoDate;
}

/** The day after `date` (for the exclusive end of an all-day calendar event). */
export function nextDay(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10) as IsoDate;
}
