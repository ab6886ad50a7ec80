import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIMENSIONS,
  MATURITY_LEVELS,
  type DimensionId,
  type MaturityLevel,
} from '../../../core/planner/assessment/dimensions';
import { isIsoDate, localIsoDate, type IsoDate } from '../../../core/planner/dates';
import { saveAssessment } from '../../../core/planner/operations/assessments';
import type { AssessmentAnswers } from '../../../core/planner/schema';
import type { PlannerSession } from '../plannerSession';
import { DateField } from '../../common/fields/DateField';
import { wordError, wordProblems } from '../../common/i18n/wordMessage';
import { dimensionLabel, dimensionQuestion, levelDescription, levelName } from '../plannerLabels';

export interface AssessmentFormProps {
  session: PlannerSession;
  /** The latest answers, as a starting point: re-assessing is then a matter of changes. */
  initial: AssessmentAnswers | null;
  onSaved: () => void;
}

/** The questionnaire: one fieldset per dimension with its five described levels, and a date. */
export function AssessmentForm({ session, initial, onSaved }: AssessmentFormProps) {
  const { t } = useTranslation('planner');
  const id = useId();
  const [answers, setAnswers] = useState<Partial<Record<DimensionId, MaturityLevel>>>(
    initial ?? {},
  );
  const [date, setDate] = useState<string>(localIsoDate());
  const [error, setError] = useState<{ message: string; problems: string[] } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = DIMENSIONS.filter((d) => answers[d.id] === undefined).map((d) =>
      dimensionLabel(d.id),
    );
    if (missing.length > 0 || !isIsoDate(date)) {
      setError({
        message: t('assessment.notSaved'),
        problems: [
          ...missing.map((label) => t('assessment.chooseLevel', { dimension: label })),
          ...(isIsoDate(date) ? [] : [t('assessment.dateMissing')]),
        ],
      });
      return;
    }
    const saved = session.apply((db) =>
      saveAssessment(db, { date: date as IsoDate, answers: answers as AssessmentAnswers }),
    );
    if (!saved.ok) {
      // A validation lists its problems; a refusal of the planner's own is its one sentence.
      const { problems } = saved.refusal;
      setError({
        message: wordError(saved.refusal),
        problems: problems.length > 0 ? wordProblems(problems) : [wordError(saved.refusal)],
      });
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
            <span className="assessment-dimension__number">
              {t('assessment.number', { number: index + 1 })}
            </span>{' '}
            {dimensionLabel(dimension.id)}
            <span className="assessment-dimension__question">
              {dimensionQuestion(dimension.id)}
            </span>
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
                    {t('assessment.level', { level, name: levelName(level) })}
                  </label>
                  <span className="choice__hint" id={`${optionId}-hint`}>
                    {levelDescription(dimension.id, level)}
                  </span>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <DateField
        label={t('assessment.date')}
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
        {t('assessment.save')}
      </button>
    </form>
  );
}
