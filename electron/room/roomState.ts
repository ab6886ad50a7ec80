/**
 * The room's state, pure: who joined, the current question, every answer given, and what each
 * participant and the presenter are shown. No I/O and no clock, so every rule of the room (one
 * vote per participant per question, dots within the question's dots, notes per participant,
 * one upvote per participant per note, hidden notes, closed questions) is tested without a
 * server. The server (roomServer.ts) turns refusals into HTTP statuses.
 */
import type {
  NoteRequest,
  ParticipantState,
  PresenterNote,
  QuestionResults,
  ROOM_LIMITS,
  RoomNote,
  RoomQuestion,
  UpvoteRequest,
  VoteRequest,
} from '../../renderer/src/core/room/protocol';
import { cleanName, cleanNoteText } from '../../renderer/src/core/room/cleanText';

/** The limits one room runs with: the protocol's, or smaller ones in tests. */
export type RoomLimits = { -readonly [K in keyof typeof ROOM_LIMITS]: number };

/** Why the room refused an answer; roomServer.ts maps each to an HTTP status. */
export type RoomRefusal =
  /** The question is not (or no longer) the current one. */
  | 'question-moved'
  /** The presenter closed the question. */
  | 'question-closed'
  /** The answer does not fit the question's kind (a vote on notes, an upvote on a poll). */
  | 'wrong-kind'
  /** An option the question does not have, more than one option in a poll, too many dots. */
  | 'bad-vote'
  /** The participant posted all the notes they may on this question. */
  | 'note-limit'
  /** The question holds all the notes it may, from everyone together. */
  | 'question-full'
  /** Nothing left of the text once control characters are removed. */
  | 'empty-text'
  /** No visible note with that id on the question. */
  | 'unknown-note';

/** The part of a participant's state that is the same for everyone. */
export type SharedState = Pick<ParticipantState, 'question' | 'closed' | 'notes'>;
/** The part that is this participant's own. */
export type OwnState = Pick<ParticipantState, 'myVote' | 'myUpvotes' | 'notesLeft'>;

export type RoomOutcome = { ok: true } | { ok: false; refusal: RoomRefusal };

export interface RoomParticipant {
  /** Internal id, never sent to anyone (`p1`, `p2`, …). */
  id: string;
  /** 1 for the first to join. */
  number: number;
  /** What the room shows: the typed name, or the anonymous name. */
  shownName: string;
  anonymous: boolean;
}

interface NoteRecord {
  id: string;
  /** Its place among the question's notes, 0 for the first posted. */
  index: number;
  text: string;
  authorId: string;
  upvoters: Set<string>;
  hidden: boolean;
}

interface QuestionRecord {
  question: RoomQuestion;
  closed: boolean;
  /** Participant id → option ids; a new vote replaces the old one in place. */
  votes: Map<string, string[]>;
  /** In the order posted. */
  notes: NoteRecord[];
  /**
   * Per participant, the notes they posted and those they upvote, kept as they change: a batch
   * builds every listener's own state, and scanning every note for each of 300 listeners made
   * a batch cost listeners × notes.
   */
  postedBy: Map<string, number>;
  upvotedBy: Map<string, Set<NoteRecord>>;
}

const OK: RoomOutcome = { ok: true };
const refuse = (refusal: RoomRefusal): RoomOutcome => ({ ok: false, refusal });

export class RoomState {
  private readonly participants = new Map<string, RoomParticipant>();
  private readonly questions = new Map<string, QuestionRecord>();
  private current: QuestionRecord | null = null;
  private nextNote = 1;

  /**
   * @param onChange called after every change that participants or the presenter can see, so
   *   the server knows a batch is due.
   */
  constructor(
    private readonly limits: RoomLimits,
    private readonly anonymousName: (n: number) => string,
    private readonly onChange: () => void = () => undefined,
  ) {}

  get participantCount(): number {
    return this.participants.size;
  }

  get isFull(): boolean {
    return this.participants.size >= this.limits.participants;
  }

