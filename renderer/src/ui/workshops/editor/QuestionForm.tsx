import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  QUESTION_KINDS,
  QUESTION_LIMITS,
  takesOptions,
  type QuestionKind,
} from '../../../core/workshops/blockQuestions';
import {
  questionInputProblems,
  type QuestionInput,
  type QuestionInputProblem,
} from '../../../core/workshops/questionOperations';
import { formatNumber } from '../../common/i18n/format';
import { KIND_KEYS } from '../QuestionSummary';

export interface QuestionFormProps {
  /** Prefix of the form's control ids. */
  idPrefix: string;
  /** Names the form, e.g. "New question for Welcome". */
  legend: string;
  initial: QuestionInput;
  submitLabel: string;
  /** Saves the question; returns why it was refused, or null when it was taken. */
  onSubmit: (input: QuestionInput) => string | null;
  onCancel: () => void;
}

type Field = QuestionInputProblem['field'];

/** Dots typed in the field: a whole number, or NaN (the form says what is wrong). */
function parseDots(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Adds or edits one question for the room: its kind, the question, the options of a dot vote or
 * poll (one a line) and a dot vote's dots. Nothing is saved until the form is submitted and
 * valid; each problem shows under its field, and focus moves to the first one. Escape cancels.
 */
export function QuestionForm({
  idPrefix,
  legend,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: QuestionFormProps) {
  const { t } = useTranslation('workshops');
  const [kind, setKind] = useState<QuestionKind>(initial.kind);
  const [prompt, setPrompt] = useState(initial.prompt);
  const [options, setOptions] = useState(initial.options.join('\n'));
  const [dots, setDots] = useState(String(initial.dots));
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState('');
  const kindRef = useRef<HTMLSelectElement>(null);

  // The form opens on the first field, so keyboard users land where they type.
  useEffect(() => kindRef.current?.focus(), []);

  const id = (field: string) => `${idPrefix}-${field}`;
  const limits = {
    minimum: formatNumber(QUESTION_LIMITS.minOptions),
    maximum: formatNumber(QUESTION_LIMITS.options),
  };
  const word = (found: QuestionInputProblem): string => {
    switch (found.problem) {
      case 'promptTooLong':
        return t('questions.problems.promptTooLong', {
          maximum: formatNumber(QUESTION_LIMITS.prompt),
        });
      case 'optionsCount':
        return t('questions.problems.optionsCount', limits);
      case 'optionTooLong':
        return t('questions.problems.optionTooLong', {
          maximum: formatNumber(QUESTION_LIMITS.optionLabel),
        });
      case 'dotsRange':
        return t('questions.problems.dotsRange', {
          minimum: formatNumber(1),
          maximum: formatNumber(QUESTION_LIMITS.dots),
        });
      default:
        return t(`questions.problems.${found.problem}`);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: QuestionInput = {
      kind,
      prompt,
      options: options.split('\n'),
      dots: parseDots(dots),
    };
    const found = questionInputProblems(input);
    const byField: Partial<Record<Field, string>> = {};
    for (const problem of found) byField[problem.field] ??= word(problem);
    setProblems(byField);
    const first = found[0];
    if (first) {
      document.getElementById(id(first.field))?.focus();
      return;
    }
    setRefusal(onSubmit(input) ?? '');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  /** The ids describing a field: its hint and, when it has one, its problem. */
  const describedBy = (field: Field | 'kind', hint: boolean) =>
    [
      hint ? id(`${field}-hint`) : '',
      field !== 'kind' && problems[field] ? id(`${field}-error`) : '',
    ]
      .join(' ')
      .trim() || undefined;
  const problemOf = (field: Field) =>
    problems[field] && (
      <p id={id(`${field}-error`)} className="ws-field__error">
        {problems[field]}
      </p>
    );

  return (
    <form className="ws-question-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <fieldset>
        <legend>{legend}</legend>
        <div className="ws-field">
          <label htmlFor={id('kind')}>{t('questions.kindLabel')}</label>
          <p id={id('kind-hint')} className="ws-hint">
            {t(`questions.kindHint.${KIND_KEYS[kind]}`)}
          </p>
          <select
            ref={kindRef}
            id={id('kind')}
            className="ontario-input ws-select"
            value={kind}
            aria-describedby={describedBy('kind', true)}
            onChange={(event) => setKind(event.target.value as QuestionKind)}
          >
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`questions.kind.${KIND_KEYS[k]}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="ws-field">
          <label htmlFor={id('prompt')}>{t('questions.prompt')}</label>
          <input
            id={id('prompt')}
            className="ontario-input"
            value={prompt}
            aria-invalid={problems.prompt ? true : undefined}
            aria-describedby={describedBy('prompt', false)}
            onChange={(event) => setPrompt(event.target.value)}
          />
          {problemOf('prompt')}
        </div>
        {takesOptions(kind) && (
          <div className="ws-field">
            <label htmlFor={id('options')}>{t('questions.options')}</label>
            <p id={id('options-hint')} className="ws-hint">
              {t('questions.optionsHint', limits)}
            </p>
            <textarea
              id={id('options')}
              className="ontario-input"
              rows={4}
              value={options}
              aria-invalid={problems.options ? true : undefined}
              aria-describedby={describedBy('options', true)}
              onChange={(event) => setOptions(event.target.value)}
            />
            {problemOf('options')}
          </div>
        )}
        {kind === 'dot-vote' && (
          <div className="ws-field ws-field--narrow">
            <label htmlFor={id('dots')}>{t('questions.dots')}</label>
            <p id={id('dots-hint')} className="ws-hint">
              {t('questions.dotsHint', {
                minimum: formatNumber(1),
                maximum: formatNumber(QUESTION_LIMITS.dots),
              })}
            </p>
            <input
              id={id('dots')}
              className="ontario-input"
              type="number"
              inputMode="numeric"
              min={1}
              max={QUESTION_LIMITS.dots}
              value={dots}
              aria-invalid={problems.dots ? true : undefined}
              aria-describedby={describedBy('dots', true)}
              onChange={(event) => setDots(event.target.value)}
            />
            {problemOf('dots')}
          </div>
        )}
        {refusal && (
          <p role="alert" className="ws-field__error">
            {refusal}
          </p>
        )}
        <div className="ws-question-form__actions">
          <button type="submit" className="button button--small">
            {submitLabel}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onCancel}
          >
            {t('questions.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
