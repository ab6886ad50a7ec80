import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../common/i18n/format';
import type { TeamState } from './teamSession';

/** A read older than this shows its date as well as its time. */
const SAME_DAY_MS = 12 * 60 * 60 * 1000;

/** When the folder was last read: the time today, or the date and time for an older read. */
export function lastSyncedText(at: number, now = Date.now()): string {
  return now - at < SAME_DAY_MS
    ? formatDate(at, { timeStyle: 'medium' })
    : formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * How syncing goes: the folder joined, "Last synced …", the first read's progress bar, or why
 * the folder cannot be read now. Not a live region: it changes every few seconds while polling,
 * and a screen reader would read it each time.
 */
export function TeamStatusLine({ state }: { state: TeamState }) {
  const { t } = useTranslation('team');
  const { lastSyncedAt, progress } = state;
  return (
    <div className="team-status">
      <p>{t('status.joined', { folder: state.folderName ?? '' })}</p>
      <p className="team-status__synced">
        {lastSyncedAt === null
          ? t('status.lastSyncedNever')
          : t('status.lastSynced', { when: lastSyncedText(lastSyncedAt) })}
      </p>
      {state.status === 'joining' && (
        <p className="team-status__progress">
          <label htmlFor="team-read-progress">
            {progress
              ? t('status.progress', {
                  done: formatNumber(progress.done),
                  total: formatNumber(progress.total),
                })
              : t('status.reading')}
          </label>
          {progress ? (
            <progress id="team-read-progress" max={progress.total || 1} value={progress.done} />
          ) : (
            <progress id="team-read-progress" />
          )}
        </p>
      )}
      {state.status === 'offline' && (
        <p className="callout callout--warning">{t('status.offline')}</p>
      )}
      {state.status === 'removed' && (
        <p className="callout callout--warning">{t('status.removed')}</p>
      )}
      {state.status === 'failed' && (
        <p className="callout callout--warning">
          {t('status.failed', { reason: state.failure ?? '' })}
        </p>
      )}
    </div>
  );
}
