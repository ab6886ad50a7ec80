/**
 * The join form: "Join code" (filled in from the QR code's `#code=`), "Your name" (optional),
 * and "Join". Refusals (wrong code, too many tries, room full, room unreachable) are said in the
 * live region and the code field is marked invalid when the code was the problem.
 *
 * Switching the page's language draws the form again with what was typed (`values()`).
 */
import { roomApi } from './api';
import { el, uniqueId } from './dom';
import { t } from './i18n';
import { saveJoined, type Joined } from './session';
import type { Status } from './status';
import { failureMessage } from './words';

/** Name length the room accepts (ROOM_LIMITS.name; protocol.ts is not imported: it brings zod). */
const NAME_MAX = 40;

/** What the participant has typed in the form. */
export interface JoinValues {
  code: string;
  name: string;
}

export interface JoinForm {
  values(): JoinValues;
}

export function renderJoinForm(
  container: HTMLElement,
  status: Status,
  initial: JoinValues,
  onJoined: (joined: Joined) => void,
): JoinForm {
  const codeId = uniqueId('code');
  const codeHintId = uniqueId('code-hint');
  const nameId = uniqueId('name');
  const nameHintId = uniqueId('name-hint');
  const codeInput = el('input', {
    id: codeId,
    name: 'code',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: 16,
    required: true,
    'aria-describedby': codeHintId,
    value: initial.code,
  });
  const nameInput = el('input', {
    id: nameId,
    name: 'name',
    type: 'text',
    autocomplete: 'nickname',
    maxlength: NAME_MAX,
    'aria-describedby': nameHintId,
    value: initial.name,
  });
  const button = el('button', { type: 'submit', class: 'button' }, t('join.submit'));
  const form = el(
    'form',
    { class: 'join', novalidate: true },
    el('p', {}, t('join.intro')),
    el(
      'div',
      { class: 'field' },
      el('label', { for: codeId }, t('join.code')),
      el('p', { id: codeHintId, class: 'hint' }, t('join.codeHint')),
      codeInput,
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: nameId }, t('join.name')),
      el('p', { id: nameHintId, class: 'hint' }, t('join.nameHint')),
      nameInput,
    ),
    button,
  );
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const typed = codeInput.value.replace(/\s+/g, '');
    if (!/^\d{6,12}$/.test(typed)) {
      codeInput.setAttribute('aria-invalid', 'true');
      status.say(t('errors.wrongCode'), 'error');
      codeInput.focus();
      return;
    }
    busy = true;
    button.textContent = t('join.joining');
    status.clear();
    void roomApi.join({ code: typed, name: nameInput.value.slice(0, NAME_MAX) }).then((answer) => {
      busy = false;
      button.textContent = t('join.submit');
      if (answer.ok) {
        const { token, name, number } = answer.value;
        const joined = { token, name, number };
        saveJoined(joined);
        onJoined(joined);
        return;
      }
      if (answer.error === 'wrong-code') {
        codeInput.setAttribute('aria-invalid', 'true');
        codeInput.focus();
      }
      status.say(failureMessage(answer.error), 'error');
    });
  });
  codeInput.addEventListener('input', () => codeInput.removeAttribute('aria-invalid'));
  container.replaceChildren(form);
  return { values: () => ({ code: codeInput.value, name: nameInput.value }) };
}
