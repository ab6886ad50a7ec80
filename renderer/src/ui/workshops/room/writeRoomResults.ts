import type { MessageRef } from '../../../core/common/messageRef';
import type { QuestionResults, RoomQuestion } from '../../../core/room/protocol';
import { captureRoomResults } from '../../../core/workshops/roomCapture';
import {
  parseRoomQuestionId,
  type BlockRoomQuestions,
  type WorkshopRoomQuestion,
} from '../../../core/workshops/roomQuestions';
import { t } from '../../common/i18n/i18n';
import { wordMessage } from '../../common/i18n/wordMessage';
import type { Presentation } from '../present/usePresentation';
import type { CaptureOutcome } from './useRoom';

/**
 * The workshop question a room question was asked as. The prompt and options are the ones the
 * room asked (the workshop may have been edited since in another window); the block is the
 * workshop's, or read from the id (`b<block>-<question>`) when the question is gone from it.
 */
function askedAs(groups: readonly BlockRoomQuestions[], question: RoomQuestion) {
  const found = groups.flatMap((g) => g.questions).find((q) => q.question.id === question.id);
  if (found) return { ...found, question } satisfies WorkshopRoomQuestion;
  const parsed = parseRoomQuestionId(question.id);
  if (!parsed) return null;
  return {
    blockIndex: parsed.blockIndex,
    source: {
      id: parsed.questionId,
      kind: question.kind,
      prompt: question.prompt,
      options: question.options.map((o) => o.label),
      dots: question.dots,
    },
    question,
  } satisfies WorkshopRoomQuestion;
}

/**
 * Writes a question's results into the session capture through the presentation's capture path
 * (which starts the session on first use), so they export and become plan tasks like any capture.
 */
export function writeRoomResults(
  record: Presentation['record'],
  groups: readonly BlockRoomQuestions[],
  input: { question: RoomQuestion; results: QuestionResults; run: string },
): CaptureOutcome {
  const question = askedAs(groups, input.question);
  if (!question)
    return {
      written: false,
      message: t('room:presenter.notThisWorkshop', { prompt: input.question.prompt }),
    };
  let notices: MessageRef[] = [];
  const problem = record((db, sessionId) => {
    const outcome = captureRoomResults(db, sessionId, { ...input, question });
    notices = outcome.notices;
    return outcome.value;
  });
  if (problem !== null) return { written: false, message: problem };
  return {
    written: true,
    message: notices.length === 0 ? null : notices.map((n) => wordMessage(n)).join(' '),
  };
}
