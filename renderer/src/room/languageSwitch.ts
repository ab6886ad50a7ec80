/**
 * "English" / "Français" at the top of the participant page (issue 18): each name in its own
 * language with its own `lang` (WCAG 3.1.2), as Canada.ca's toggle shows it, so a reader finds
 * their language whatever the page speaks; the current one is pressed (aria-pressed).
 */
import { LANGUAGE_CODES } from '../../../electron/shared/language';
import { el } from './dom';
import { currentLanguage, t, type Language } from './i18n';

/** Each language's name in that language: not translated (the app's LANGUAGE_NAMES). */
const NAMES: Readonly<Record<Language, string>> = { en: 'English', fr: 'Français' };

export interface LanguageSwitch {
  element: HTMLElement;
  /** Shows the current language as pressed and words the group's name. */
  update(): void;
}

export function languageSwitch(choose: (language: Language) => void): LanguageSwitch {
  const buttons = LANGUAGE_CODES.map((language) => {
    const button = el(
      'button',
      { type: 'button', class: 'language', lang: language },
      NAMES[language],
    );
    button.addEventListener('click', () => {
      if (language !== currentLanguage()) choose(language);
    });
    return [language, button] as const;
  });
  const element = el('div', { class: 'languages', role: 'group' }, ...buttons.map(([, b]) => b));
  const update = (): void => {
    element.setAttribute('aria-label', t('language'));
    for (const [language, button] of buttons) {
      button.setAttribute('aria-pressed', String(language === currentLanguage()));
    }
  };
  update();
  return { element, update };
}
