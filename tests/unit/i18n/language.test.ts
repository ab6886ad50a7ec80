/**
 * Which language the toolkit speaks (issue 18): on a first start, the system's; afterwards, the
 * stored choice; and once it speaks French, numbers, money, dates and lists are written the way
 * Canadian French writes them, through Intl with fr-CA.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isLanguage, systemLanguage } from '../../../electron/shared/language';
import { defaultSettings } from '../../../renderer/src/core/settings/settingsSchema';
import { formatCents } from '../../../renderer/src/core/planner/money';
import {
  compareText,
  formatDate,
  formatList,
  formatNumber,
} from '../../../renderer/src/ui/common/i18n/format';
import {
  currentLanguage,
  currentLocale,
  setLanguage,
  t,
} from '../../../renderer/src/ui/common/i18n/i18n';
import { chosenLanguage } from '../../../renderer/src/ui/settings/applyLanguage';

afterEach(() => setLanguage('en'));

describe('the first start follows the system language', () => {
  it.each([
    [['fr-CA', 'en-CA'], 'fr'],
    [['fr'], 'fr'],
    [['FR_ca'], 'fr'],
    [['fr-FR', 'en'], 'fr'],
    [['de-DE', 'fr-CH', 'en'], 'fr'],
    [['en-CA', 'fr-CA'], 'en'],
    [['de', 'es'], 'en'],
    [['frr'], 'en'], // North Frisian is not French
    [[], 'en'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(systemLanguage(preferred)).toBe(expected);
  });

  it('on a first start (no choice stored) speaks the system language', () => {
    const fresh = defaultSettings();
    expect(fresh.language).toBeNull();
    expect(chosenLanguage(fresh.language, ['fr-CA', 'en-US'])).toBe('fr');
    expect(chosenLanguage(fresh.language, ['en-US'])).toBe('en');
  });

  it('afterwards speaks the stored choice, whatever the system says', () => {
    expect(chosenLanguage('en', ['fr-CA'])).toBe('en');
    expect(chosenLanguage('fr', ['en-CA'])).toBe('fr');
  });

  it('knows only the codes it speaks', () => {
    expect(['en', 'fr', 'fr-CA', 'de', null].map(isLanguage)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('speaking French', () => {
  it('changes the words and the locale at once, and back', () => {
    setLanguage('fr');
    expect(currentLanguage()).toBe('fr');
    expect(currentLocale()).toBe('fr-CA');
    expect(t('app:routes.library')).toBe('Bibliothèque');
    setLanguage('en');
    expect(currentLocale()).toBe('en-CA');
    expect(t('app:routes.library')).toBe('Library');
  });

  it('writes numbers, money, dates and lists as Canadian French does', () => {
    setLanguage('fr');
    const nbsp = '\u00a0';
    expect(formatNumber(1234.5, { minimumFractionDigits: 2 })).toBe(`1${nbsp}234,50`);
    expect(formatNumber(0.25, { style: 'percent' })).toBe(`25${nbsp}%`);
    expect(formatCents(123450, currentLocale())).toBe(`1${nbsp}234,50${nbsp}$`);
    const day = '2026-12-06T12:00:00Z';
    // "le 6 décembre 2026": the article belongs to the sentence, the date to Intl.
    expect(
      formatDate(day, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    ).toBe('6 décembre 2026');
    expect(formatDate(day, { dateStyle: 'short', timeZone: 'UTC' })).toBe('2026-12-06');
    // The first of a month is an ordinal in French; Intl alone writes "1 décembre".
    const first = '2026-12-01T12:00:00Z';
    expect(formatDate(first, { dateStyle: 'long', timeZone: 'UTC' })).toBe('1er décembre 2026');
    expect(formatDate(first, { dateStyle: 'medium', timeZone: 'UTC' })).toBe('1er déc. 2026');
    expect(formatDate(first, { dateStyle: 'short', timeZone: 'UTC' })).toBe('2026-12-01');
    expect(formatDate('2026-12-11T12:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe(
      '11 décembre 2026',
    );
    expect(formatList(['A', 'B', 'C'])).toBe('A, B et C');
    expect(['zèbre', 'école', 'Avis'].sort(compareText)).toEqual(['Avis', 'école', 'zèbre']);
  });

  it('formats in English again after switching back (formatters are cached per locale)', () => {
    setLanguage('fr');
    expect(formatNumber(1234.5)).toBe('1\u00a0234,5');
    setLanguage('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatCents(123450, currentLocale())).toBe('$1,234.50');
  });
});
