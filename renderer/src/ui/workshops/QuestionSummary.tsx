import { Trans, useTranslation } from 'react-i18next';
import type { BlockQuestion, QuestionKind } from '../../core/workshops/blockQuestions';
import { formatNumber } from '../common/i18n/format';

/** The catalogue's name of each kind of question (`questions.kind.*`). */
export const KIND_KEYS = {
  'dot-vote': 'dotVote',
  poll: 'poll',
  notes: 'notes',
  qa: 'qa',
} as const satisfies Record<QuestionKind, string>;

/** A question's kind as the trainer reads it, with the dots of a dot vote ("Dot vote, 3 dots each"). */
export function useKindText(): (question: Pick<BlockQuestion, 'kind' | 'dots'>) => string {
  const { t } = useTranslation('workshops');
  return ({ kind, dots }) => {
    const name = t(`questions.kind.${KIND_KEYS[kind]}`);
    return kind === 'dot-vote'
      ? t('questions.kindWithDots', { kind: name, count: dots, shown: formatNumber(dots) })
      : name;
  };
}

/** One question for the room as the editor and the workshop page show it: kind, prompt, options. */
export function QuestionSummary({ question }: { question: BlockQuestion }) {
  const { t } = useTranslation('workshops');
  const kindText = useKindText();
  return (
    <>
      <p className="ws-question__prompt">
        <Trans
          t={t}
          i18nKey="questions.summary"
          values={{ kind: kindText(question), prompt: question.prompt }}
          components={{ kind: <span className="ws-question__kind" /> }}
        />
      </p>
      {question.options.length > 0 && (
        <ul className="ws-question__options">
          {question.options.map((option) => (
            <li key={option}>{option}</li>
          ))}
        </ul>
      )}
    </>
  );
}
