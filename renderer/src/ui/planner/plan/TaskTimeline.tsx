import type { TFunction } from 'i18next';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/planner/dates';
import type { Task } from '../../../core/planner/schema';
import { formatNumber } from '../../common/i18n/format';
import {
  timelineByMonth,
  type Timeline,
  type TimelineTask,
} from '../../../core/planner/views/timeline';
import { ROWS_RENDERED_IN_FULL, useWindowedRows } from '../../common/useWindowedRows';
import { formatCalendarDate, monthLabel, taskStatusLabel } from '../plannerLabels';
import { taskHref } from '../plannerRoutes';
import type { PlanViewProps } from './planViewProps';

/** A month (or "No due date") of the timeline: a heading, then its tasks. */
interface TimelineGroup {
  id: string;
  label: string;
  /** Dated tasks go in an ordered list, undated ones in a plain one. */
  undated: boolean;
  size: number;
}

/** The timeline as one column of rows, so one window of rows can be drawn from it. */
type TimelineRow =
  | { kind: 'heading'; group: TimelineGroup }
  | { kind: 'task'; group: TimelineGroup; item: TimelineTask; position: number };

/** A row's usual height before it is drawn and measured. */
const ROW_HEIGHT = 36;

/** Tasks with due dates by month; overdue ones say so in words, not only in colour. */
export function TaskTimeline({ db, planId }: PlanViewProps) {
  const { t } = useTranslation('plan');
  const today = localIsoDate();
  const timeline = useMemo(() => timelineByMonth(db, today, planId), [db, today, planId]);
  const rows = useMemo(() => timelineRows(timeline, t), [timeline, t]);
  const windowed = rows.length > ROWS_RENDERED_IN_FULL;
  const getKey = useCallback((index: number) => rowKey(rows[index], index), [rows]);
  const { after, before, indexes, listStart, measureRow } = useWindowedRows({
    count: rows.length,
    windowed,
    estimatedHeight: ROW_HEIGHT,
    getKey,
  });

  // Consecutive drawn rows of one month share its section, heading and list.
  const sections: { group: TimelineGroup; heading: number | null; tasks: number[] }[] = [];
  for (const index of indexes) {
    const row = rows[index];
    if (!row) continue;
    let section = sections[sections.length - 1];
    if (section?.group !== row.group) {
      section = { group: row.group, heading: null, tasks: [] };
      sections.push(section);
    }
    if (row.kind === 'heading') section.heading = index;
    else section.tasks.push(index);
  }

  return (
    <div className="timeline">
      <p>
        {t('timeline.today', { date: formatCalendarDate(today) })}{' '}
        {timeline.overdueCount === 0
          ? t('timeline.noneOverdue')
          : t('timeline.overdue', {
              count: timeline.overdueCount,
              shown: formatNumber(timeline.overdueCount),
            })}
      </p>
      {timeline.months.length === 0 && <p>{t('timeline.noDueDates')}</p>}
      <div
        ref={listStart}
        className={windowed ? 'timeline__rows timeline__rows--windowed' : 'timeline__rows'}
        style={windowed ? { paddingTop: before, paddingBottom: after } : undefined}
      >
        {sections.map(({ group, heading, tasks }) => (
          <section key={group.id} aria-labelledby={group.id} className="timeline__month">
            {/* A month whose heading has scrolled away keeps it for screen readers only. */}
            <h2
              id={group.id}
              ref={heading === null ? undefined : measureRow}
              data-index={heading ?? undefined}
              className={
                heading === null ? 'timeline__label ontario-show-for-sr' : 'timeline__label'
              }
            >
              {group.label}
            </h2>
            <TaskItems group={group}>
              {tasks.map((index) => {
                const row = rows[index];
                return row?.kind === 'task' ? (
                  <TimelineItem
                    key={row.item.task.id}
                    row={row}
                    index={index}
                    windowed={windowed}
                    measureRow={measureRow}
                  />
                ) : null;
              })}
            </TaskItems>
          </section>
        ))}
      </div>
    </div>
  );
}

function TaskItems({ group, children }: { group: TimelineGroup; children: ReactNode }) {
  return group.undated ? (
    <ul className="timeline__undated">{children}</ul>
  ) : (
    <ol className="timeline__tasks">{children}</ol>
  );
}

interface TimelineItemProps {
  row: Extract<TimelineRow, { kind: 'task' }>;
  index: number;
  windowed: boolean;
  measureRow: (element: Element | null) => void;
}

function TimelineItem({ row, index, windowed, measureRow }: TimelineItemProps) {
  const { t } = useTranslation('plan');
  const { task, overdue } = row.item;
  // Only some items are drawn: say where this one is in its month.
  const place = windowed
    ? { 'aria-setsize': row.group.size, 'aria-posinset': row.position + 1 }
    : {};
  if (row.group.undated) {
    return (
      <li ref={measureRow} data-index={index} {...place}>
        <a href={taskHref(task.planId, task.id)}>{task.title}</a>
      </li>
    );
  }
  return (
    <li
      ref={measureRow}
      data-index={index}
      {...place}
      className={overdue ? 'timeline__task timeline__task--overdue' : 'timeline__task'}
    >
      <span className="timeline__date">{formatCalendarDate(task.dueDate)}</span>
      <a href={taskHref(task.planId, task.id)}>{task.title}</a>
      <span className={`status status--${task.status}`}>{taskStatusLabel(task.status)}</span>
      {overdue && <span className="badge badge--overdue">{t('overdue')}</span>}
      {task.owner && <span className="planner-muted">{task.owner}</span>}
    </li>
  );
}

/** Every month's heading followed by its tasks, then "No due date" and the undated tasks. */
function timelineRows(timeline: Timeline, t: TFunction<'plan'>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const add = (group: TimelineGroup, items: readonly TimelineTask[]) => {
    rows.push({ kind: 'heading', group });
    items.forEach((item, position) => rows.push({ kind: 'task', group, item, position }));
  };
  for (const month of timeline.months) {
    const group = { id: `month-${month.month}`, label: monthLabel(month.month), undated: false };
    add({ ...group, size: month.tasks.length }, month.tasks);
  }
  const undated = timeline.undated;
  if (undated.length > 0) {
    const group = {
      id: 'month-undated',
      label: t('timeline.undated', { shown: formatNumber(undated.length) }),
      undated: true,
      size: undated.length,
    };
    add(
      group,
      undated.map((task: Task) => ({ task, overdue: false })),
    );
  }
  return rows;
}

function rowKey(row: TimelineRow | undefined, index: number): string {
  if (!row) return String(index);
  return row.kind === 'heading' ? row.group.id : row.item.task.id;
}
