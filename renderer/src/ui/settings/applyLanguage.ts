import { systemLanguage, type Language } from '../../../../electron/shared/language';
import type { Host } from '../../host/Host';
import { setLanguage } from '../common/i18n/i18n';

/**
 * The language the interface speaks for a stored choice: the user's, or with none (`null`, as on
 * a first start) the first of the system's preferred languages the toolkit speaks
 * (`navigator.languages`, e.g. `['fr-CA', 'en']` gives French).
 */
export function chosenLanguage(
  setting: Language | null,
  preferred: readonly string[] = navigator.languages,
): Language {
  return setting ?? systemLanguage(preferred);
}

/**
 * Speaks the chosen language on the page (words, `lang` and `dir` on <html>) and, given a host,
 * in the desktop shell's menus. main.tsx calls it before the first render, so nothing is ever
 * shown in English first; the settings provider calls it again whenever the choice changes.
 */
export function applyLanguage(
  setting: Language | null,
  host?: Pick<Host, 'setLanguage'>,
): Language {
  const language = chosenLanguage(setting);
  setLanguage(language);
  // Menus in the old language are no reason to stop the page; main logs what went wrong.
  host?.setLanguage?.(language).catch(() => undefined);
  return language;
}
