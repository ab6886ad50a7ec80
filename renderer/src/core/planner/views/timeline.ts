import type { IsoDate } from '../dates';
import type { PlanId } from '../ids';
import type { PlannerDatabase, Task } from '../schema';

/** A task on the timeline. */
export interface TimelineTask {
  task: Task;
  /** Due before `today` and not done. */
  overdue: boolean;
}

/** One month of the timeline. */
export interface TimelineMonth {
  /** `YYYY-MM` (the UI words it, e.g. `March 2027`). */
  month: string;
  tasks: TimelineTask[];
}

export interface Timeline {
  months: TimelineMonth[];
  /** Tasks with no due date, in list order. */
  undated: Task[];
  overdueCount: number;
}

/**
 * Groups tasks with a due date by month (oldest first; within a month by date, then list order).
 * `today` is passed in, so the result depends only on the arguments. With `planId`, only that
 * plan's tasks are included.
 */
export function timelineByMonth(db: PlannerDatabase, today: IsoDate, planId?: PlanId): Timeline {
  const tasks = planId === undefined ? db.tasks : db.tasks.filter((t) => t.planId === planId);
  const dated = tasks
    .map((task, order) => ({ task, order }))
    .filter(
      (x): x is { task: Task & { dueDate: IsoDate }; order: number } => x.task.dueDate !== null,
    )
    .sort((a, b) =>
      a.task.dueDate < b.task.dueDate
        ? -1
        : a.task.dueDate > b.task.dueDate
          ? 1
          : a.order - b.order,
    );
  const months: TimelineMonth[] = [];
  let overdueCount = 0;
  for (const { task } of dated) {
    const month = task.dueDate.slice(0, 7);
    let current = months[months.length - 1];
    if (current?.month !== month) {
      current = { month, tasks: [] };
      months.push(current);
    }
    const overdue = task.status !== 'done' && task.dueDate < today;
    if (overdue) overdueCount++;
    current.tasks.push({ task, overdue });
  }
  return { months, undated: tasks.filter((t) => t.dueDate === null), overdueCount };
}
