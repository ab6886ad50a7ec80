/**
 * 1000000 as "1,000,000": a count written the way `locale` (an `Intl` locale) groups thousands.
 * Callers that word their message through the catalogue pass the interface language's locale
 * (`currentLocale()`, or use `formatNumber` in ui/); the English problem lines core still writes
 * itself (import checks, validation details) keep the default, Canadian English.
 */
export function formatCount(count: number, locale = 'en-CA'): string {
  return count.toLocaleString(locale);
}
