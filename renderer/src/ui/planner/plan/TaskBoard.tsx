import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/planner/dates';
import type { TaskId } from '../../../core/planner/ids';
import { moveTaskStatus } from '../../../core/planner/operations/tasks';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../../core/planner/schema';
import { unmetDependencyCounts } from '../../../core/planner/views/board';
import { tasksByStatus } from '../../../core/planner/views/summary';
import { wordError } from '../../common/i18n/wordMessage';
import { ROWS_RENDERED_IN_FULL } from '../../common/useWindowedRows';
import { taskStatusLabel } from '../plannerLabels';
import { BoardColumn, DRAG_TYPE } from './BoardColumn';
import type { PlanViewProps } from './planViewProps';
import './board.css';

/**
 * The board: one column per status. Cards move with the mouse (drag and drop) and with the
 * keyboard: a focused card moves to the next or previous column with the Right and Left arrow
 * keys and within its column with Up and Down, and every card also has "Move to …" buttons.
 * Each move is announced in a live region and focus stays on the moved card. A big plan's
 * columns draw only the cards near the screen.
 */
export function TaskBoard({
  session,
  db,
  planId,
  announce,
}: PlanViewProps & { announce: (message: string) => void }) {
  const { t } = useTranslation('plan');
  const [phaseFilter, setPhaseFilter] = useState('');
  const plan = db.plans.find((p) => p.id === planId);
  // A long plan (the guide template has about 85 tasks) is easier to work phase by phase.
  const fullColumns = useMemo(() => tasksByStatus(db, planId), [db, planId]);
  const columns = useMemo(
    () =>
      fullColumns.map((column) => ({
        ...column,
        tasks:
          phaseFilter === ''
            ? column.tasks
            : column.tasks.filter((t) => (t.phaseId ?? 'none') === phaseFilter),
      })),
    [fullColumns, phaseFilter],
  );
  const waiting = useMemo(() => unmetDependencyCounts(db, planId), [db, planId]);
  const windowed = columns.reduce((sum, c) => sum + c.tasks.length, 0) > ROWS_RENDERED_IN_FULL;
  const today = localIsoDate();
  // The moved card, for its column to focus once it is drawn (see BoardColumn).
  const focusId = useRef<TaskId | null>(null);
  const [error, setError] = useState('');
  const [dropTarget, setDropTarget] = useState<TaskStatus | null>(null);

  const move = (taskId: TaskId, status: TaskStatus, position?: number) => {
    const moved = session.apply((current) => moveTaskStatus(current, taskId, status, position));
    if (!moved.ok) {
      setError(wordError(moved.refusal));
      return;
    }
    setError('');
    const after = session.getSnapshot().db;
    const column = after.tasks.filter((t) => t.planId === planId && t.status === status);
    const index = column.findIndex((t) => t.id === taskId);
    const title = column[index]?.title ?? '';
    // Positions stay plain numbers ("5001 of 5001"), as the board has always said them.
    announce(
      t('board.moved', {
        title,
        status: taskStatusLabel(status),
        position: index + 1,
        size: column.length,
      }),
    );
    focusId.current = taskId;
  };

  /** Where to put `taskId` in the whole column so it lands just before (or after) `neighbour`. */
  const positionBy = (status: TaskStatus, taskId: string, neighbour: string, after: boolean) => {
    const rest =
      fullColumns.find((c) => c.status === status)?.tasks.filter((t) => t.id !== taskId) ?? [];
    const at = rest.findIndex((t) => t.id === neighbour);
    return at < 0 ? undefined : at + (after ? 1 : 0);
  };

  /** Arrow keys on a focused card: Left/Right change its status, Up/Down reorder it. */
  const onCardKey = (key: string, status: TaskStatus, shown: readonly Task[], index: number) => {
    const task = shown[index];
    if (!task) return;
    const at = TASK_STATUSES.indexOf(status);
    const target =
      key === 'ArrowLeft'
        ? TASK_STATUSES[at - 1]
        : key === 'ArrowRight'
          ? TASK_STATUSES[at + 1]
          : undefined;
    if (target) return move(task.id, target);
    const neighbour =
      key === 'ArrowUp' ? shown[index - 1] : key === 'ArrowDown' ? shown[index + 1] : undefined;
    if (neighbour)
      move(task.id, status, positionBy(status, task.id, neighbour.id, key === 'ArrowDown'));
  };

  const onDrop = (event: DragEvent<HTMLElement>, status: TaskStatus) => {
    event.preventDefault();
    setDropTarget(null);
    const taskId = event.dataTransfer.getData(DRAG_TYPE) as TaskId;
    if (!taskId) return;
    const over = (event.target as HTMLElement).closest<HTMLElement>('[data-task-id]')?.dataset
      .taskId;
    move(taskId, status, over ? positionBy(status, taskId, over, false) : undefined);
  };

  return (
    <>
      <p className="planner-muted board-help" id="board-help">
        {t('board.help')}
      </p>
      {plan && plan.phases.length > 0 && (
        <div className="board-filter">
          <label htmlFor="board-phase">{t('board.showPhase')}</label>
          <select
            id="board-phase"
            className="ontario-input"
            value={phaseFilter}
            onChange={(event) => setPhaseFilter(event.target.value)}
          >
            <option value="">{t('board.allPhases')}</option>
            {plan.phases.map((phase) => (
              <option key={phase.id} value={phase.id}>
                {phase.title}
              </option>
            ))}
            <option value="none">{t('noPhase')}</option>
          </select>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="board">
        {columns.map(({ status, tasks }) => (
          <BoardColumn
            key={status}
            status={status}
            tasks={tasks}
            today={today}
            waiting={waiting}
            windowed={windowed}
            isDropTarget={dropTarget === status}
            focusRef={focusId}
            onDropTarget={setDropTarget}
            onDrop={onDrop}
            onMove={move}
            onCardKey={onCardKey}
          />
        ))}
      </div>
    </>
  );
}
