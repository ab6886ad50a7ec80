import { LoadNotice } from '../common/LoadNotice';
import { t } from '../common/i18n/i18n';
import { wordProblems } from '../common/i18n/wordMessage';
import type { LoadReport } from '../../core/store/DocumentStorage';
import { useSettings } from './SettingsContext';

/**
 * Tells the user, once, that their saved settings could not be used as stored: what happened,
 * what the toolkit did, and where the original was kept. Nothing is shown for a normal start.
 */
export function SettingsLoadNotice() {
  const { loadReport, acknowledgeLoadProblem } = useSettings();
  const message = describeLoadProblem(loadReport);
  if (!message) return null;
  return (
    <LoadNotice
      title={t('settings:loadProblem.title')}
      summary={message.summary}
      details={message.details}
      className="notice"
      onDismiss={() => {
        acknowledgeLoadProblem();
        // The button disappears; put focus somewhere sensible instead of on <body>.
        document.getElementById('main')?.focus();
      }}
    />
  );
}

interface ProblemMessage {
  summary: string;
  details: string[];
}

/** The words for each kind of load problem; null when there is nothing to tell. */
export function describeLoadProblem(report: LoadReport): ProblemMessage | null {
  switch (report.status) {
    case 'missing':
    case 'ok':
      return null;
    case 'recovered':
      return {
        summary: t('settings:loadProblem.recovered', {
          reason: report.reason,
          movedTo: report.movedTo,
        }),
        details: [],
      };
    case 'repaired':
      return {
        summary:
          report.keptCopyAs === null
            ? t('settings:loadProblem.repairedNotCopied')
            : t('settings:loadProblem.repaired', { keptCopyAs: report.keptCopyAs }),
        details: wordProblems(report.issues, 'document'),
      };
    case 'unreadable':
      return {
        summary: t('settings:loadProblem.unreadable', { reason: report.reason }),
        details: [],
      };
  }
}
