/**
 * The participant page (issue 17): a standalone page the room server sends to phones and
 * laptops in the hall. Plain DOM, no React and not the app, so it loads fast on hall Wi-Fi.
 * Join with the code on the screen, then answer what the trainer asks.
 */
import './room.css';
import { el } from './dom';
import { t } from './i18n';
import { renderJoinForm } from './joinForm';
import { startRoomView } from './roomView';
import { codeFromAddress, loadJoined, type Joined } from './session';
import { createStatus } from './status';

function start(): void {
  const main = document.getElementById('main');
  if (main === null) throw new Error('The room page has no #main element.');
  document.title = t('title');
  const content = el('div', { class: 'content' });
  const region = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  main.replaceChildren(el('h1', {}, t('title')), content, region);
  const status = createStatus(region);

  const showJoin = (): void =>
    renderJoinForm(content, status, codeFromAddress(window.location.hash), showRoom);
  const showRoom = (joined: Joined): void => {
    status.clear();
    startRoomView(content, status, joined, {
      onPlaceLost: () => {
        showJoin();
        status.say(t('join.again'), 'error');
      },
    });
  };

  const joined = loadJoined();
  if (joined === null) showJoin();
  else showRoom(joined);
}

start();
