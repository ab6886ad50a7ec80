import type { QuestionResults, RoomEvent, RoomQuestion } from '../../../core/room/protocol';

/** Where the room stands, as the presenter's controls show it. */
export type RoomPhase = 'closed' | 'opening' | 'open' | 'closing';

/** Why the room last stopped on its own (a failure, the app quitting); null: it did not. */
export interface RoomStop {
  reason: 'failed' | 'quit';
  message: string | null;
}

export interface RoomState {
  phase: RoomPhase;
  /** While open: the address participants type and the code they enter. */
  joinUrl: string;
  joinCode: string;
  participants: number;
  /** The question the presenter made current (null: none). */
  current: RoomQuestion | null;
  /**
   * The latest results of every question asked since the room opened, by question id. The room
   * sends only the current question's; the others keep what they last showed.
   */
  results: Readonly<Record<string, QuestionResults>>;
  stop: RoomStop | null;
  /**
   * This view opened the room ("Open room" here): the join panel that replaces the button takes
   * focus. False for a room that was already open when the view came (a reloaded page).
   */
  openedHere: boolean;
}

export const CLOSED_ROOM: RoomState = {
  phase: 'closed',
  joinUrl: '',
  joinCode: '',
  participants: 0,
  current: null,
  results: {},
  stop: null,
  openedHere: false,
};

/** What the presenter did, as far as the room's state is concerned. */
export type PresenterAction =
  | { type: 'opening' }
  /** Closing, or back where it was when the room refused to open or to close. */
  | { type: 'phase'; phase: RoomPhase }
  | { type: 'asked'; question: RoomQuestion | null };

/**
 * The room's state after an event from the room or an action of the presenter. Pure, so the
 * state handling is tested with recorded events.
 */
export function nextRoomState(state: RoomState, input: RoomEvent | PresenterAction): RoomState {
  switch (input.type) {
    case 'opening':
      return { ...CLOSED_ROOM, phase: 'opening' };
    case 'phase':
      return { ...state, phase: input.phase };
    case 'asked':
      return { ...state, current: input.question };
    case 'opened':
      return {
        ...CLOSED_ROOM,
        phase: 'open',
        // Only this view's "Open room" puts the room in 'opening'.
        openedHere: state.phase === 'opening',
        joinUrl: input.joinUrl,
        joinCode: input.joinCode,
      };
    case 'results': {
      // Results after the room stopped (a batch in flight) change nothing.
      if (state.phase === 'closed') return state;
      const results = input.current
        ? { ...state.results, [input.current.questionId]: input.current }
        : state.results;
      return { ...state, participants: input.participants, results };
    }
    case 'closed':
      return {
        ...CLOSED_ROOM,
        // What was asked stays listed with its results until the room opens again.
        results: state.results,
        stop:
          input.reason === 'closed'
            ? null
            : { reason: input.reason, message: input.message ?? null },
      };
  }
}
