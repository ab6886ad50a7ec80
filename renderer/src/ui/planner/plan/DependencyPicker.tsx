import {
  defaultRangeExtractor,
  useVirtualizer,
  type Range as VisibleRange,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithRef,
} from 'react';
import { useTranslation } from 'react-i18next';
import { DependentsCache } from '../../../core/planner/dependentsCache';
import type { TaskId } from '../../../core/planner/ids';
import type { PlannerDatabase, Task } from '../../../core/planner/schema';
import { useFocusedRow } from '../../common/useFocusedRow';
import {
  ROWS_RENDERED_IN_FULL,
  heightWithMargins,
  withNeighbours,
} from '../../common/useWindowedRows';
import { TextField } from '../../common/fields/TextField';
import { formatNumber } from '../../common/i18n/format';
import { currentLocale } from '../../common/i18n/i18n';

export interface DependencyPickerProps {
  db: PlannerDatabase;
  task: Task;
  onChange: (dependencies: TaskId[]) => void;
}

/** A row's usual height in CSS pixels (a one-line label and its gap), until it is measured. */
const ROW_HEIGHT = 30;
/** Rows drawn beyond each edge of the box, so wheel and keyboard scrolling find them drawn. */
const OVERSCAN = 8;

/**
 * "Depends on": the tasks of the same plan this one can wait on. Tasks that would close a loop
 * are left out (and the operation refuses them anyway, with a message): they are found with one
 * backwards walk (`dependentsOf`), never one per candidate, and only once per task and dependency
 * graph (`DependentsCache`), not on every edit of the plan, so a plan of 20,000 densely linked
 * tasks still opens at once and stays quick to edit. A filter field narrows the list by title, and
 * a long list draws only the rows near its visible part.
 */
export function DependencyPicker({ db, task, onChange }: DependencyPickerProps) {
  const { t } = useTranslation('plan');
  const id = useId();
  const [filter, setFilter] = useState('');
  const planTasks = useMemo(
    () => db.tasks.filter((t) => t.planId === task.planId),
    [db.tasks, task.planId],
  );
  // One per picker, so its answers last as long as the picker shows; `planTasks` changes on every
  // edit, and the cache tells the edits that change the graph from those that do not.
  const [dependents] = useState(() => new DependentsCache());
  const candidates = useMemo(() => {
    const waiting = dependents.dependentsOf(planTasks, task.id);
    return planTasks.filter((t) => t.id !== task.id && !waiting.has(t.id));
  }, [dependents, planTasks, task.id]);
  const locale = currentLocale();
  const lowerTitles = useMemo(
    () => candidates.map((t) => t.title.toLocaleLowerCase(locale)),
    [candidates, locale],
  );
  const shown = useMemo(() => {
    const wanted = filter.trim().toLocaleLowerCase(locale);
    return wanted === ''
      ? candidates
      : candidates.filter((_, i) => lowerTitles[i]?.includes(wanted));
  }, [candidates, lowerTitles, filter, locale]);
  const chosen = useMemo(() => new Set(task.dependencies), [task.dependencies]);
  const excluded = planTasks.length - 1 - candidates.length;

  const toggle = (candidate: TaskId) =>
    onChange(
      chosen.has(candidate)
        ? task.dependencies.filter((d) => d !== candidate)
        : [...task.dependencies, candidate],
    );

  return (
    <fieldset className="dependency-picker" aria-describedby={`${id}-hint`}>
      <legend>{t('dependencies.legend')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('dependencies.hint')}
        {excluded > 0 &&
          ` ${t('dependencies.loops', { count: excluded, shown: formatNumber(excluded) })}`}
      </p>
      {candidates.length === 0 ? (
        <p className="planner-muted">{t('dependencies.noCandidates')}</p>
      ) : (
        <>
          <TextField
            label={t('dependencies.filter')}
            type="search"
            value={filter}
            aria-describedby={`${id}-count`}
            onChange={(event) => setFilter(event.target.value)}
          />
          <p id={`${id}-count`} role="status" className="planner-muted">
            {filter.trim() === ''
              ? ''
              : shown.length === 0
                ? t('dependencies.noMatch')
                : t('dependencies.showing', {
                    shown: formatNumber(shown.length),
                    total: formatNumber(candidates.length),
                  })}
          </p>
          <CandidateList
            candidates={shown}
            filter={filter}
            idPrefix={id}
            isChosen={(candidate) => chosen.has(candidate)}
            onToggle={toggle}
          />
        </>
      )}
    </fieldset>
  );
}

