/**
 * The participant page (issue 17): a standalone page the room server sends to phones and
 * laptops in the hall. Plain DOM, no React and not the app, so it loads fast on hall Wi-Fi.
 * Join with the code on the screen, then answer what the trainer asks. In English or French
 * (issue 18): the phone's language, or the one chosen with the switch at the top.
 */
import './room.css';
import { el } from './dom';
import { setLanguage, startingLanguage, t, type Language } from './i18n';
import { renderJoinForm, type JoinValues } from './joinForm';
import { languageSwitch } from './languageSwitch';
import { startRoomView } from './roomView';
import { codeFromAddress, loadJoined, type Joined } from './session';
import { createStatus } from './status';

function start(): void {
  const main = document.getElementById('main');
  if (main === null) throw new Error('The room page has no #main element.');
  setLanguage(startingLanguage());
  const heading = el('h1', {});
  const content = el('div', { class: 'content' });
  const region = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const status = createStatus(region);
  /** Words the current screen again after a change of language. */
  let relabel: () => void = () => undefined;
  const switcher = languageSwitch((language: Language) => {
    setLanguage(language, true);
    wordPage();
    // What the line said was in the other language; the screen below says where things stand.
    status.clear();
    relabel();
  });
  const wordPage = (): void => {
    document.title = t('title');
    heading.textContent = t('title');
    switcher.update();
  };
  wordPage();
  main.replaceChildren(switcher.element, heading, content, region);

  const fromAddress = (): JoinValues => ({
    code: codeFromAddress(window.location.hash),
    name: '',
  });
  const showJoin = (typed: JoinValues): void => {
    const form = renderJoinForm(content, status, typed, showRoom);
    relabel = () => showJoin(form.values());
  };
  const showRoom = (joined: Joined): void => {
    status.clear();
    const screen = startRoomView(content, status, joined, {
      onPlaceLost: () => {
        showJoin(fromAddress());
        status.say(t('join.again'), 'error');
      },
    });
    relabel = () => screen.relabel();
  };

  const joined = loadJoined();
  if (joined === null) showJoin(fromAddress());
  else showRoom(joined);
}

start();
