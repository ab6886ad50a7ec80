import { useCallback, useEffect, useRef, type DragEvent, type RefObject } from 'react';
import type { TaskId } from '../../../core/planner/ids';
import type { Task, TaskStatus } from '../../../core/planner/schema';
import { useWindowedRows } from '../../common/useWindowedRows';
import { BoardCard } from './BoardCard';
import { taskStatusLabel } from '../plannerLabels';

/** The drag payload type: only our own cards can be dropped on the board. */
export const DRAG_TYPE = 'application/x-onmuni-task';

/** A card's usual height (title, one line of details, move buttons) before it is measured. */
const CARD_HEIGHT = 112;

export interface BoardColumnProps {
  status: TaskStatus;
  /** The column's cards, in board order (after the phase filter). */
  tasks: readonly Task[];
  today: string;
  /** Unmet dependencies per task (tasks that wait on none are absent). */
  waiting: ReadonlyMap<TaskId, number>;
  /** Draw only the cards near the screen (a big plan). */
  windowed: boolean;
  /** Highlighted while a card is dragged over the column. */
  isDropTarget: boolean;
  /** The card to focus after a move; the column that holds it focuses it and clears this. */
  focusRef: RefObject<TaskId | null>;
  onDropTarget: (status: TaskStatus | null) => void;
  onDrop: (event: DragEvent<HTMLElement>, status: TaskStatus) => void;
  onMove: (taskId: TaskId, status: TaskStatus) => void;
  onCardKey: (key: string, status: TaskStatus, shown: readonly Task[], index: number) => void;
}

/** One status column of the board: a region named by its heading, with its cards in a list. */
export function BoardColumn(props: BoardColumnProps) {
  const { status, tasks, windowed, focusRef } = props;
  const list = useRef<HTMLUListElement | null>(null);
  const getKey = useCallback((index: number) => tasks[index]?.id ?? String(index), [tasks]);
  const { after, before, indexes, listStart, measureRow, scrollToRow } = useWindowedRows({
    count: tasks.length,
    windowed,
    estimatedHeight: CARD_HEIGHT,
    getKey,
    besideOthers: true,
  });
  const listRef = useCallback(
    (element: HTMLUListElement | null) => {
      list.current = element;
      listStart(element);
    },
    [listStart],
  );

  // A moved card is a new element, maybe far down a long column and not drawn yet: bring it into
  // view first, then focus it, so the next arrow key moves it again.
  useEffect(() => {
    const id = focusRef.current;
    if (id === null) return;
    const index = tasks.findIndex((task) => task.id === id);
    if (index < 0) return;
    const card = list.current?.querySelector<HTMLElement>(`[data-task-id="${id}"]`);
    if (card) {
      card.focus();
      focusRef.current = null;
    } else {
      scrollToRow(index);
    }
  });

  return (
    <section
      className={`board__column${props.isDropTarget ? ' board__column--target' : ''}`}
      aria-labelledby={`column-${status}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        props.onDropTarget(status);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null))
          props.onDropTarget(null);
      }}
      onDrop={(event) => props.onDrop(event, status)}
    >
      <h2 id={`column-${status}`} className="board__heading">
        {taskStatusLabel(status)} <span className="planner-muted">({tasks.length})</span>
      </h2>
      <ul
        ref={listRef}
        className={windowed ? 'board__cards board__cards--windowed' : 'board__cards'}
        style={windowed ? { paddingTop: before, paddingBottom: after } : undefined}
      >
        {indexes.map((index) => {
          const task = tasks[index];
          if (!task) return null;
          return (
            <BoardCard
              key={task.id}
              task={task}
              today={props.today}
              waitingOn={props.waiting.get(task.id) ?? 0}
              index={index}
              setSize={windowed ? tasks.length : undefined}
              measureRow={measureRow}
              onMove={(to) => props.onMove(task.id, to)}
              onKey={(key) => props.onCardKey(key, status, tasks, index)}
              onDragStart={(event) => {
                event.dataTransfer.setData(DRAG_TYPE, task.id);
                event.dataTransfer.effectAllowed = 'move';
              }}
            />
          );
        })}
      </ul>
    </section>
  );
}