/** What a windowed row adds: its index for measuring, its place for screen readers, its offset. */
type RowProps = ComponentPropsWithRef<'li'> & { 'data-index'?: number };

interface CandidateListProps {
  candidates: readonly Task[];
  /** The filter's text: a new filter starts the list at its top. */
  filter: string;
  idPrefix: string;
  isChosen: (id: TaskId) => boolean;
  onToggle: (id: TaskId) => void;
}

/**
 * The checkboxes, one per candidate, in plan order. Up to `ROWS_RENDERED_IN_FULL` are drawn
 * whole, as a plain list; a longer list is drawn in part inside its scroll box. There the row
 * holding focus and its neighbours are always drawn, so Tab and Shift+Tab go from box to box in
 * order however far the box is scrolled, and each row says "n of N" to screen readers.
 */
function CandidateList({ candidates, filter, idPrefix, isChosen, onToggle }: CandidateListProps) {
  const windowed = candidates.length > ROWS_RENDERED_IN_FULL;
  const box = useRef<HTMLDivElement | null>(null);
  // The scroll box as state too: the focus tracker listens on it from when it exists.
  const [boxElement, setBoxElement] = useState<HTMLDivElement | null>(null);
  const setBox = useCallback((element: HTMLDivElement | null) => {
    box.current = element;
    setBoxElement(element);
  }, []);
  // Not on every change of the list: ticking a box changes the plan, and must not scroll it.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
  }, [filter]);
  // By task id, like every windowed list: filtering moves rows, and focus must stay on its task.
  const focused = useFocusedRow({
    container: windowed ? boxElement : null,
    count: candidates.length,
    getKey: (index) => candidates[index]?.id ?? String(index),
  });
  const rangeExtractor = useCallback(
    (range: VisibleRange) => withNeighbours(defaultRangeExtractor(range), focused, range.count),
    [focused],
  );
  // The virtualizer's getters change with every scroll; nothing here memoizes them or passes them
  // to memoized children (rows are read afresh on each render), which is what the rule guards.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the comment above
  const virtualizer = useVirtualizer({
    count: candidates.length,
    enabled: windowed,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => candidates[index]?.id ?? index,
    overscan: OVERSCAN,
    measureElement: heightWithMargins,
    rangeExtractor,
    // React 19 warns about flushSync during rendering; overscan covers the frame it saves.
    useFlushSync: false,
  });

  const row = (candidate: Task, rowProps: RowProps = {}) => {
    const boxId = `${idPrefix}-${candidate.id}`;
    return (
      <li key={candidate.id} className="choice" {...rowProps}>
        <input
          type="checkbox"
          id={boxId}
          checked={isChosen(candidate.id)}
          onChange={() => onToggle(candidate.id)}
        />
        <label htmlFor={boxId}>{candidate.title}</label>
      </li>
    );
  };

  if (!windowed) {
    return (
      <ul className="dependency-picker__list">{candidates.map((candidate) => row(candidate))}</ul>
    );
  }
  return (
    <div className="dependency-picker__list" ref={setBox}>
      <ul
        style={{
          position: 'relative',
          height: virtualizer.getTotalSize(),
          margin: 0,
          padding: 0,
          listStyle: 'none',
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const candidate = candidates[item.index];
          return candidate
            ? row(candidate, {
                'data-index': item.index,
                ref: virtualizer.measureElement,
                'aria-setsize': candidates.length,
                'aria-posinset': item.index + 1,
                style: {
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                },
              })
            : null;
        })}
      </ul>
    </div>
  );
}
