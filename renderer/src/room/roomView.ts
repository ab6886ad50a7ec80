/**
 * The room after joining: an EventSource on /api/events drives the screen (waiting for a
 * question, the current question, a closed question), and the end of the room ("The room is
 * closed"). When the stream fails for good, /api/state tells a lost place in the room (join
 * again) from a room that is gone (closed).
 */
import type { ParticipantState } from '../core/room/protocol';
import { roomApi } from './api';
import { el, uniqueId } from './dom';
import { t } from './i18n';
import { notesView } from './notesView';
import type { QuestionView, ViewContext } from './questionView';
import { forgetJoined, type Joined } from './session';
import type { Status } from './status';
import { dotVoteView, pollView } from './voteViews';

export interface RoomCallbacks {
  /** The room no longer knows this participant (it was closed and opened again). */
  onPlaceLost(): void;
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
): void {
  const intro = el(
    'p',
    { class: 'joined', tabindex: -1 },
    t('join.joinedAs', { name: joined.name }),
  );
  const area = el('div', { class: 'question-area' });
  container.replaceChildren(intro, area);
  intro.focus();

  let key: string | null = null;
  let view: QuestionView | null = null;
  let lost = false;

  const render = (state: ParticipantState): void => {
    const nextKey = viewKey(state);
    if (nextKey === key && view !== null) {
      view.update(state);
      return;
    }
    // A new or newly closed question: what the line said about the last one ("Your vote is in.
    // You can change it…") is no longer true, so it goes.
    if (key !== null) status.clear();
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

  const showClosed = (): void => {
    forgetJoined();
    const heading = el('h2', { tabindex: -1 }, t('roomClosed'));
    container.replaceChildren(
      el('section', { class: 'room-closed' }, heading, el('p', {}, t('roomClosedHint'))),
    );
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
}
