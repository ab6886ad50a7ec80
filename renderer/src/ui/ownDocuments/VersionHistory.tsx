import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OWN_LIMITS, type OwnVersion } from '../../core/ownDocuments/schema';
import { formatDate, formatNumber } from '../common/i18n/format';

export interface VersionHistoryProps {
  /** Oldest first, as stored; the last is the current one. */
  versions: readonly OwnVersion[];
  onRestore: (index: number, date: string) => void;
}

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Every kept version, newest first, each but the current one with a "Restore" button. */
export function VersionHistory({ versions, onRestore }: VersionHistoryProps) {
  const { t } = useTranslation('own');
  const id = useId();
  const last = versions.length - 1;
  return (
    <section aria-labelledby={id} className="own-section own-history">
      <h2 id={id}>{t('history.title')}</h2>
      <p>{t('history.intro', { limit: formatNumber(OWN_LIMITS.versions) })}</p>
      <ol className="own-history__list">
        {versions
          .map((version, index) => ({ version, index }))
          .reverse()
          .map(({ version, index }) => {
            const date = formatDate(version.saved, DATE_TIME);
            return (
              <li key={`${version.saved}-${index}`} className="own-history__item">
                <span>
                  {index === last
                    ? t('history.current', { date, title: version.title })
                    : t('history.version', { date, title: version.title })}
                </span>
                {index !== last && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('history.restoreLabel', { date })}
                    onClick={() => onRestore(index, date)}
                  >
                    {t('history.restore')}
                  </button>
                )}
              </li>
            );
          })}
      </ol>
    </section>
  );
}
