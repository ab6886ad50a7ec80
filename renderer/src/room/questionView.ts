/**
 * What every question view offers the room view: its element, and an update that changes what
 * the state changed (own vote, notes, upvotes) without rebuilding the form, so a choice being
 * made, a note being typed or a focused button survive other people's answers.
 */
import type { ParticipantState, RoomQuestion } from '../core/room/protocol';
import type { Status } from './status';

export interface QuestionView {
  element: HTMLElement;
  update(state: ParticipantState): void;
  /**
   * What the participant chose or typed and has not sent (option ids, or a note's text), for
   * the view drawn again in another language (`ViewContext.draft`).
   */
  draft(): string[];
}

/** What a view needs to send answers and say how they went. */
export interface ViewContext {
  question: RoomQuestion;
  closed: boolean;
  /** The id of the heading that holds the prompt (forms and groups are labelled by it). */
  headingId: string;
  status: Status;
  token: string;
  /** The unsent choice or text of the view this one replaces (its `draft()`), if any. */
  draft?: string[];
}
