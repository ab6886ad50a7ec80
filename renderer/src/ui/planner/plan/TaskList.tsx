import { localIsoDate } from '../../../core/planner/dates';
import { formatCents } from '../../../core/planner/money';
import { TASK_STATUS_LABELS, type Task } from '../../../core/planner/schema';
import { progressOf, tasksByPhase } from '../../../core/planner/views/summary';
import { ProgressBar } from '../ProgressBar';
import { TableScroll } from '../TableScroll';
import { formatDate } from '../plannerLabels';
import { planHref, taskHref } from '../plannerRoutes';
import type { PlanViewProps } from './planViewProps';

/** The plan's tasks grouped by phase, each phase with its progress. */
export function TaskList({ db, planId }: PlanViewProps) {
  const groups = tasksByPhase(db, planId);
  const today = localIsoDate();
  if (groups.length === 0 || groups.every((g) => g.tasks.length === 0 && g.phase === null)) {
    return (
      <p>
        This plan has no tasks yet. Use “Add task”, or add phases in{' '}
        <a href={planHref(planId, 'details')}>Plan details</a>.
      </p>
    );
  }
  return (
    <div className="task-list">
      {groups.map(({ phase, tasks }) => {
        const headingId = `phase-${phase?.id ?? 'none'}`;
        return (
          <section
            key={phase?.id ?? 'none'}
            aria-labelledby={headingId}
            className="task-list__phase"
          >
            <div className="task-list__head">
              <h2 id={headingId} className="task-list__title">
                {phase?.title ?? 'No phase'}
              </h2>
              <ProgressBar progress={progressOf(tasks)} />
            </div>
            {tasks.length === 0 ? (
              <p className="planner-muted">No tasks in this phase.</p>
            ) : (
              <TableScroll label={`Tasks: ${phase?.title ?? 'No phase'}`}>
                <table className="planner-table task-table">
                  <thead>
                    <tr>
                      <th scope="col">Task</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Due date</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        Estimated cost
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {tasks.map((task) => (
                      <TaskRow key={task.id} task={task} today={today} />
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        );
      })}
    </div>
  );
}

function TaskRow({ task, today }: { task: Task; today: string }) {
  const overdue = task.dueDate !== null && task.status !== 'done' && task.dueDate < today;
  return (
    <tr>
      <th scope="row">
        <a href={taskHref(task.planId, task.id)}>{task.title}</a>
      </th>
      <td>{task.owner}</td>
      <td>
        {formatDate(task.dueDate)}
        {overdue && <span className="badge badge--overdue">Overdue</span>}
      </td>
      <td>
        <span className={`status status--${task.status}`}>{TASK_STATUS_LABELS[task.status]}</span>
      </td>
      <td className="num">
        {task.estimatedCostCents === null ? '' : formatCents(task.estimatedCostCents)}
      </td>
    </tr>
  );
}
