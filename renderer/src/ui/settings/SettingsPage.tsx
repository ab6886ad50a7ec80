import type { ChangeEvent } from 'react';
import { useId } from 'react';
import type { TextSize, Theme } from '../../core/settings/settingsSchema';
import { AUTHOR_NAME_MAX, TEXT_SIZES, THEMES } from '../../core/settings/settingsSchema';
import { Page } from '../common/Page';
import type { SaveState } from '../../core/store/StoreSession';
import { useSettings } from './SettingsContext';

const THEME_LABELS: Record<Theme, { label: string; hint: string }> = {
  light: { label: 'Light', hint: 'Dark text on a light background.' },
  dark: { label: 'Dark', hint: 'Light text on a dark background.' },
  system: { label: 'System', hint: 'Follow your computer’s light or dark setting.' },
};

const TEXT_SIZE_LABELS: Record<TextSize, string> = {
  100: '100% (standard)',
  112: '112%',
  125: '125%',
  150: '150%',
};

/** Typing pauses this long before the name is saved, so each keystroke is not a write. */
const NAME_SAVE_DELAY_MS = 400;

/** Appearance and personal settings, saved as they change. */
export function SettingsPage() {
  const { settings, update, flush, saveState } = useSettings();
  const id = useId();

  return (
    <Page title="Settings">
      <p>Changes are saved on this device as soon as you make them.</p>
      <SaveStatus state={saveState} />

      <fieldset className="form-group">
        <legend className="ontario-fieldset__legend">Theme</legend>
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
              <label htmlFor={`${id}-theme-${theme}`}>{THEME_LABELS[theme].label}</label>
              <span id={`${id}-theme-${theme}-hint`} className="choice__hint">
                {THEME_LABELS[theme].hint}
              </span>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend className="ontario-fieldset__legend">Text size</legend>
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
              <label htmlFor={`${id}-size-${size}`}>{TEXT_SIZE_LABELS[size]}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="form-group">
        <label className="ontario-label" htmlFor={`${id}-author`}>
          Your name
        </label>
        <p id={`${id}-author-hint`} className="hint">
          Shown on the annotations and notes you write, so others know who wrote them. It stays on
          this device unless you export your work.
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
    </Page>
  );
}

/** "Saved" / "Saving…" / the error, announced politely to screen readers. */
function SaveStatus({ state }: { state: SaveState }) {
  let text = '';
  if (state.status === 'saving') text = 'Saving…';
  else if (state.status === 'saved') text = 'Saved';
  else if (state.status === 'failed') text = `Not saved. ${state.message}`;
  return (
    <p
      role="status"
      className={state.status === 'failed' ? 'save-status save-status--failed' : 'save-status'}
    >
      {text}
    </p>
  );
}
