import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, isLanguage } from '../../../../electron/shared/language';
import { Announcer, useAnnouncement } from '../common/Announcer';
import { SelectField } from '../common/fields/SelectField';
import { LANGUAGE_NAMES, currentLanguage, i18n } from '../common/i18n/i18n';
import { useSettings } from './SettingsContext';

/**
 * Settings → Language. Each option is its language's own name, marked with its `lang` (WCAG
 * 3.1.2), so a reader who does not understand the current language still finds theirs. With no
 * choice stored the list shows the language the system gave. The change is announced politely,
 * in the new language; the page stays where it is.
 */
export function LanguageField() {
  const { t } = useTranslation('settings');
  const { settings, update } = useSettings();
  const { message, announce } = useAnnouncement();

  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    const language = event.target.value;
    if (!isLanguage(language)) return;
    update({ language });
    announce(i18n.getFixedT(language, 'settings')('language.changed'));
  };

  return (
    <>
      <SelectField
        label={t('language.label')}
        hint={t('language.hint')}
        className="form-group"
        value={settings.language ?? currentLanguage()}
        onChange={choose}
      >
        {LANGUAGE_CODES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </SelectField>
      <Announcer message={message} />
    </>
  );
}
