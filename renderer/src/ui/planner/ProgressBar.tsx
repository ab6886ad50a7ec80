import { useTranslation } from 'react-i18next';
import type { Progress } from '../../core/planner/views/summary';

/** "3 of 8 done (37%)" with a bar; the words carry the meaning, the bar only shows it. */
export function ProgressBar({ progress }: { progress: Progress }) {
  const { t } = useTranslation('planner');
  // Counts as plain digits, as the planner has always shown them (and its tests read them).
  const text =
    progress.total === 0
      ? t('progress.noTasks')
      : t('progress.done', {
          done: progress.byStatus.done,
          total: progress.total,
          percent: progress.percentDone,
        });
  return (
    <span className="planner-progress">
      <span className="planner-progress__bar" aria-hidden="true">
        <span
          className="planner-progress__fill"
          // CSSOM width (not an inline style attribute), which the app's CSP allows.
          style={{ width: `${progress.percentDone}%` }}
        />
      </span>
      <span className="planner-progress__text">{text}</span>
    </span>
  );
}
