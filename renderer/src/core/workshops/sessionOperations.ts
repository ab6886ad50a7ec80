import { messageRef } from '../common/messageRef';
import type { MemberId } from '../team/hlc';
import { WorkshopError, validated } from './errors';
import { newCaptureId, newSessionId, type CaptureId, type SessionId } from './ids';
import {
  dotVoteSchema,
  sessionSchema,
  stickyNoteSchema,
  type StickyNote,
  type StoredDotVote,
  type WorkshopRef,
  type WorkshopSession,
  type WorkshopsDatabase,
} from './schema';
import { placeDot, removeDot, type DotRefusal } from './votes';

const now = () => new Date().toISOString();

/** The session with this id, or a WorkshopError. */
export function requireSession(db: WorkshopsDatabase, id: SessionId): WorkshopSession {
  const session = db.sessions.find((s) => s.id === id);
  if (!session) throw new WorkshopError(messageRef('workshops:errors.sessionGone'));
  return session;
}

function replaceSession(db: WorkshopsDatabase, next: WorkshopSession): WorkshopsDatabase {
  const checked = validated(sessionSchema, next, 'session');
  return { ...db, sessions: db.sessions.map((s) => (s.id === next.id ? checked : s)) };
}

/** Starts recording a session of a workshop (bundled or the user's own). */
export function startSession(
  db: WorkshopsDatabase,
  workshop: WorkshopRef,
  workshopTitle: string,
  id: SessionId = newSessionId(),
): { db: WorkshopsDatabase; session: WorkshopSession } {
  const session = validated(
    sessionSchema,
    {
      id,
      workshop,
      workshopTitle: workshopTitle.trim(),
      startedAt: now(),
      notes: [],
      votes: [],
      shared: false,
      sharedBy: null,
    },
    'session',
  );
  return { db: { ...db, sessions: [...db.sessions, session] }, session };
}

/**
 * "Share with team" on a recorded session: on, the session and its captures go to the team
 * folder, shared by `me`; off, they stop being shared (`sharedBy` stays, so the withdrawal
 * reaches the team). Unchanged: the same database.
 */
export function setSessionShared(
  db: WorkshopsDatabase,
  id: SessionId,
  shared: boolean,
  me: MemberId,
): WorkshopsDatabase {
  const session = db.sessions.find((s) => s.id === id);
  if (!session) return db;
  const sharedBy = shared ? me : session.sharedBy;
  if (session.shared === shared && session.sharedBy === sharedBy) return db;
  return replaceSession(db, { ...session, shared, sharedBy });
}

/** Deletes a recorded session. */
export function deleteSession(db: WorkshopsDatabase, id: SessionId): WorkshopsDatabase {
  requireSession(db, id);
  return { ...db, sessions: db.sessions.filter((s) => s.id !== id) };
}

/** Adds a sticky note, tied to the block running when it was taken (or null). */
export function addStickyNote(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  text: string,
  blockIndex: number | null,
): { db: WorkshopsDatabase; note: StickyNote } {
  const session = requireSession(db, sessionId);
  const note = validated(
    stickyNoteSchema,
    // The trainer's own note: no author, and nobody upvotes it (notes from the room do).
    {
      id: newCaptureId(),
      text: text.trim(),
      blockIndex,
      createdAt: now(),
      author: null,
      upvotes: null,
    },
    'note',
  );
  return { db: replaceSession(db, { ...session, notes: [...session.notes, note] }), note };
}

/** Changes a sticky note's text. */
export function editStickyNote(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  noteId: CaptureId,
  text: string,
): WorkshopsDatabase {
  const session = requireSession(db, sessionId);
  if (!session.notes.some((n) => n.id === noteId))
    throw new WorkshopError(messageRef('workshops:errors.noteGone'));
  const notes = session.notes.map((n) =>
    n.id === noteId ? validated(stickyNoteSchema, { ...n, text: text.trim() }, 'note') : n,
  );
  return replaceSession(db, { ...session, notes });
}

/** Removes a sticky note. */
export function removeStickyNote(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  noteId: CaptureId,
): WorkshopsDatabase {
  const session = requireSession(db, sessionId);
  return replaceSession(db, { ...session, notes: session.notes.filter((n) => n.id !== noteId) });
}

/** What a trainer fills in to open a dot vote. */
export interface DotVoteInput {
  question: string;
  /** Option labels in the order shown; blank and repeated labels are dropped. */
  options: readonly string[];
  dotsPerPerson: number;
  maxDotsPerOption?: number | null;
}

/** Opens a dot vote in a session. */
export function addDotVote(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  input: DotVoteInput,
): { db: WorkshopsDatabase; vote: StoredDotVote } {
  const session = requireSession(db, sessionId);
  const labels = [...new Set(input.options.map((o) => o.trim()).filter((o) => o !== ''))];
  const vote = validated(
    dotVoteSchema,
    {
      id: newCaptureId(),
      question: input.question.trim(),
      options: labels.map((label) => ({ id: newCaptureId(), label })),
      dotsPerPerson: input.dotsPerPerson,
      maxDotsPerOption: input.maxDotsPerOption ?? null,
      dots: [],
    },
    'vote',
  );
  return { db: replaceSession(db, { ...session, votes: [...session.votes, vote] }), vote };
}

function requireVote(session: WorkshopSession, voteId: CaptureId): StoredDotVote {
  const vote = session.votes.find((v) => v.id === voteId);
  if (!vote) throw new WorkshopError(messageRef('workshops:errors.voteGone'));
  return vote;
}

function withVote(db: WorkshopsDatabase, session: WorkshopSession, vote: StoredDotVote) {
  return replaceSession(db, {
    ...session,
    votes: session.votes.map((v) => (v.id === vote.id ? vote : v)),
  });
}

/** Records one dot; a refused dot leaves the database as it was and says why. */
export function castDot(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  voteId: CaptureId,
  participant: string,
  optionId: CaptureId,
): { db: WorkshopsDatabase; refused: DotRefusal | null } {
  const session = requireSession(db, sessionId);
  const result = placeDot(requireVote(session, voteId), participant, optionId);
  if (!result.ok) return { db, refused: result.reason };
  return { db: withVote(db, session, result.vote), refused: null };
}

/** Takes back a participant's latest dot on an option. */
export function uncastDot(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  voteId: CaptureId,
  participant: string,
  optionId: CaptureId,
): WorkshopsDatabase {
  const session = requireSession(db, sessionId);
  const vote = requireVote(session, voteId);
  const next = removeDot(vote, participant, optionId);
  return next === vote ? db : withVote(db, session, next);
}

/** Removes a whole vote from a session. */
export function removeDotVote(
  db: WorkshopsDatabase,
  sessionId: SessionId,
  voteId: CaptureId,
): WorkshopsDatabase {
  const session = requireSession(db, sessionId);
  return replaceSession(db, { ...session, votes: session.votes.filter((v) => v.id !== voteId) });
}
