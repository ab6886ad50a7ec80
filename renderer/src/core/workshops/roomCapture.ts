/**
 * The room's results written into a recorded session (issue 17), so they export and turn into
 * plan tasks like everything else the trainer captures:
 * - a poll or a dot vote becomes one entry of `session.votes`: the question's prompt and options,
 *   its dots per person (1 for a poll), and one dot per dot cast, named by the participant's
 *   shown name;
 * - notes and Q&A become `session.notes` taken in the question's block, with their author (null:
 *   anonymous) and upvotes; hidden notes are left out (and taken out again if hidden later).
 *
 * Idempotent: the ids are derived from the room run, the question and the room's note ids, so
 * calling it again (on every close or switch of the question) replaces what the last call wrote
 * instead of adding to it. A run is one opening of the room: the room numbers its notes from 1
 * again each time it opens, and a question asked again in a new room is a new vote with its own
 * results, so each run's results are kept apart (`newRoomRun`).
 *
 * So the room owns what it wrote for a run: capturing a run's results again replaces that run's
 * vote and room notes in the session. A trainer's edit to one of them (a room note's text, a dot
 * cast or taken back in the vote) is overwritten by the next capture of the same run's question,
 * and a room note or vote the trainer removed comes back; hiding a note in the room is what keeps
 * it out. A capture is written only when the results changed since the last one (`useRoom`) and
 * never touches another run, so edits made once the room has closed stay. Kept as is: telling a
 * trainer's edit from stale room text would need the session to record edits.
 *
 * Limits: nothing is refused whole but a new vote in a session already holding `USER_LIMITS.votes`
 * votes. Dots and notes beyond the session's limits are left out (notes of a Q&A, the most
 * upvoted are kept first), and a notice says how many, for the presenter to show.
 */
import { sameData } from '../common/canonicalJson';
import { messageRef, type MessageRef } from '../common/messageRef';
import type { QuestionResults, RoomNote } from '../room/protocol';
import { validated } from './errors';
import type { CaptureId, SessionId } from './ids';
import type { WorkshopRoomQuestion } from './roomQuestions';
import {
  sessionSchema,
  USER_LIMITS,
  type StickyNote,
  type StoredDotVote,
  type WorkshopSession,
  type WorkshopsDatabase,
} from './schema';
import { requireSession } from './sessionOperations';
import { participantKey, type Dot } from './votes';

/** A room run's id: lowercase letters and digits, short enough to keep capture ids in 64. */
export const ROOM_RUN_PATTERN = /^[a-z0-9]{1,10}$/;

/** A new room run id, from the time the room opened (base 36 milliseconds, 8 characters). */
export function newRoomRun(now: number = Date.now()): string {
  return Math.max(0, Math.trunc(now)).toString(36).slice(-10);
}

/** What to capture: one question's results from one run of the room. */
export interface RoomResultsInput {
  /** The run the results come from (`newRoomRun()` when the room opened). */
  run: string;
  /** The workshop question the results answer (`roomQuestions.ts`). */
  question: WorkshopRoomQuestion;
  results: QuestionResults;
  /** When notes captured for the first time are stamped as taken; default: now. */
  at?: string;
}

/** The capture after writing results, and what did not fit (empty: everything did). */
export interface RoomCaptureOutcome<T> {
  value: T;
  notices: MessageRef[];
}

/** The capture id of a run's vote on a question, e.g. `rm0abc12x-b4-first-steps`. */
export function roomVoteId(run: string, roomQuestionId: string): CaptureId {
  return `r${run}-${roomQuestionId}` as CaptureId;
}

/** A short, stable hash (FNV-1a, base 36) for ids that would be too long written out. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The capture id of a room note: the vote id and the room's note id (hashed if too long). */
export function roomNoteId(run: string, roomQuestionId: string, noteId: string): CaptureId {
  const prefix = roomVoteId(run, roomQuestionId);
  const id = `${prefix}-${noteId}`;
  return (id.length <= 64 ? id : `${prefix}-h${shortHash(noteId)}`) as CaptureId;
}

/**
 * Participants' shown names made unique in one vote (the tally counts dots per name: two people
 * who both typed "Ana" must not share one allowance): a repeated name gets ` (2)`, ` (3)`, ...
 * A blank name becomes `#<n>`, the voter's place in the results.
 */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const max = USER_LIMITS.participant - 6;
  return names.map((raw, index) => {
    const base = raw.replace(/\s+/g, ' ').trim().slice(0, max).trim() || `#${index + 1}`;
    let name = base;
    for (let n = 2; taken.has(participantKey(name)); n++) name = `${base} (${n})`;
    taken.add(participantKey(name));
    return name;
  });
}

