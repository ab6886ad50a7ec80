import { LoadNotice } from '../common/LoadNotice';
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
      title="There was a problem with your saved settings"
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
        summary: `${report.reason} The toolkit started with default settings. The damaged copy was kept, not deleted, under the name “${report.movedTo}”.`,
        details: [],
      };
    case 'repaired':
      return {
        summary:
          report.keptCopyAs === null
            ? 'Some saved settings were not valid and are shown with their defaults. The original could not be copied aside, so changes will not be saved until the toolkit is restarted.'
            : `Some saved settings were not valid and were reset to their defaults. A copy of the original was kept under the name “${report.keptCopyAs}”.`,
        details: report.issues,
      };
    case 'unreadable':
      return {
        summary: `The settings could not be read (${report.reason}). Default settings are in use, and changes will not be saved until the toolkit is restarted, so the saved copy is not overwritten.`,
        details: [],
      };
  }
}
