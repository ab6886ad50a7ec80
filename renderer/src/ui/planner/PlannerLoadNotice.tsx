import { LoadNotice } from '../common/LoadNotice';
import type { LoadReport } from '../../core/store/DocumentStorage';

/**
 * Says, once, when the saved planner could not be used as stored, what the toolkit did and where
 * the original was kept. Nothing is shown after a normal start.
 */
export function PlannerLoadNotice({ report }: { report: LoadReport }) {
  const text = describe(report);
  if (!text) return null;
  return (
    <LoadNotice
      title="There was a problem with your saved plans"
      summary={text.summary}
      details={text.details.slice(0, 10)}
      onDismiss={() => undefined}
    />
  );
}

function describe(report: LoadReport): { summary: string; details: string[] } | null {
  switch (report.status) {
    case 'missing':
    case 'ok':
      return null;
    case 'recovered':
      return {
        summary: `${report.reason} The planner started empty. The damaged copy was kept under the name “${report.movedTo}”.`,
        details: [],
      };
    case 'repaired':
      return {
        summary:
          report.keptCopyAs === null
            ? 'Some saved planner data was not valid and is shown repaired. The original could not be copied aside, so changes will not be saved until the toolkit is restarted.'
            : `Some saved planner data was not valid and was repaired. A copy of the original was kept under the name “${report.keptCopyAs}”.`,
        details: report.issues,
      };
    case 'unreadable':
      return {
        summary: `The saved plans could not be read (${report.reason}). Changes will not be saved until the toolkit is restarted, so the saved copy is not overwritten.`,
        details: [],
      };
  }
}
