import type { ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextSize, Theme } from '../../core/settings/settingsSchema';
import { AUTHOR_NAME_MAX, TEXT_SIZES, THEMES } from '../../core/settings/settingsSchema';
import { Page } from '../common/Page';
import { SaveStatus } from '../common/SaveStatus';
import { formatNumber } from '../common/i18n/format';
import { TeamFolderSection } from '../team/TeamFolderSection';
import { LanguageField } from './LanguageField';
import { useSettings } from './SettingsContext';

/** The text size that is neither enlarged nor reduced. */
const STANDARD_TEXT_SIZE: TextSize = 100;

/** A text size as a percentage, e.g. "112%", and "100% (standard)" for the standard one. */
function textSizeLabel(size: TextSize, t: TFunction<'settings'>): string {
  const percent = formatNumber(size / 100, { style: 'percent' });
  return size === STANDARD_TEXT_SIZE ? t('textSize.standard', { percent }) : percent;
}

/** A theme's label and hint, from the catalogue. */
function themeWords(theme: Theme, t: TFunction<'settings'>): { label: string; hint: string } {
  return { label: t(`theme.${theme}.label`), hint: t(`theme.${theme}.hint`) };
}

/** Typing pauses this long before the name is saved, so each keystroke is not a write. */
const NAME_SAVE_DELAY_MS = 400;

/** Appearance and personal settings, saved as they change. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { settings, update, flush, saveState } = useSettings();
  const id = useId();

  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <SaveStatus
        state={saveState}
        className="save-status"
        savedText={t('saveStatus.saved')}
        idleText=""
        failedPrefix={t('saveStatus.failedPrefix')}
      />

      <LanguageField />

      <fieldset className="form-group">
        <legend className="ontario-fieldset__legend">{t('theme.legend')}</legend>
        <div className="choices">
          {THEMES.map((theme) => (
            <div className="choice" key={theme}>
              <input
                type="radio"
                id={`${id}-theme-${theme}`}
                name={`${id}-theme`}
                value={theme}
                checked={settings.theme === theme}
                onChange={() => update({ theme })}
                aria-describedby={`${id}-theme-${theme}-hint`}
              />
              <label htmlFor={`${id}-theme-${theme}`}>{themeWords(theme, t).label}</label>
              <span id={`${id}-theme-${theme}-hint`} className="choice__hint">
                {themeWords(theme, t).hint}
              </span>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend className="ontario-fieldset__legend">{t('textSize.legend')}</legend>
        <div className="choices choices--inline">
          {TEXT_SIZES.map((size) => (
            <div className="choice" key={size}>
              <input
                type="radio"
                id={`${id}-size-${size}`}
                name={`${id}-size`}
                value={size}
                checked={settings.textSize === size}
                onChange={() => update({ textSize: size })}
              />
              <label htmlFor={`${id}-size-${size}`}>{textSizeLabel(size, t)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="form-group">
        <label className="ontario-label" htmlFor={`${id}-author`}>
          {t('authorName.label')}
        </label>
        <p id={`${id}-author-hint`} className="hint">
          {t('authorName.hint')}
        </p>
        <input
          id={`${id}-author`}
          className="ontario-input ontario-input--20-char-width"
          type="text"
          autoComplete="name"
          maxLength={AUTHOR_NAME_MAX}
          value={settings.authorName}
          aria-describedby={`${id}-author-hint`}
          onChange={(event: ChangeEvent<HTMLInputElement>) =>
            update({ authorName: event.target.value }, NAME_SAVE_DELAY_MS)
          }
          onBlur={flush}
        />
      </div>

      <TeamFolderSection />
    </Page>
  );
}
