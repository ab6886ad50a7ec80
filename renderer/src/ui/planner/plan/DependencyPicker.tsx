import { useId, useMemo } from 'react';
import { dependencyCandidates } from '../../../core/planner/dependencies';
import type { TaskId } from '../../../core/planner/ids';
import type { PlannerDatabase, Task } from '../../../core/planner/schema';

export interface DependencyPickerProps {
  db: PlannerDatabase;
  task: Task;
  onChange: (dependencies: TaskId[]) => void;
}

/**
 * "Depends on": the tasks of the same plan this one can wait on. Tasks that would close a loop
 * are left out (and the operation refuses them anyway, with a message).
 */
export function DependencyPicker({ db, task, onChange }: DependencyPickerProps) {
  const id = useId();
  const planTasks = useMemo(
    () => db.tasks.filter((t) => t.planId === task.planId),
    [db.tasks, task.planId],
  );
  const candidates = useMemo(() => {
    const ids = new Set(dependencyCandidates(planTasks, task.id));
    return planTasks.filter((t) => ids.has(t.id));
  }, [planTasks, task.id]);
  const excluded = planTasks.length - 1 - candidates.length;

  return (
    <fieldset className="dependency-picker">
      <legend>Depends on</legend>
      <p className="hint" id={`${id}-hint`}>
        Tasks that must be done before this one.
        {excluded > 0 &&
          ` ${excluded} task${excluded > 1 ? 's are' : ' is'} not listed because ${excluded > 1 ? 'they' : 'it'} already wait${excluded > 1 ? '' : 's'} on this one (a loop).`}
      </p>
      {candidates.length === 0 ? (
        <p className="planner-muted">No other task in this plan to choose.</p>
      ) : (
        <ul className="dependency-picker__list">
          {candidates.map((candidate) => {
            const boxId = `${id}-${candidate.id}`;
            const checked = task.dependencies.includes(candidate.id);
            return (
              <li key={candidate.id} className="choice">
                <input
                  type="checkbox"
                  id={boxId}
                  checked={checked}
                  onChange={() =>
                    onChange(
                      checked
                        ? task.dependencies.filter((d) => d !== candidate.id)
                        : [...task.dependencies, candidate.id],
                    )
                  }
                />
                <label htmlFor={boxId}>{candidate.title}</label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
