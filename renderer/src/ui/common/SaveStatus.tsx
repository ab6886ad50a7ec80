import { useTranslation } from 'react-i18next';
import type { SaveState } from '../../core/store/StoreSession';

/** How one feature words and styles its save status. */
export interface SaveStatusProps {
  state: SaveState;
  /** The feature's class; `--failed` is added to it on a failure. */
  className: string;
  /** Before the error message; "Not saved:" unless the feature says more. */
  failedPrefix?: string;
  /** What shows before any change; "No unsaved changes" unless the feature says more. */
  idleText?: string;
  /** What shows once saved; "All changes saved" unless the feature says less. */
  savedText?: string;
}

/**
 * The visible save state: "Saving…", "All changes saved", or what went wrong. A polite status
 * region, so a screen reader hears the outcome without losing its place; a failure is an alert.
 */
export function SaveStatus({
  state,
  className,
  failedPrefix,
  idleText,
  savedText,
}: SaveStatusProps) {
  const { t } = useTranslation('common');
  if (state.status === 'failed') {
    return (
      <p className={`${className} ${className}--failed`} role="alert">
        {failedPrefix ?? t('saveStatus.failedPrefix')} {state.message}
      </p>
    );
  }
  const text =
    state.status === 'saving'
      ? t('saveStatus.saving')
      : state.status === 'saved'
        ? (savedText ?? t('saveStatus.saved'))
        : (idleText ?? t('saveStatus.idle'));
  return (
    <p className={className} role="status">
      {text}
    </p>
  );
}
