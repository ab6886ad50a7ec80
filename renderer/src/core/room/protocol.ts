/**
 * The workshop room's protocol (issue 17): the one definition of what crosses between a
 * participant's browser and the room server, and between the presenter and the room server.
 *
 * The room server (`electron/room/`, Node) validates every participant request with these
 * schemas; the participant page (`renderer/src/room/`) and the presenter's room controls
 * (`renderer/src/ui/workshops/room/`) import only their types and limits. The presenter reaches
 * the room over IPC on the desktop and over the serve script's loopback control API in the
 * browser edition; both carry the same {@link PresenterCommand}s and {@link RoomEvent}s.
 *
 * Pure zod, no Node or DOM: it is imported by the server, the participant page, the preload's
 * IPC contract and the renderer alike.
 */
import { z } from 'zod';
import { cleanName } from './cleanText';

/** Limits the room server enforces. Each one is a rule in SECURITY.md with its test. */
export const ROOM_LIMITS = {
  /** Participants per room (the issue's default). */
  participants: 300,
  /**
   * Participants who may join from one remote address: a phone, a laptop, a few people behind
   * one shared address. Without it one device with the code could fill the room on its own.
   */
  participantsPerAddress: 5,
  /** Largest request body, in bytes; anything longer is refused before it is parsed. */
  bodyBytes: 4 * 1024,
  /** Characters of a name. */
  name: 40,
  /** Characters of a note or a question from the floor. */
  noteText: 280,
  /** Notes (and questions from the floor) one participant may post per room question. */
  notesPerParticipant: 10,
  /**
   * Notes (and questions from the floor) per room question, all participants together. Every
   * update carries them all, to every participant and the presenter, so this bounds its size.
   */
  notesPerQuestion: 500,
  /** Actions (votes, notes, upvotes) per participant per rolling 10 seconds. */
  actionsPer10s: 20,
  /** Wrong join codes per remote address per rolling minute before it is made to wait. */
  wrongCodesPerMinute: 10,
  /** Options of a dot vote or poll. */
  options: 12,
  /** Characters of an option label. */
  optionLabel: 120,
  /** Characters of a question's prompt. */
  prompt: 300,
  /** Dots one participant may place in a dot vote. */
  dotsPerPerson: 10,
  /** Open connections of the event stream per participant (a second tab, a reconnect). */
  streamsPerParticipant: 3,
} as const;

/**
 * The longest a `results` event ({@link RoomEvent}) can be as JSON at ROOM_LIMITS, in characters:
 * what a reader of the presenter's event stream must accept (host/servedRoom.ts), so that a full
 * room's results are never taken for a broken stream. Every character of participant text is
 * counted at six, JSON's longest escape (`\u0001`), though the room removes most such
 * characters; every id at the longest `roomId`; the keys, quotes, commas and numbers of each
 * item at 128 at most. At the defaults: about 1.4 million characters, mostly the notes.
 */
export const ROOM_RESULTS_EVENT_MAX_CHARS = (() => {
  const escaped = (chars: number) => chars * 6;
  const id = 64;
  const item = 128;
  const L = ROOM_LIMITS;
  const tallies = L.options * (item + id);
  const votes = L.participants * (item + escaped(L.name) + L.dotsPerPerson * (id + 3));
  const notes = L.notesPerQuestion * (item + id + escaped(L.noteText) + escaped(L.name));
  const envelope = 4096;
  return envelope + tallies + votes + notes;
})();

/** Digits of the join code (the issue asks for at least six). */
export const JOIN_CODE_DIGITS = 6;

/** How often, at most, the server sends results to the presenter and state to participants. */
export const ROOM_BATCH_MS = 100;

/** The kinds of room question: a dot vote over options, a single-choice poll, notes, Q&A. */
export const ROOM_QUESTION_KINDS = ['dot-vote', 'poll', 'notes', 'qa'] as const;
export type RoomQuestionKind = (typeof ROOM_QUESTION_KINDS)[number];

/** Ids the room hands out or takes from a workshop: short, URL- and log-safe. */
export const roomId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim() !== '');

/**
 * A question as the presenter makes it current. Options only for `dot-vote` and `poll`
 * (2 to {@link ROOM_LIMITS.options}); `dots` is the dots per person of a dot vote (1 for a poll,
 * 0 for notes and Q&A).
 */
export const roomQuestionSchema = z
  .strictObject({
    id: roomId,
    kind: z.enum(ROOM_QUESTION_KINDS),
    prompt: text(ROOM_LIMITS.prompt),
    options: z
      .array(z.strictObject({ id: roomId, label: text(ROOM_LIMITS.optionLabel) }))
      .max(ROOM_LIMITS.options),
    dots: z.number().int().min(0).max(ROOM_LIMITS.dotsPerPerson),
  })
  .refine((q) =>
    q.kind === 'dot-vote' || q.kind === 'poll'
      ? q.options.length >= 2 &&
        new Set(q.options.map((o) => o.id)).size === q.options.length &&
        (q.kind === 'poll' ? q.dots === 1 : q.dots >= 1)
      : q.options.length === 0 && q.dots === 0,
  );
