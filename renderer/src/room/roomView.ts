/**
 * The room after joining: an EventSource on /api/events drives the screen (waiting for a
 * question, the current question, a closed question), and the end of the room ("The room is
 * closed"). When the stream fails for good, /api/state tells a lost place in the room (join
 * again) from a room that is gone (closed).
 *
 * Switching the page's language draws the current screen again (`relabel`) from the last state,
 * with what the participant chose or typed and has not sent; the stream stays as it is.
 */
import type { ParticipantState } from '../core/room/protocol';
import { roomApi } from './api';
import { el, uniqueId } from './dom';
import { formatCount, t } from './i18n';
import { notesView } from './notesView';
import type { QuestionView, ViewContext } from './questionView';
import { forgetJoined, type Joined } from './session';
import type { Status } from './status';
import { dotVoteView, pollView } from './voteViews';

export interface RoomCallbacks {
  /** The room no longer knows this participant (it was closed and opened again). */
  onPlaceLost(): void;
}

export interface RoomScreen {
  /** Words the screen again in the page's current language. */
  relabel(): void;
}

/** "You joined as Ana." — or as "Anonymous 12", worded in the page's language. */
function joinedAs(joined: Joined): string {
  const name = joined.name ?? t('join.anonymousName', { number: formatCount(joined.number) });
  return t('join.joinedAs', { name });
}

/** What makes a question view outdated: another question, or the same one closed or changed. */
function viewKey(state: ParticipantState): string {
  return state.question === null ? '' : JSON.stringify([state.question, state.closed]);
}

function questionView(context: ViewContext, state: ParticipantState): QuestionView {
  switch (context.question.kind) {
    case 'poll':
      return pollView(context, state);
    case 'dot-vote':
      return dotVoteView(context, state);
    case 'notes':
    case 'qa':
      return notesView(context, state);
  }
}

export function startRoomView(
  container: HTMLElement,
  status: Status,
  joined: Joined,
  callbacks: RoomCallbacks,
): RoomScreen {
  const intro = el('p', { class: 'joined', tabindex: -1 }, joinedAs(joined));
  const area = el('div', { class: 'question-area' });
  container.replaceChildren(intro, area);
  intro.focus();

  let key: string | null = null;
  let view: QuestionView | null = null;
  let last: ParticipantState | null = null;
  let ended = false;
  let lost = false;

  /** Shows `state`; `draft` (another language's view of the same question) forces a redraw. */
  const render = (state: ParticipantState, draft?: string[]): void => {
    last = state;
    const nextKey = viewKey(state);
    if (nextKey === key && view !== null && draft === undefined) {
      view.update(state);
      return;
    }
    // A new or newly closed question: what the line said about the last one ("Your vote is in.
    // You can change it…") is no longer true, so it goes.
    if (key !== null && draft === undefined) status.clear();
    key = nextKey;
    if (state.question === null) {
      view = null;
      area.replaceChildren(el('p', { class: 'waiting' }, t('waiting')));
      return;
    }
    const headingId = uniqueId('prompt');
    const context: ViewContext = {
      question: state.question,
      closed: state.closed,
      headingId,
      status,
      token: joined.token,
      draft,
    };
    view = questionView(context, state);
    area.replaceChildren(
      el(
        'section',
        { class: 'question', 'aria-labelledby': headingId },
        el('h2', { id: headingId }, state.question.prompt),
        ...(state.closed ? [el('p', { class: 'closed-note' }, t('questionClosed'))] : []),
        view.element,
      ),
    );
  };

  const drawClosed = (): HTMLElement => {
    const heading = el('h2', { tabindex: -1 }, t('roomClosed'));
    container.replaceChildren(
      el('section', { class: 'room-closed' }, heading, el('p', {}, t('roomClosedHint'))),
    );
    return heading;
  };

  const showClosed = (): void => {
    forgetJoined();
    ended = true;
    const heading = drawClosed();
    // The heading takes focus, so screen readers say it; the live region would say it twice.
    status.clear();
    heading.focus();
  };

  const events = new EventSource(roomApi.eventsUrl(joined.token));
  events.addEventListener('state', (event) => {
    if (lost) {
      lost = false;
      status.say(t('reconnected'));
    }
    render(JSON.parse((event as MessageEvent<string>).data) as ParticipantState);
  });
  events.addEventListener('closed', () => {
    events.close();
    showClosed();
  });
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CONNECTING) {
      // The browser tries again by itself (the server asked for 2 s between tries).
      if (!lost) status.say(t('reconnecting'), 'error');
      lost = true;
      return;
    }
    // Refused for good: ask the room why.
    events.close();
    void roomApi.state(joined.token).then((answer) => {
      if (!answer.ok && answer.error === 'unauthorized') {
        forgetJoined();
        callbacks.onPlaceLost();
      } else {
        showClosed();
      }
    });
  });

  return {
    relabel() {
      if (ended) {
        drawClosed();
        return;
      }
      intro.textContent = joinedAs(joined);
      if (last === null) return;
      if (view === null) render(last, []);
      else render(last, view.draft());
    },
  };
}
