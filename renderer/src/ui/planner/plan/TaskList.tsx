import { useCallback, useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/planner/dates';
import type { Phase, Task } from '../../../core/planner/schema';
import { progressOf, tasksByPhase } from '../../../core/planner/views/summary';
import { ROWS_RENDERED_IN_FULL, useWindowedRows } from '../../common/useWindowedRows';
import { ProgressBar } from '../ProgressBar';
import { TableScroll } from '../TableScroll';
import { formatCalendarDate, formatMoney, taskStatusLabel } from '../plannerLabels';
import { planHref, taskHref } from '../plannerRoutes';
import type { PlanViewProps } from './planViewProps';

/** A task row's usual height (one line of title) before it is drawn and measured. */
const ROW_HEIGHT = 46;
const COLUMNS = 5;

/** The plan's tasks grouped by phase, each phase with its progress. */
export function TaskList({ db, planId }: PlanViewProps) {
  const { t } = useTranslation('plan');
  const groups = useMemo(() => tasksByPhase(db, planId), [db, planId]);
  const today = localIsoDate();
  if (groups.length === 0 || groups.every((g) => g.tasks.length === 0 && g.phase === null)) {
    return (
      <p>
        <Trans
          t={t}
          i18nKey="taskList.empty"
          components={{ detailsLink: <a href={planHref(planId, 'details')} /> }}
        />
      </p>
    );
  }
  // A big plan draws only the rows near the screen, in every phase's table.
  const windowed = groups.reduce((sum, g) => sum + g.tasks.length, 0) > ROWS_RENDERED_IN_FULL;
  return (
    <div className="task-list">
      {groups.map(({ phase, tasks }) => (
        <PhaseTasks
          key={phase?.id ?? 'none'}
          phase={phase}
          tasks={tasks}
          today={today}
          windowed={windowed}
        />
      ))}
    </div>
  );
}

interface PhaseTasksProps {
  phase: Phase | null;
  tasks: readonly Task[];
  today: string;
  windowed: boolean;
}

/** One phase: its heading and progress, and its tasks in a table. */
function PhaseTasks({ phase, tasks, today, windowed }: PhaseTasksProps) {
  const { t } = useTranslation('plan');
  const title = phase?.title ?? t('noPhase');
  const headingId = `phase-${phase?.id ?? 'none'}`;
  const getKey = useCallback((index: number) => tasks[index]?.id ?? String(index), [tasks]);
  const { after, before, indexes, listStart, measureRow } = useWindowedRows({
    count: tasks.length,
    windowed,
    estimatedHeight: ROW_HEIGHT,
    getKey,
  });
  const progress = useMemo(() => progressOf(tasks), [tasks]);
  return (
    <section aria-labelledby={headingId} className="task-list__phase">
      <div className="task-list__head">
        <h2 id={headingId} className="task-list__title">
          {title}
        </h2>
        <ProgressBar progress={progress} />
      </div>
      {tasks.length === 0 ? (
        <p className="planner-muted">{t('taskList.noTasksInPhase')}</p>
      ) : (
        <TableScroll label={t('taskList.tableLabel', { phase: title })}>
          {/* aria-rowcount and aria-rowindex tell screen readers the whole size when only some
              rows are drawn. */}
          <table className="planner-table task-table" aria-rowcount={tasks.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">{t('taskList.columns.task')}</th>
                <th scope="col">{t('taskList.columns.owner')}</th>
                <th scope="col">{t('taskList.columns.dueDate')}</th>
                <th scope="col">{t('taskList.columns.status')}</th>
                <th scope="col" className="num">
                  {t('taskList.columns.estimatedCost')}
                </th>
              </tr>
            </thead>
            <tbody ref={listStart}>
              {before > 0 && <SpacerRow height={before} />}
              {indexes.map((index) => {
                const task = tasks[index];
                return task ? (
                  <TaskRow
                    key={task.id}
                    task={task}
                    today={today}
                    index={index}
                    measureRow={measureRow}
                  />
                ) : null;
              })}
              {after > 0 && <SpacerRow height={after} />}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** Empty room for the rows that are not drawn, so the table keeps its full height. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr className="task-table__spacer" aria-hidden="true">
      <td colSpan={COLUMNS} style={{ height }} />
    </tr>
  );
}

interface TaskRowProps {
  task: Task;
  today: string;
  index: number;
  measureRow: (element: Element | null) => void;
}

function TaskRow({ task, today, index, measureRow }: TaskRowProps) {
  const { t } = useTranslation('plan');
  const overdue = task.dueDate !== null && task.status !== 'done' && task.dueDate < today;
  return (
    <tr ref={measureRow} data-index={index} aria-rowindex={index + 2}>
      <th scope="row">
        <a href={taskHref(task.planId, task.id)}>{task.title}</a>
      </th>
      <td>{task.owner}</td>
      <td>
        {formatCalendarDate(task.dueDate)}
        {overdue && <span className="badge badge--overdue">{t('overdue')}</span>}
      </td>
      <td>
        <span className={`status status--${task.status}`}>{taskStatusLabel(task.status)}</span>
      </td>
      <td className="num">
        {task.estimatedCostCents === null ? '' : formatMoney(task.estimatedCostCents)}
      </td>
    </tr>
  );
}