export type RoomQuestion = z.output<typeof roomQuestionSchema>;

/* ---------------------------------------------------------------------------------------------
 * Participant API (room server, participant page). Every body is JSON of at most
 * ROOM_LIMITS.bodyBytes; every request after joining carries `Authorization: Bearer <token>`
 * (the event stream, which EventSource cannot give headers, takes it as `?token=`).
 *
 *   GET  /                 the participant page (standalone, not the app)
 *   POST /api/join         JoinRequest -> JoinAnswer            (403 wrong code, 429, 503 full)
 *                          (429 too-many-from-here: that address's share of participants)
 *   GET  /api/events       text/event-stream of `state` events (ParticipantState), batched;
 *                          a `closed` event, then the end of the stream, when the room closes
 *   GET  /api/state        ParticipantState now (the page checks its token with it)
 *   POST /api/vote         VoteRequest  -> 204                   (409 question closed or moved)
 *   POST /api/note         NoteRequest  -> 204
 *   POST /api/upvote       UpvoteRequest -> 204
 * ------------------------------------------------------------------------------------------- */

/**
 * Why the room refused a participant's request: every 4xx/5xx answer of `/api/*` is
 * `{ "error": <code> }` (a wrong Host gets 421 with no body), so the page can word it.
 */
export const ROOM_ERROR_CODES = [
  'wrong-code',
  'too-many-codes',
  'room-full',
  'too-many-from-here',
  'unauthorized',
  'too-many-actions',
  'too-many-streams',
  'bad-json',
  'bad-request',
  'too-large',
  'unsupported-type',
  'not-found',
  'method-not-allowed',
  'question-moved',
  'question-closed',
  'wrong-kind',
  'bad-vote',
  'note-limit',
  'question-full',
  'empty-text',
  'unknown-note',
] as const;
export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];

export interface RoomErrorAnswer {
  error: RoomErrorCode;
}

/** Six or more digits, as typed (spaces are removed by the page before sending). */
export const joinCodeSchema = z.string().regex(/^\d{6,12}$/);

export const joinRequestSchema = z.strictObject({
  code: joinCodeSchema,
  /** Empty: the participant stays anonymous. */
  name: z.string().max(ROOM_LIMITS.name),
});
export type JoinRequest = z.output<typeof joinRequestSchema>;

/** The token is random (at least 128 bits, base64url) and known only to that participant. */
export interface JoinAnswer {
  token: string;
  /** The name the room shows for this participant; null when they stayed anonymous. */
  name: string | null;
  /**
   * The participant's number in the room, 1 for the first to join. An anonymous participant's
   * page words it in its own language ("Anonymous 12", « Anonyme 12 »), so the room sends no
   * English name to a French page.
   */
  number: number;
}

/** One vote replaces the participant's earlier vote on the question (one vote per item). */
export const voteRequestSchema = z.strictObject({
  questionId: roomId,
  /** Poll: exactly one option. Dot vote: up to the question's dots, an option may repeat. */
  optionIds: z.array(roomId).min(1).max(ROOM_LIMITS.dotsPerPerson),
});
export type VoteRequest = z.output<typeof voteRequestSchema>;

export const noteRequestSchema = z.strictObject({
  questionId: roomId,
  text: text(ROOM_LIMITS.noteText),
});
export type NoteRequest = z.output<typeof noteRequestSchema>;

/** One upvote per participant per note; sending it again takes it back. */
export const upvoteRequestSchema = z.strictObject({ questionId: roomId, noteId: roomId });
export type UpvoteRequest = z.output<typeof upvoteRequestSchema>;

/** A note or a question from the floor, as the room shows it (text only, never HTML). */
export interface RoomNote {
  id: string;
  text: string;
  /** The author's shown name; null when they stayed anonymous. */
  author: string | null;
  upvotes: number;
}

/** What one participant sees: the current question, their own answers and the visible notes. */
export interface ParticipantState {
  /** Null: no question is open ("Wait for the trainer's next question"). */
  question: RoomQuestion | null;
  closed: boolean;
  /** The participant's own current vote (option ids; empty when none). */
  myVote: string[];
  /** Notes and Q&A: visible notes, most upvoted first for Q&A, oldest first for notes. */
  notes: RoomNote[];
  /** Ids of the notes this participant upvoted. */
  myUpvotes: string[];
  /** How many notes this participant may still post on this question. */
  notesLeft: number;
}

