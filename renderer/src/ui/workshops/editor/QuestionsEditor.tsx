import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_LIMITS, type BlockQuestion } from '../../../core/workshops/blockQuestions';
import type { UserWorkshopId } from '../../../core/workshops/ids';
import {
  addBlockQuestion,
  removeBlockQuestion,
  restoreBlockQuestion,
  updateBlockQuestion,
  type QuestionInput,
} from '../../../core/workshops/questionOperations';
import type { UserBlock } from '../../../core/workshops/schema';
import { formatNumber } from '../../common/i18n/format';
import { wordRefusal } from '../../common/i18n/wordMessage';
import { QuestionSummary } from '../QuestionSummary';
import type { WorkshopsSession } from '../workshopsSession';
import { QuestionForm } from './QuestionForm';

export interface QuestionsEditorProps {
  /** Prefix of the ids of this block's controls. */
  idPrefix: string;
  workshopId: UserWorkshopId;
  block: UserBlock;
  session: WorkshopsSession;
}

/** A new question starts as notes, the kind that needs nothing but the question itself. */
const BLANK: QuestionInput = { kind: 'notes', prompt: '', options: [], dots: 3 };

/** `editing` while the new-question form is open (no question has an empty id). */
const NEW_QUESTION = '';

const addButtonId = (idPrefix: string) => `${idPrefix}-question-add`;
const editId = (idPrefix: string, questionId: string) => `${idPrefix}-question-${questionId}-edit`;

/** Where focus goes once a form closes or a question comes and goes. */
type FocusTarget = { questionId: string } | 'add';

/**
 * The block's questions for the room: each with Edit and Remove (with Undo), and "Add a question".
 * One form is open at a time; saving or cancelling puts focus back on the control that opened it.
 */
export function QuestionsEditor({ idPrefix, workshopId, block, session }: QuestionsEditorProps) {
  const { t } = useTranslation('workshops');
  /** The question whose form is open: its id, NEW_QUESTION for "Add a question", or none. */
  const [editing, setEditing] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ question: BlockQuestion; index: number } | null>(null);
  const [error, setError] = useState('');
  const focus = useRef<FocusTarget | null>(null);
  const headingId = `${idPrefix}-questions`;
  const addId = addButtonId(idPrefix);
  const full = block.questions.length >= QUESTION_LIMITS.perBlock;

  // Once the list has re-rendered with a change, focus goes where the user left off (once).
  useEffect(() => {
    const target = focus.current;
    if (!target) return;
    focus.current = null;
    document
      .getElementById(
        target === 'add' ? addButtonId(idPrefix) : editId(idPrefix, target.questionId),
      )
      ?.focus();
  });

  const close = (target: FocusTarget) => {
    focus.current = target;
    setEditing(null);
  };

  const add = (input: QuestionInput): string | null => {
    const applied = session.apply((db) => addBlockQuestion(db, workshopId, block.id, input), 0);
    if (applied.ok) close({ questionId: applied.result.question.id });
    return wordRefusal(applied);
  };

  const save = (questionId: string) => (input: QuestionInput) => {
    const applied = session.apply(
      (db) => updateBlockQuestion(db, workshopId, block.id, questionId, input),
      0,
    );
    if (applied.ok) close({ questionId });
    return wordRefusal(applied);
  };

  const remove = (questionId: string) => {
    const taken = session.apply(
      (db) => removeBlockQuestion(db, workshopId, block.id, questionId),
      0,
    );
    focus.current = 'add';
    setError(wordRefusal(taken) ?? '');
    setRemoved(taken.ok ? taken.result.removed : null);
  };

  const undo = () => {
    const back = removed;
    if (!back) return;
    focus.current = { questionId: back.question.id };
    setError(
      wordRefusal(session.apply((db) => restoreBlockQuestion(db, workshopId, block.id, back), 0)) ??
        '',
    );
    setRemoved(null);
  };

  return (
    <div className="ws-questions">
      <h4 id={headingId}>{t('questions.heading')}</h4>
      <p className="ws-hint">{t('questions.hint')}</p>
      {block.questions.length === 0 ? (
        <p>{t('questions.none')}</p>
      ) : (
        <ol aria-labelledby={headingId} className="ws-questions__list">
          {block.questions.map((question, index) => (
            <li key={question.id}>
              {editing === question.id ? (
                <QuestionForm
                  idPrefix={`${idPrefix}-question-${question.id}`}
                  legend={t('questions.editLegend', { number: formatNumber(index + 1) })}
                  initial={question}
                  submitLabel={t('questions.save')}
                  onSubmit={save(question.id)}
                  onCancel={() => close({ questionId: question.id })}
                />
              ) : (
                <>
                  <QuestionSummary question={question} />
                  <div className="ws-questions__tools">
                    <button
                      id={editId(idPrefix, question.id)}
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('questions.editLabel', { prompt: question.prompt })}
                      onClick={() => setEditing(question.id)}
                    >
                      {t('questions.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('questions.removeLabel', { prompt: question.prompt })}
                      onClick={() => remove(question.id)}
                    >
                      {t('questions.remove')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {removed && (
        <p role="status" className="ws-undo">
          {t('questions.removed', { prompt: removed.question.prompt })}{' '}
          <button type="button" className="button button--secondary button--small" onClick={undo}>
            {t('questions.undo')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="ws-field__error">
          {error}
        </p>
      )}
      {editing === NEW_QUESTION ? (
        <QuestionForm
          idPrefix={`${idPrefix}-question-new`}
          legend={t('questions.newLegend', { block: block.title })}
          initial={BLANK}
          submitLabel={t('questions.addSubmit')}
          onSubmit={add}
          onCancel={() => close('add')}
        />
      ) : (
        <>
          <button
            id={addId}
            type="button"
            className="button button--secondary button--small"
            disabled={full}
            aria-describedby={full ? `${addId}-full` : undefined}
            onClick={() => setEditing(NEW_QUESTION)}
          >
            {t('questions.add')}
          </button>
          {full && (
            <p id={`${addId}-full`} className="ws-hint">
              {t('questions.full', { shown: formatNumber(QUESTION_LIMITS.perBlock) })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
