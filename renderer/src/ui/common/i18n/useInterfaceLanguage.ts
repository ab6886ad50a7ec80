import { useTranslation } from 'react-i18next';
import { interfaceLanguageOf, type Language } from './i18n';

/**
 * The interface language, for a component: re-renders it when the language changes (as every
 * component that words something does), and agrees with `currentLanguage()` outside React.
 */
export function useInterfaceLanguage(): Language {
  const { i18n } = useTranslation();
  return interfaceLanguageOf(i18n);
}
