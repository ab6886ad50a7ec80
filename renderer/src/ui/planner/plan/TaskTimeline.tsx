import { localIsoDate } from '../../../core/planner/dates';
import { TASK_STATUS_LABELS } from '../../../core/planner/schema';
import { timelineByMonth } from '../../../core/planner/views/timeline';
import { formatDate } from '../plannerLabels';
import { taskHref } from '../plannerRoutes';
import type { PlanViewProps } from './planViewProps';

/** Tasks with due dates by month; overdue ones say so in words, not only in colour. */
export function TaskTimeline({ db, planId }: PlanViewProps) {
  const today = localIsoDate();
  const timeline = timelineByMonth(db, today, planId);
  return (
    <div className="timeline">
      <p>
        Today is {formatDate(today)}.{' '}
        {timeline.overdueCount === 0
          ? 'No task is overdue.'
          : `${timeline.overdueCount} task${timeline.overdueCount > 1 ? 's are' : ' is'} overdue.`}
      </p>
      {timeline.months.length === 0 && <p>No task has a due date yet.</p>}
      {timeline.months.map((month) => (
        <section
          key={month.month}
          aria-labelledby={`month-${month.month}`}
          className="timeline__month"
        >
          <h2 id={`month-${month.month}`} className="timeline__label">
            {month.label}
          </h2>
          <ol className="timeline__tasks">
            {month.tasks.map(({ task, overdue }) => (
              <li
                key={task.id}
                className={overdue ? 'timeline__task timeline__task--overdue' : 'timeline__task'}
              >
                <span className="timeline__date">{formatDate(task.dueDate)}</span>
                <a href={taskHref(task.planId, task.id)}>{task.title}</a>
                <span className={`status status--${task.status}`}>
                  {TASK_STATUS_LABELS[task.status]}
                </span>
                {overdue && <span className="badge badge--overdue">Overdue</span>}
                {task.owner && <span className="planner-muted">{task.owner}</span>}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {timeline.undated.length > 0 && (
        <section aria-labelledby="month-undated" className="timeline__month">
          <h2 id="month-undated" className="timeline__label">
            No due date ({timeline.undated.length})
          </h2>
          <ul className="timeline__undated">
            {timeline.undated.map((task) => (
              <li key={task.id}>
                <a href={taskHref(task.planId, task.id)}>{task.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
