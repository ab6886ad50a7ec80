/**
 * Writing a room question's results into the session capture from the presenter's side: the
 * question is found in the workshop, read from its room id when it is gone from the workshop,
 * and refused in words the trainer reads (its prompt, never its id) when it is not one of the
 * workshop's at all. The capture is the real one, over a real session.
 */
import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../../renderer/src/core/content/ids';
import type { QuestionResults, RoomQuestion } from '../../../../renderer/src/core/room/protocol';
import { newRoomRun } from '../../../../renderer/src/core/workshops/roomCapture';
import {
  emptyWorkshopsDatabase,
  type WorkshopsDatabase,
} from '../../../../renderer/src/core/workshops/schema';
import { startSession } from '../../../../renderer/src/core/workshops/sessionOperations';
import { writeRoomResults } from '../../../../renderer/src/ui/workshops/room/writeRoomResults';
import type { Presentation } from '../../../../renderer/src/ui/workshops/present/usePresentation';

const notes = (id: string): RoomQuestion => ({
  id,
  kind: 'notes',
  prompt: 'What worries you?',
  options: [],
  dots: 0,
});

const results = (questionId: string): QuestionResults => ({
  questionId,
  closed: true,
  tallies: [],
  voters: 0,
  votes: [],
  notes: [{ id: '1', text: 'Broadband', author: 'Ana', upvotes: 0, hidden: false }],
});

/** A presentation's `record` over a real session, counting its calls. */
function recorder() {
  const started = startSession(
    emptyWorkshopsDatabase(),
    { kind: 'bundled', docId: 'workshop-council-digital-awareness' as DocId },
    'Council session',
  );
  let db: WorkshopsDatabase = started.db;
  const state = { calls: 0, notes: () => db.sessions[0]?.notes ?? [] };
  const record: Presentation['record'] = (operation) => {
    state.calls++;
    db = operation(db, started.session.id);
    return null;
  };
  return { record, state };
}

describe('writing room results into the capture', () => {
  it('a question gone from the workshop is written into the block its room id names', () => {
    const { record, state } = recorder();
    const question = notes('b2-worries');
    const outcome = writeRoomResults(record, [], {
      question,
      results: results(question.id),
      run: newRoomRun(),
    });
    expect(outcome).toEqual({ written: true, message: null });
    expect(state.notes().map((n) => [n.text, n.blockIndex])).toEqual([['Broadband', 2]]);
  });

  it('a question that is not one of the workshop’s is refused by its prompt, not its id', () => {
    const { record, state } = recorder();
    const question = notes('worries');
    const outcome = writeRoomResults(record, [], {
      question,
      results: results(question.id),
      run: newRoomRun(),
    });
    expect(outcome).toEqual({
      written: false,
      message: 'The question “What worries you?” is not one of this workshop’s questions.',
    });
    expect(state.calls).toBe(0);
  });
});
