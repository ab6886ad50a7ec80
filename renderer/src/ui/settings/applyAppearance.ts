import type { Settings } from '../../core/settings/settingsSchema';

/**
 * Shows the theme and text size by setting data attributes on <html>; the CSS does the rest
 * (`data-theme="system"` follows prefers-color-scheme in CSS, so no listener is needed). Data
 * attributes rather than inline styles keep the strict CSP free of style exceptions.
 */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'textSize'>): void {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.textSize = String(settings.textSize);
}
