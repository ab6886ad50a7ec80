import type { Progress } from '../../core/planner/views/summary';

/** "3 of 8 done (37%)" with a bar; the words carry the meaning, the bar only shows it. */
export function ProgressBar({ progress }: { progress: Progress }) {
  const text =
    progress.total === 0
      ? 'No tasks yet'
      : `${progress.byStatus.done} of ${progress.total} done (${progress.percentDone}%)`;
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
