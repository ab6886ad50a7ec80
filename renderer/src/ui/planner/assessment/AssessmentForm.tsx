import { useId, useState, type FormEvent } from 'react';
import {
  DIMENSIONS,
  LEVEL_NAMES,
  MATURITY_LEVELS,
  type DimensionId,
  type MaturityLevel,
} from '../../../core/planner/assessment/dimensions';
import { isIsoDate, localIsoDate, type IsoDate } from '../../../core/planner/dates';
import { saveAssessment } from '../../../core/planner/operations/assessments';
import type { AssessmentAnswers } from '../../../core/planner/schema';
import type { PlannerSession } from '../plannerSession';
import { DateField } from '../../common/fields/DateField';

export interface AssessmentFormProps {
  session: PlannerSession;
  /** The latest answers, as a starting point: re-assessing is then a matter of changes. */
  initial: AssessmentAnswers | null;
  onSaved: () => void;
}

/** The questionnaire: one fieldset per dimension with its five described levels, and a date. */
export function AssessmentForm({ session, initial, onSaved }: AssessmentFormProps) {
  const id = useId();
  const [answers, setAnswers] = useState<Partial<Record<DimensionId, MaturityLevel>>>(
    initial ?? {},
  );
  const [date, setDate] = useState<string>(localIsoDate());
  const [error, setError] = useState<{ message: string; problems: string[] } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = DIMENSIONS.filter((d) => answers[d.id] === undefined).map((d) => d.label);
    if (missing.length > 0 || !isIsoDate(date)) {
      setError({
        message: 'The assessment was not saved. Please complete:',
        problems: [
          ...missing.map((label) => `${label}: choose a level`),
          ...(isIsoDate(date) ? [] : ['Assessment date: enter a date such as 2026-11-26']),
        ],
      });
      return;
    }
    const saved = session.apply((db) =>
      saveAssessment(db, { date: date as IsoDate, answers: answers as AssessmentAnswers }),
    );
    if (!saved.ok) {
      setError({ message: saved.refusal.message, problems: [...saved.refusal.problems] });
      return;
    }
    setError(null);
    onSaved();
  };

  return (
    <form className="assessment-form" onSubmit={submit} noValidate>
      {DIMENSIONS.map((dimension, index) => (
        <fieldset key={dimension.id} className="assessment-dimension">
          <legend>
            <span className="assessment-dimension__number">{index + 1}.</span> {dimension.label}
            <span className="assessment-dimension__question">{dimension.question}</span>
          </legend>
          <div className="assessment-levels">
            {MATURITY_LEVELS.map((level) => {
              const optionId = `${id}-${dimension.id}-${level}`;
              return (
                <div className="choice assessment-level" key={level}>
                  <input
                    type="radio"
                    id={optionId}
                    name={`${id}-${dimension.id}`}
                    checked={answers[dimension.id] === level}
                    onChange={() =>
                      setAnswers((current) => ({ ...current, [dimension.id]: level }))
                    }
                    aria-describedby={`${optionId}-hint`}
                  />
                  <label htmlFor={optionId}>
                    Level {level}: {LEVEL_NAMES[level]}
                  </label>
                  <span className="choice__hint" id={`${optionId}-hint`}>
                    {dimension.levels[level]}
                  </span>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <DateField
        label="Assessment date"
        controlClassName="field__short"
        value={date}
        invalid={error !== null && !isIsoDate(date)}
        onChange={(event) => setDate(event.target.value)}
      />
      {error && (
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">{error.message}</p>
          <ul>
            {error.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" className="button">
        Save assessment
      </button>
    </form>
  );
}