  /** Adds a participant, or returns null when the room is full. */
  join(name: string): RoomParticipant | null {
    if (this.isFull) return null;
    const number = this.participants.size + 1;
    const cleaned = cleanName(name, this.limits.name);
    const participant: RoomParticipant = {
      id: `p${number}`,
      number,
      // The presenter's template for anonymous names is cleaned like a typed name: it reaches
      // the same results and capture.
      shownName: cleaned === '' ? cleanName(this.anonymousName(number), this.limits.name) : cleaned,
      anonymous: cleaned === '',
    };
    this.participants.set(participant.id, participant);
    this.onChange();
    return participant;
  }

  participant(id: string): RoomParticipant | undefined {
    return this.participants.get(id);
  }

  /**
   * Makes a question current (null: none), open for answers. Answers given to it earlier are
   * kept, except votes for options it no longer has.
   */
  setQuestion(question: RoomQuestion | null): void {
    if (question === null) {
      this.current = null;
    } else {
      const known = this.questions.get(question.id);
      const record: QuestionRecord = known ?? {
        question,
        closed: false,
        votes: new Map(),
        notes: [],
        postedBy: new Map(),
        upvotedBy: new Map(),
      };
      record.question = question;
      record.closed = false;
      const optionIds = new Set(question.options.map((option) => option.id));
      for (const [participantId, vote] of record.votes) {
        if (!vote.every((id) => optionIds.has(id)) || vote.length > question.dots) {
          record.votes.delete(participantId);
        }
      }
      this.questions.set(question.id, record);
      this.current = record;
    }
    this.onChange();
  }

  /** Closes the current question: answers are refused from now on, results stay. */
  closeQuestion(): void {
    if (this.current === null || this.current.closed) return;
    this.current.closed = true;
    this.onChange();
  }

  /** Hides (or shows again) a note on every participant's screen; false when there is none. */
  hideNote(noteId: string, hidden: boolean): boolean {
    for (const record of this.questions.values()) {
      const note = record.notes.find((candidate) => candidate.id === noteId);
      if (note === undefined) continue;
      if (note.hidden !== hidden) {
        note.hidden = hidden;
        this.onChange();
      }
      return true;
    }
    return false;
  }

  /** One vote per participant per question: a second vote replaces the first. */
  vote(participantId: string, request: VoteRequest): RoomOutcome {
    const found = this.openQuestion(request.questionId);
    if (!found.ok) return found;
    const { question, votes } = found.record;
    if (question.kind !== 'poll' && question.kind !== 'dot-vote') return refuse('wrong-kind');
    const optionIds = new Set(question.options.map((option) => option.id));
    if (!request.optionIds.every((id) => optionIds.has(id))) return refuse('bad-vote');
    // A poll takes exactly one option; a dot vote up to its dots, an option may take several.
    if (question.kind === 'poll' && request.optionIds.length !== 1) return refuse('bad-vote');
    if (request.optionIds.length > question.dots) return refuse('bad-vote');
    votes.set(participantId, [...request.optionIds]);
    this.onChange();
    return OK;
  }

  /** A note (or a question from the floor) on the current notes or Q&A question. */
  note(participantId: string, request: NoteRequest): RoomOutcome {
    const found = this.openQuestion(request.questionId);
    if (!found.ok) return found;
    const { record } = found;
    if (record.question.kind !== 'notes' && record.question.kind !== 'qa') {
      return refuse('wrong-kind');
    }
    if (this.notesLeft(record, participantId) <= 0) return refuse('note-limit');
    if (record.notes.length >= this.limits.notesPerQuestion) return refuse('question-full');
    const text = cleanNoteText(request.text);
    if (text === '') return refuse('empty-text');
    record.notes.push({
      id: `n${this.nextNote}`,
      index: record.notes.length,
      text,
      authorId: participantId,
      upvoters: new Set(),
      hidden: false,
    });
    record.postedBy.set(participantId, (record.postedBy.get(participantId) ?? 0) + 1);
    this.nextNote += 1;
    this.onChange();
    return OK;
  }

