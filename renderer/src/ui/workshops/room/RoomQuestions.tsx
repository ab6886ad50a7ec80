import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomQuestion } from '../../../core/room/protocol';
import type { BlockRoomQuestions } from '../../../core/workshops/roomQuestions';
import { formatNumber } from '../../common/i18n/format';
import { useKindText } from '../QuestionSummary';
import { RoomResults } from './RoomResults';
import type { Room } from './useRoom';

export interface RoomQuestionsProps {
  /** The workshop's questions, block by block (blocks without any left out). */
  groups: BlockRoomQuestions[];
  /** The block running now: its questions come first, the others' below. */
  blockIndex: number;
  room: Room;
}

/**
 * The workshop's questions for the room: the current block's first, every other block's in a
 * group below (a question may come early or late). While the room is open each has "Ask in the
 * room"; the current one "Close question"; any asked shows its results.
 */
export function RoomQuestions({ groups, blockIndex, room }: RoomQuestionsProps) {
  const { t } = useTranslation('room');
  const id = useId();
  const here = groups.find((g) => g.blockIndex === blockIndex);
  const others = groups.filter((g) => g !== here && g.questions.length > 0);
  const open = room.state.phase === 'open';

  return (
    <section aria-labelledby={`${id}-h`} className="room-questions">
      <h3 id={`${id}-h`} className="room__subheading">
        {t('presenter.questions.heading')}
      </h3>
      {!open && <p className="ws-hint">{t('presenter.questions.openFirst')}</p>}
      <h4 className="room-questions__block">
        {here
          ? t('presenter.questions.thisBlock', {
              number: formatNumber(here.blockIndex + 1),
              title: here.blockTitle,
            })
          : t('presenter.questions.thisBlockNone')}
      </h4>
      {here && here.questions.length > 0 ? (
        <QuestionList questions={here.questions.map((q) => q.question)} room={room} />
      ) : (
        <p>{t('presenter.questions.noneHere')}</p>
      )}
      {others.length > 0 && (
        <details className="room-questions__others">
          <summary>{t('presenter.questions.otherBlocks')}</summary>
          {others.map((group) => (
            <div key={group.blockIndex}>
              <h4 className="room-questions__block">
                {t('presenter.questions.block', {
                  number: formatNumber(group.blockIndex + 1),
                  title: group.blockTitle,
                })}
              </h4>
              <QuestionList questions={group.questions.map((q) => q.question)} room={room} />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}

function QuestionList({ questions, room }: { questions: RoomQuestion[]; room: Room }) {
  return (
    <ul className="room-questions__list">
      {questions.map((question) => (
        <QuestionItem key={question.id} question={question} room={room} />
      ))}
    </ul>
  );
}

function QuestionItem({ question, room }: { question: RoomQuestion; room: Room }) {
  const { t } = useTranslation('room');
  // Named as the editor and the workshop page name it ("Poll", "Dot vote, 3 dots each").
  const kindText = useKindText();
  const id = useId();
  const { phase, current, results: all } = room.state;
  const results = all[question.id];
  const isCurrent = current?.id === question.id;
  const open = phase === 'open';

  return (
    <li className={isCurrent ? 'room-question room-question--current' : 'room-question'}>
      <p id={`${id}-prompt`} className="room-question__prompt">
        {question.prompt}
      </p>
      <p className="room-question__kind">
        {kindText(question)}
        {isCurrent && open && (
          <strong className="room-question__state">
            {' '}
            {results?.closed ? t('presenter.questions.closed') : t('presenter.questions.asked')}
          </strong>
        )}
      </p>
      {open && (
        <p className="room-question__actions">
          {isCurrent && !results?.closed ? (
            <button
              type="button"
              className="button button--small"
              aria-describedby={`${id}-prompt`}
              onClick={room.closeQuestion}
            >
              {t('presenter.questions.close')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small"
              aria-describedby={`${id}-prompt`}
              onClick={() => room.ask(question)}
            >
              {t('presenter.questions.ask')}
            </button>
          )}
        </p>
      )}
      {results && (
        <RoomResults
          question={question}
          results={results}
          hideNote={open ? room.hideNote : undefined}
        />
      )}
    </li>
  );
}
