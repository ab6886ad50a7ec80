import { LoadNotice } from '../common/LoadNotice';
import { t } from '../common/i18n/i18n';
import { wordProblems } from '../common/i18n/wordMessage';
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
      title={t('planner:loadNotice.title')}
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
        summary: t('planner:loadNotice.recovered', {
          reason: report.reason,
          movedTo: report.movedTo,
        }),
        details: [],
      };
    case 'repaired':
      return {
        summary:
          report.keptCopyAs === null
            ? t('planner:loadNotice.repairedNotCopied')
            : t('planner:loadNotice.repaired', { keptCopyAs: report.keptCopyAs }),
        details: wordProblems(report.issues, 'document'),
      };
    case 'unreadable':
      return {
        summary: t('planner:loadNotice.unreadable', { reason: report.reason }),
        details: [],
      };
  }
}