function voteFrom(input: RoomResultsInput, notices: MessageRef[]): StoredDotVote | null {
  const { question, results } = input;
  const room = question.question;
  if (results.votes.length === 0) return null;
  const id = roomVoteId(input.run, room.id);
  const optionIds = new Map(room.options.map((o) => [o.id, `${id}-${o.id}` as CaptureId]));
  const names = uniqueNames(results.votes.map((v) => v.participant));
  const dots: Dot[] = [];
  let leftOut = 0;
  results.votes.forEach((vote, index) => {
    for (const optionId of vote.optionIds) {
      const captured = optionIds.get(optionId);
      if (captured === undefined) continue;
      if (dots.length >= USER_LIMITS.dots) leftOut++;
      else dots.push({ participant: names[index] as string, optionId: captured });
    }
  });
  if (leftOut > 0)
    notices.push(
      messageRef('workshops:roomCapture.dotsLeftOut', {
        count: leftOut,
        maximum: USER_LIMITS.dots,
      }),
    );
  return {
    id,
    question: room.prompt,
    options: room.options.map((o) => ({ id: optionIds.get(o.id) as CaptureId, label: o.label })),
    dotsPerPerson: room.dots,
    maxDotsPerOption: null,
    dots,
  };
}

function withVote(
  session: WorkshopSession,
  input: RoomResultsInput,
  notices: MessageRef[],
): WorkshopSession {
  const vote = voteFrom(input, notices);
  if (!vote) return session;
  if (session.votes.some((v) => v.id === vote.id))
    return { ...session, votes: session.votes.map((v) => (v.id === vote.id ? vote : v)) };
  if (session.votes.length >= USER_LIMITS.votes) {
    notices.push(messageRef('workshops:roomCapture.votesFull', { maximum: USER_LIMITS.votes }));
    return session;
  }
  return { ...session, votes: [...session.votes, vote] };
}

function noteFrom(
  note: RoomNote,
  id: CaptureId,
  blockIndex: number,
  createdAt: string,
): StickyNote | null {
  const text = note.text.trim().slice(0, USER_LIMITS.noteText);
  if (text === '') return null;
  const author = note.author?.replace(/\s+/g, ' ').trim().slice(0, USER_LIMITS.participant);
  const upvotes = Number.isFinite(note.upvotes) ? Math.trunc(note.upvotes) : 0;
  return {
    id,
    text,
    blockIndex,
    createdAt,
    author: author ? author : null,
    upvotes: Math.min(Math.max(0, upvotes), USER_LIMITS.upvotes),
  };
}

function withNotes(
  session: WorkshopSession,
  input: RoomResultsInput,
  notices: MessageRef[],
): WorkshopSession {
  const { question, results, run } = input;
  const roomId = question.question.id;
  const at = input.at ?? new Date().toISOString();
  const idOf = (note: RoomNote) => roomNoteId(run, roomId, note.id);
  const hidden = new Set(results.notes.filter((n) => n.hidden).map(idOf));
  const visible = results.notes.filter((n) => !n.hidden);
  // Past the session's limit, a Q&A keeps its most upvoted questions (the sort is stable).
  if (question.question.kind === 'qa') visible.sort((a, b) => b.upvotes - a.upvotes);
  const fresh = new Map<CaptureId, RoomNote>(visible.map((n) => [idOf(n), n]));
  const notes: StickyNote[] = [];
  for (const note of session.notes) {
    if (hidden.has(note.id)) continue;
    const update = fresh.get(note.id);
    if (!update) {
      notes.push(note);
      continue;
    }
    fresh.delete(note.id);
    notes.push(noteFrom(update, note.id, question.blockIndex, note.createdAt) ?? note);
  }
  let leftOut = 0;
  for (const [id, note] of fresh) {
    const captured = noteFrom(note, id, question.blockIndex, at);
    if (!captured) continue;
    if (notes.length >= USER_LIMITS.notes) leftOut++;
    else notes.push(captured);
  }
  if (leftOut > 0)
    notices.push(
      messageRef('workshops:roomCapture.notesLeftOut', {
        count: leftOut,
        maximum: USER_LIMITS.notes,
      }),
    );
  return { ...session, notes };
}

/**
 * Writes one question's results into a session (see the module comment): a new session, and
 * notices for what did not fit. Throws when the results are not the question's.
 */
export function captureInSession(
  session: WorkshopSession,
  input: RoomResultsInput,
): RoomCaptureOutcome<WorkshopSession> {
  if (!ROOM_RUN_PATTERN.test(input.run)) throw new Error(`Not a room run id: ${input.run}`);
  if (input.results.questionId !== input.question.question.id)
    throw new Error('The results are not those of this question.');
  const notices: MessageRef[] = [];
  const kind = input.question.question.kind;
  const next =
    kind === 'poll' || kind === 'dot-vote'
      ? withVote(session, input, notices)
      : withNotes(session, input, notices);
  return { value: validated(sessionSchema, next, 'session'), notices };
}

/**
 * Writes one question's results into the recorded session `sessionId` (see the module comment).
 * Unchanged results give back the same database, so nothing is saved again.
 */
export function captureRoomResults(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  input: RoomResultsInput,
): RoomCaptureOutcome<WorkshopsDatabase> {
  const session = requireSession(db, sessionId);
  const { value, notices } = captureInSession(session, input);
  return {
    value: sameData(value, session)
      ? db
      : { ...db, sessions: db.sessions.map((s) => (s.id === sessionId ? value : s)) },
    notices,
  };
}