  /** One upvote per participant per question from the floor; a second one takes it back. */
  upvote(participantId: string, request: UpvoteRequest): RoomOutcome {
    const found = this.openQuestion(request.questionId);
    if (!found.ok) return found;
    if (found.record.question.kind !== 'qa') return refuse('wrong-kind');
    const { record } = found;
    const note = record.notes.find(
      (candidate) => candidate.id === request.noteId && !candidate.hidden,
    );
    if (note === undefined) return refuse('unknown-note');
    const upvoted = record.upvotedBy.get(participantId) ?? new Set<NoteRecord>();
    if (note.upvoters.delete(participantId)) {
      upvoted.delete(note);
    } else {
      note.upvoters.add(participantId);
      upvoted.add(note);
    }
    if (upvoted.size === 0) record.upvotedBy.delete(participantId);
    else record.upvotedBy.set(participantId, upvoted);
    this.onChange();
    return OK;
  }

  /**
   * What every participant sees alike: the current question and its visible notes. The server
   * serialises it once per batch and adds each participant's {@link ownState} to it.
   */
  sharedState(): SharedState {
    const record = this.current;
    if (record === null) return { question: null, closed: false, notes: [] };
    return {
      question: record.question,
      closed: record.closed,
      notes: this.sortedNotes(record)
        .filter((note) => !note.hidden)
        .map((note) => this.roomNote(note)),
    };
  }

  /** What only this participant sees: their own vote, upvotes and notes left. */
  ownState(participantId: string): OwnState {
    const record = this.current;
    if (record === null) return { myVote: [], myUpvotes: [], notesLeft: 0 };
    return {
      myVote: record.votes.get(participantId) ?? [],
      // In the order posted, as the notes are: a participant's few upvotes, not every note.
      myUpvotes: [...(record.upvotedBy.get(participantId) ?? [])]
        .filter((note) => !note.hidden)
        .sort((a, b) => a.index - b.index)
        .map((note) => note.id),
      notesLeft: this.notesLeft(record, participantId),
    };
  }

  /** What one participant sees: nothing of other questions, no hidden notes, no voters. */
  participantState(participantId: string): ParticipantState {
    return { ...this.sharedState(), ...this.ownState(participantId) };
  }

  /** The presenter's results of the current question, hidden notes included and marked. */
  results(): { participants: number; current: QuestionResults | null } {
    const record = this.current;
    if (record === null) return { participants: this.participants.size, current: null };
    const counts = new Map(record.question.options.map((option) => [option.id, 0]));
    for (const vote of record.votes.values()) {
      for (const optionId of vote) counts.set(optionId, (counts.get(optionId) ?? 0) + 1);
    }
    const notes: PresenterNote[] = this.sortedNotes(record).map((note) => ({
      ...this.roomNote(note),
      hidden: note.hidden,
    }));
    return {
      participants: this.participants.size,
      current: {
        questionId: record.question.id,
        closed: record.closed,
        tallies: [...counts].map(([optionId, count]) => ({ optionId, count })),
        voters: record.votes.size,
        votes: [...record.votes].map(([participantId, optionIds]) => ({
          participant: this.participants.get(participantId)?.shownName ?? '',
          optionIds,
        })),
        notes,
      },
    };
  }

  private openQuestion(
    questionId: string,
  ): { ok: true; record: QuestionRecord } | { ok: false; refusal: RoomRefusal } {
    const record = this.current;
    if (record?.question.id !== questionId) return { ok: false, refusal: 'question-moved' };
    if (record.closed) return { ok: false, refusal: 'question-closed' };
    return { ok: true, record };
  }

  private notesLeft(record: QuestionRecord, participantId: string): number {
    if (record.question.kind !== 'notes' && record.question.kind !== 'qa') return 0;
    const posted = record.postedBy.get(participantId) ?? 0;
    return Math.max(0, this.limits.notesPerParticipant - posted);
  }

  /** Q&A: most upvoted first (oldest first among equals); notes: oldest first. */
  private sortedNotes(record: QuestionRecord): NoteRecord[] {
    if (record.question.kind !== 'qa') return record.notes;
    return [...record.notes].sort((a, b) => b.upvoters.size - a.upvoters.size || a.index - b.index);
  }

  private roomNote(note: NoteRecord): RoomNote {
    const author = this.participants.get(note.authorId);
    return {
      id: note.id,
      text: note.text,
      author: author === undefined || author.anonymous ? null : author.shownName,
      upvotes: note.upvoters.size,
    };
  }
}
