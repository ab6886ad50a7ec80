import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { QuestionResults } from '../../../renderer/src/core/room/protocol';
import type { BlockQuestion } from '../../../renderer/src/core/workshops/blockQuestions';
import { COMMA_CSV } from '../../../renderer/src/core/csv/csvCell';
import {
  captureContextFor,
  sessionToCsv,
  sessionToMarkdown,
} from '../../../renderer/src/core/workshops/captureExport';
import type { CaptureId, SessionId } from '../../../renderer/src/core/workshops/ids';
import {
  captureInSession,
  captureRoomResults,
  newRoomRun,
  roomNoteId,
  roomVoteId,
  type RoomResultsInput,
} from '../../../renderer/src/core/workshops/roomCapture';
import { toRoomQuestion } from '../../../renderer/src/core/workshops/roomQuestions';
import {
  emptyWorkshopsDatabase,
  sessionSchema,
  USER_LIMITS,
  type WorkshopSession,
} from '../../../renderer/src/core/workshops/schema';
import {
  addStickyNote,
  startSession,
} from '../../../renderer/src/core/workshops/sessionOperations';
import { tallyVotes } from '../../../renderer/src/core/workshops/votes';
import { wordMessage } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { captureWords } from '../../../renderer/src/ui/workshops/exportWords';

const RUN = 'm0run1';
const AT = '2026-11-26T15:00:00.000Z';

const dotVote: BlockQuestion = {
  id: 'first-steps',
  kind: 'dot-vote',
  prompt: 'Which three things should council do first?',
  options: ['Name a lead', 'Ask for a readiness assessment', 'Set aside a budget line'],
  dots: 3,
};
const poll: BlockQuestion = {
  id: 'key-issue',
  kind: 'poll',
  prompt: 'Which key issue do we feel most here?',
  options: ['Capacity', 'Internet access', 'New technology'],
  dots: 1,
};
const qa: BlockQuestion = { id: 'ask', kind: 'qa', prompt: 'Your questions', options: [], dots: 0 };
const notes: BlockQuestion = { ...qa, id: 'ideas', kind: 'notes', prompt: 'What would help?' };

const located = (blockIndex: number, source: BlockQuestion) => ({
  blockIndex,
  source,
  question: toRoomQuestion(blockIndex, source),
});

function results(questionId: string, part: Partial<QuestionResults>): QuestionResults {
  return { questionId, closed: false, tallies: [], voters: 0, votes: [], notes: [], ...part };
}

function session(): { db: ReturnType<typeof emptyWorkshopsDatabase>; id: SessionId } {
  const started = startSession(
    emptyWorkshopsDatabase(),
    { kind: 'bundled', docId: 'workshop-council-digital-awareness' as DocId },
    'Council session',
  );
  return { db: started.db, id: started.session.id };
}

const note = (id: string, text: string, author: string | null, upvotes = 0, hidden = false) => ({
  id,
  text,
  author,
  upvotes,
  hidden,
});

