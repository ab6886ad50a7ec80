/**
 * The participant page's own small i18next instance: only the `room` namespace, so a phone on
 * hall Wi-Fi loads the page's words and not the whole app's catalogue. Same settings as the
 * app's instance (ui/common/i18n/i18n.ts), which the page must not import: it carries every
 * namespace. Every participant text is set with textContent, so nothing is escaped here.
 */
import i18next from 'i18next';
import room from '../locales/en/room.json';

/** The page's languages with the locale `Intl` formats their numbers in (as the app's). */
const LOCALES = { en: 'en-CA' } as const;

const i18n = i18next.createInstance();

void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(LOCALES),
  resources: { en: { room } },
  ns: ['room'],
  defaultNS: 'room',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Words a participant-page message: `t('join.code')` is `room:participant.join.code`. */
export const t = i18n.getFixedT('en', 'room', 'participant');

const numbers = new Intl.NumberFormat(LOCALES.en);

/** A count as the page's language writes it. */
export function formatCount(value: number): string {
  return numbers.format(value);
}

const lists = new Intl.ListFormat(LOCALES.en, { type: 'conjunction' });

/** Items joined as the page's language joins a list ("a, b and c"). */
export function formatList(items: string[]): string {
  return lists.format(items);
}
