import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What a feature tells the user about a stored document it could not use as it was. */
export interface LoadNoticeProps {
  /** The callout's title, e.g. "There was a problem with your saved plans". */
  title: string;
  summary: string;
  details?: readonly string[];
  /** Extra classes after `callout callout--warning`. */
  className?: string;
  /** Offers "Dismiss this notice"; called after the notice is hidden. */
  onDismiss?: () => void;
}

/**
 * A warning callout (an alert) saying, once, what went wrong with a stored document, what the
 * toolkit did and where the original was kept. Dismissible when `onDismiss` is given.
 */
export function LoadNotice({
  title,
  summary,
  details = [],
  className,
  onDismiss,
}: LoadNoticeProps) {
  const { t } = useTranslation('common');
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <div
      className={className ? `callout callout--warning ${className}` : 'callout callout--warning'}
      role="alert"
    >
      <p className="callout__title">{title}</p>
      <p>{summary}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {onDismiss && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDismissed(true);
            onDismiss();
          }}
        >
          {t('loadNotice.dismiss')}
        </button>
      )}
    </div>
  );
}