describe('room results into the session capture', () => {
  it('a dot vote becomes one vote with the options, dots per person and a dot per dot cast', () => {
    const { db, id } = session();
    const question = located(4, dotVote);
    const input: RoomResultsInput = {
      run: RUN,
      question,
      results: results('b4-first-steps', {
        votes: [
          { participant: 'Ana', optionIds: ['o1', 'o1', 'o3'] },
          { participant: 'Ben', optionIds: ['o2'] },
          { participant: 'Anonymous 3', optionIds: ['o3', 'o9'] },
        ],
      }),
    };
    const { value, notices } = captureRoomResults(db, id, input);
    expect(notices).toEqual([]);
    const [vote] = value.sessions[0]?.votes ?? [];
    expect(vote?.id).toBe(roomVoteId(RUN, 'b4-first-steps'));
    expect(vote?.question).toBe(dotVote.prompt);
    expect(vote?.dotsPerPerson).toBe(3);
    expect(vote?.options.map((o) => o.label)).toEqual(dotVote.options);
    // Each dot as cast; a dot on an option the question does not have is not counted.
    expect(vote?.dots.map((d) => d.participant)).toEqual([
      'Ana',
      'Ana',
      'Ana',
      'Ben',
      'Anonymous 3',
    ]);
    const tally = vote ? tallyVotes(vote) : null;
    expect(tally?.rows.map((r) => [r.label, r.votes])).toEqual([
      ['Name a lead', 2],
      ['Set aside a budget line', 2],
      ['Ask for a readiness assessment', 1],
    ]);
    expect(tally?.participants).toBe(3);
  });

  it('a poll has one dot each; two voters with the same name keep their own vote', () => {
    const { db, id } = session();
    const { value } = captureRoomResults(db, id, {
      run: RUN,
      question: located(1, poll),
      results: results('b1-key-issue', {
        votes: [
          { participant: 'Ana', optionIds: ['o2'] },
          { participant: 'ana ', optionIds: ['o2'] },
          { participant: '  ', optionIds: ['o1'] },
        ],
      }),
    });
    const vote = value.sessions[0]?.votes[0];
    expect(vote?.dotsPerPerson).toBe(1);
    expect(vote?.dots.map((d) => d.participant)).toEqual(['Ana', 'ana (2)', '#3']);
    expect(vote && tallyVotes(vote).rows[0]).toMatchObject({ label: 'Internet access', votes: 2 });
  });

  it('is idempotent: calling it again replaces the vote, never adds a second one', () => {
    const { db, id } = session();
    const question = located(1, poll);
    const first = captureRoomResults(db, id, {
      run: RUN,
      question,
      results: results('b1-key-issue', { votes: [{ participant: 'Ana', optionIds: ['o1'] }] }),
    }).value;
    const again = captureRoomResults(first, id, {
      run: RUN,
      question,
      results: results('b1-key-issue', { votes: [{ participant: 'Ana', optionIds: ['o1'] }] }),
    }).value;
    expect(again).toBe(first);
    const later = captureRoomResults(first, id, {
      run: RUN,
      question,
      results: results('b1-key-issue', {
        votes: [
          { participant: 'Ana', optionIds: ['o3'] },
          { participant: 'Ben', optionIds: ['o3'] },
        ],
      }),
    }).value;
    expect(later.sessions[0]?.votes).toHaveLength(1);
    expect(later.sessions[0]?.votes[0]?.dots).toHaveLength(2);
    // No votes yet (a question made current, then left): no empty vote in the capture.
    const none = captureRoomResults(db, id, {
      run: RUN,
      question,
      results: results('b1-key-issue', {}),
    });
    expect(none.value).toBe(db);
    // The same question in a new run of the room is a vote of its own.
    const otherRun = captureRoomResults(later, id, {
      run: newRoomRun(Date.UTC(2026, 10, 27)),
      question,
      results: results('b1-key-issue', { votes: [{ participant: 'Cy', optionIds: ['o2'] }] }),
    }).value;
    expect(otherRun.sessions[0]?.votes).toHaveLength(2);
  });

  it('notes and Q&A become notes in the question’s block with author and upvotes; hidden ones are left out', () => {
    const { db: empty, id } = session();
    const db = addStickyNote(empty, id, 'Trainer’s own note', 0).db;
    const question = located(5, qa);
    const first = captureRoomResults(db, id, {
      run: RUN,
      question,
      at: AT,
      results: results('b5-ask', {
        notes: [
          note('n1', 'Who pays for it?', 'Ana', 4),
          note('n2', '<img src=x onerror=alert(1)>', null, 1),
          note('n3', 'Rude remark', 'Troll', 0, true),
        ],
      }),
    });
    const notesNow = first.value.sessions[0]?.notes ?? [];
    expect(notesNow.map((n) => [n.text, n.author, n.upvotes, n.blockIndex])).toEqual([
      ['Trainer’s own note', null, null, 0],
      ['Who pays for it?', 'Ana', 4, 5],
      ['<img src=x onerror=alert(1)>', null, 1, 5],
    ]);
    expect(notesNow[1]?.id).toBe(roomNoteId(RUN, 'b5-ask', 'n1'));
    expect(notesNow[1]?.createdAt).toBe(AT);

    // Again, later: upvotes updated in place (same id, same time taken), n2 hidden since, a new
    // note added; nothing doubled.
    const second = captureRoomResults(first.value, id, {
      run: RUN,
      question,
      at: '2026-11-26T15:10:00.000Z',
      results: results('b5-ask', {
        notes: [
          note('n1', 'Who pays for it?', 'Ana', 6),
          note('n2', '<img src=x onerror=alert(1)>', null, 1, true),
          note('n4', 'When does it start?', 'Ben', 2),
        ],
      }),
    });
    const after = second.value.sessions[0]?.notes ?? [];
    expect(after.map((n) => [n.text, n.upvotes])).toEqual([
      ['Trainer’s own note', null],
      ['Who pays for it?', 6],
      ['When does it start?', 2],
    ]);
    expect(after[1]?.createdAt).toBe(AT);
    expect(sessionSchema.safeParse(second.value.sessions[0]).success).toBe(true);
  });

  it('the export shows a note’s author and upvotes where present, escaped as room text', () => {
    const { db, id } = session();
    const { value } = captureRoomResults(db, id, {
      run: RUN,
      question: located(0, notes),
      at: AT,
      results: results('b0-ideas', {
        notes: [note('n1', 'Online permits', '*Ana*', 0), note('n2', 'Shared IT', null, 3)],
      }),
    });
    const captured = value.sessions[0] as WorkshopSession;
    const context = captureContextFor([{ title: 'Welcome', documents: [] }], captureWords());
    const markdown = sessionToMarkdown(captured, context);
    expect(markdown).toContain('- Online permits (\\*Ana\\*)\n');
    expect(markdown).toContain('- Shared IT (3 upvotes)\n');
    const rows = Papa.parse<string[]>(
      sessionToCsv(captured, context, COMMA_CSV).slice(1).trimEnd(),
      {
        newline: '\r\n',
      },
    ).data;
    expect(rows.slice(1).map((r) => [r[2], r[6], r[7]])).toEqual([
      ['Online permits', '*Ana*', '0'],
      ['Shared IT', '', '3'],
    ]);
  });

  it('keeps within the session’s limits: notes past the limit left out (Q&A keeps the most upvoted), with a notice', () => {
    const { db, id } = session();
    // Filled directly: adding 2,000 notes one by one checks the session 2,000 times.
    const filler = Array.from({ length: USER_LIMITS.notes - 2 }, (_, i) => ({
      id: `c-${i}` as CaptureId,
      text: `Note ${i}`,
      blockIndex: null,
      createdAt: AT,
      author: null,
      upvotes: null,
    }));
    const full = { ...db, sessions: db.sessions.map((s) => ({ ...s, notes: filler })) };
    const { value, notices } = captureRoomResults(full, id, {
      run: RUN,
      question: located(2, qa),
      results: results('b2-ask', {
        notes: [note('n1', 'Few', 'A', 1), note('n2', 'Most', 'B', 9), note('n3', 'Some', 'C', 5)],
      }),
    });
    const kept = value.sessions[0]?.notes.slice(-2).map((n) => n.text);
    expect(kept).toEqual(['Most', 'Some']);
    expect(value.sessions[0]?.notes).toHaveLength(USER_LIMITS.notes);
    expect(notices.map(wordMessage)).toEqual([
      '1 note did not fit into the session’s capture (it holds at most 2,000 notes).',
    ]);
  });

  it('refuses a new vote in a session holding the most votes, and says so', () => {
    const { db, id } = session();
    let full = db;
    for (let i = 0; i < USER_LIMITS.votes; i++)
      full = captureRoomResults(full, id, {
        run: `r${i}`,
        question: located(1, poll),
        results: results('b1-key-issue', { votes: [{ participant: 'Ana', optionIds: ['o1'] }] }),
      }).value;
    const input = {
      run: 'last',
      question: located(1, poll),
      results: results('b1-key-issue', { votes: [{ participant: 'Ana', optionIds: ['o1'] }] }),
    };
    const { value, notices } = captureRoomResults(full, id, input);
    expect(value).toBe(full);
    expect(notices.map(wordMessage)).toEqual([
      'The vote was not added to the session’s capture: it holds at most 100 votes.',
    ]);
  });

  it('refuses results of another question and a malformed run id', () => {
    const { db, id } = session();
    const question = located(1, poll);
    expect(() =>
      captureRoomResults(db, id, { run: RUN, question, results: results('b2-key-issue', {}) }),
    ).toThrow(/not those of this question/);
    expect(() =>
      captureRoomResults(db, id, {
        run: 'Bad Run',
        question,
        results: results('b1-key-issue', {}),
      }),
    ).toThrow(/room run/);
  });

  it('keeps room note ids within the stored id limit, and stable', () => {
    const long = 'n'.repeat(64);
    const question = `b39-${'q'.repeat(40)}`;
    const id = roomNoteId('zzzzzzzzzz', question, long);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(roomNoteId('zzzzzzzzzz', question, long)).toBe(id);
    expect(roomNoteId('zzzzzzzzzz', question, `${long.slice(1)}m`)).not.toBe(id);
  });

  it('property: any results captured twice give the same session as once, and it is always valid', () => {
    const name = fc.oneof(
      fc.constantFrom('Ana', 'ana', ' Ben ', '', 'Anonymous 7'),
      fc.string({ maxLength: 40 }),
    );
    const voteResults = fc.array(
      fc.record({
        participant: name,
        optionIds: fc.array(fc.constantFrom('o1', 'o2', 'o3', 'o4'), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      { maxLength: 30 },
    );
    const noteResults = fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 500 }).map((n) => `n${n}`),
        text: fc.string({ minLength: 1, maxLength: 280 }),
        author: fc.option(name, { nil: null }),
        upvotes: fc.nat(300),
        hidden: fc.boolean(),
      }),
      { selector: (n) => n.id, maxLength: 30 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(dotVote, poll, qa, notes),
        voteResults,
        noteResults,
        (source, votes, roomNotes) => {
          const { db } = session();
          const question = located(3, source);
          const input: RoomResultsInput = {
            run: RUN,
            question,
            at: AT,
            results: results(question.question.id, { votes, notes: roomNotes }),
          };
          const start = db.sessions[0] as WorkshopSession;
          const once = captureInSession(start, input).value;
          const twice = captureInSession(once, input).value;
          expect(twice).toEqual(once);
          expect(sessionSchema.safeParse(once).success).toBe(true);
          const shownNotes = roomNotes.filter((n) => !n.hidden && n.text.trim() !== '');
          if (source.kind === 'qa' || source.kind === 'notes')
            expect(once.notes).toHaveLength(shownNotes.length);
          else expect(once.votes).toHaveLength(votes.length === 0 ? 0 : 1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