/* ---------------------------------------------------------------------------------------------
 * Presenter side. The presenter sends commands and receives events; on the desktop over IPC
 * (`room:*` channels to main, which forwards to the room's utilityProcess), in the browser
 * edition over the serve script's loopback control API, authenticated by the presenter secret.
 * ------------------------------------------------------------------------------------------- */

/** A network interface the room may listen on. `loopback` is "This computer only" (default). */
export interface RoomInterface {
  /** The address to bind, e.g. `127.0.0.1` or `192.168.1.23`. */
  address: string;
  /** The operating system's interface name, e.g. `wlan0`, `Wi-Fi`; `loopback` for 127.0.0.1. */
  name: string;
  loopback: boolean;
}

/** Where the number goes in the `open` command's name for an anonymous participant. */
export const ANONYMOUS_NUMBER = '{{number}}';

/** The name of anonymous participant `n` from a template holding {@link ANONYMOUS_NUMBER}. */
export function anonymousNameOf(template: string, n: number): string {
  return template.replace(ANONYMOUS_NUMBER, String(n));
}

export const presenterCommandSchema = z.discriminatedUnion('type', [
  /** Starts the room server on one of this machine's IPv4 addresses (a new join code each time). */
  z.strictObject({
    type: z.literal('open'),
    address: z.ipv4(),
    /**
     * How the presenter's language names a participant who gave no name, with `{{number}}` where
     * their number goes ("Anonymous {{number}}", « Anonyme {{number}} »): the catalogue's own
     * template, the one the participant's page words itself with. It is what the presenter's
     * results and the session's capture show, so the presenter words it, not the room. Absent:
     * the room's English default.
     */
    anonymousName: text(ROOM_LIMITS.name)
      .refine((value) => value.includes(ANONYMOUS_NUMBER))
      // Written as the room shows a name (no control or bidi characters, no line breaks, no
      // spaces around or doubled): the room would clean it anyway, so refuse what it would change.
      .refine((value) => value === cleanName(value))
      .optional(),
  }),
  /** Makes a question current (null: none); earlier answers to other questions are kept. */
  z.strictObject({ type: z.literal('question'), question: roomQuestionSchema.nullable() }),
  /** Closes the current question: no more answers; results stay on screen. */
  z.strictObject({ type: z.literal('close-question') }),
  /** Hides (or shows again) a note on every screen. */
  z.strictObject({ type: z.literal('hide-note'), noteId: roomId, hidden: z.boolean() }),
  /** Stops the server and disconnects everyone. */
  z.strictObject({ type: z.literal('close') }),
]);
export type PresenterCommand = z.output<typeof presenterCommandSchema>;

/** A presenter's view of one note: as participants see it, plus whether it is hidden. */
export interface PresenterNote extends RoomNote {
  hidden: boolean;
}

/** Results of one question, live. Names are what participants typed (null: anonymous). */
export interface QuestionResults {
  questionId: string;
  closed: boolean;
  /** Per option: votes (polls) or dots (dot votes). Empty for notes and Q&A. */
  tallies: Array<{ optionId: string; count: number }>;
  /** Participants who voted. */
  voters: number;
  /** Each vote as cast, for the capture (participant's shown name and option ids). */
  votes: Array<{ participant: string; optionIds: string[] }>;
  notes: PresenterNote[];
}

/** What the room tells the presenter. */
export type RoomEvent =
  | {
      type: 'opened';
      /** The join address participants type, e.g. `http://192.168.1.23:8123/`. */
      joinUrl: string;
      joinCode: string;
      address: string;
      port: number;
    }
  | {
      type: 'results';
      participants: number;
      /** The current question's results; null when none is current. */
      current: QuestionResults | null;
    }
  /** The room stopped: the presenter closed it, the server failed, or the app is quitting. */
  | { type: 'closed'; reason: 'closed' | 'failed' | 'quit'; message?: string };

/**
 * The room's answer to a presenter command, the same in both hosts (the room:command IPC
 * channel and the serve script's `POST /room-control/command`): taken, or why not (e.g. the
 * chosen address cannot be bound). The message is the server's own, for the details line.
 */
export type RoomCommandAnswer = { ok: true } | { ok: false; message: string };

const ROOM_EVENT_TYPES: ReadonlySet<unknown> = new Set(['opened', 'results', 'closed']);

/**
 * True for something shaped as a {@link RoomEvent} at its top level. Events come from our own
 * room process or serve script, so this is no full validation: it keeps anything else (an
 * Electron event object, a keep-alive, a stray message) from reaching the presenter's listeners.
 */
export function isRoomEvent(value: unknown): value is RoomEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ROOM_EVENT_TYPES.has((value as { type?: unknown }).type)
  );
}
