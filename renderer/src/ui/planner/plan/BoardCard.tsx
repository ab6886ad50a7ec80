import type { DragEvent, KeyboardEvent, ReactElement } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../../core/planner/schema';
import { formatNumber } from '../../common/i18n/format';
import { formatCalendarDate, taskStatusLabel } from '../plannerLabels';
import { taskHref } from '../plannerRoutes';

const MOVE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/** The parts of a move button's words: the arrow is seen, "Move to" is heard. */
const MOVE_PARTS: Record<string, ReactElement> = {
  arrow: <span aria-hidden="true" />,
  sr: <span className="ontario-show-for-sr" />,
};

export interface BoardCardProps {
  task: Task;
  /** Today's date (`YYYY-MM-DD`), for the overdue badge. */
  today: string;
  /** How many of its dependencies are not done yet. */
  waitingOn: number;
  /** Its place in the column, for measuring when the column draws only some cards. */
  index: number;
  /** The column's length when only some cards are drawn, so screen readers hear "3 of 5,000". */
  setSize: number | undefined;
  measureRow: (element: Element | null) => void;
  onMove: (status: TaskStatus) => void;
  onKey: (key: string) => void;
  onDragStart: (event: DragEvent<HTMLLIElement>) => void;
}

/** One task on the board: focusable, draggable, with buttons to the neighbouring columns. */
export function BoardCard({
  task,
  today,
  waitingOn,
  index,
  setSize,
  measureRow,
  onMove,
  onKey,
  onDragStart,
}: BoardCardProps) {
  const { t } = useTranslation('plan');
  const at = TASK_STATUSES.indexOf(task.status);
  const previous = TASK_STATUSES[at - 1];
  const next = TASK_STATUSES[at + 1];
  const overdue = task.dueDate !== null && task.status !== 'done' && task.dueDate < today;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Only the card itself: arrows inside its link or buttons keep their usual meaning.
    if (event.target !== event.currentTarget || !MOVE_KEYS.has(event.key)) return;
    event.preventDefault();
    onKey(event.key);
  };

  return (
    <li
      ref={measureRow}
      className="board-card"
      tabIndex={0}
      draggable
      data-task-id={task.id}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={setSize === undefined ? undefined : index + 1}
      aria-describedby="board-help"
      onKeyDown={onKeyDown}
      onDragStart={onDragStart}
    >
      <a className="board-card__title" href={taskHref(task.planId, task.id)} draggable={false}>
        {task.title}
      </a>
      <p className="board-card__meta">
        {task.owner && <span>{task.owner}</span>}
        {task.dueDate && <span>{t('board.due', { date: formatCalendarDate(task.dueDate) })}</span>}
        {overdue && <span className="badge badge--overdue">{t('overdue')}</span>}
        {waitingOn > 0 && (
          <span className="badge">
            {t('board.waitingOn', { count: waitingOn, shown: formatNumber(waitingOn) })}
          </span>
        )}
      </p>
      <div className="board-card__moves">
        {previous && (
          <button type="button" className="board-card__move" onClick={() => onMove(previous)}>
            <Trans
              t={t}
              i18nKey="board.moveBack"
              values={{ status: taskStatusLabel(previous) }}
              components={MOVE_PARTS}
            />
          </button>
        )}
        {next && (
          <button type="button" className="board-card__move" onClick={() => onMove(next)}>
            <Trans
              t={t}
              i18nKey="board.moveOn"
              values={{ status: taskStatusLabel(next) }}
              components={MOVE_PARTS}
            />
          </button>
        )}
      </div>
    </li>
  );
}
