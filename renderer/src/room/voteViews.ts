/**
 * The poll (one option, radio buttons) and the dot vote (a counter per option within the
 * question's dots). "Vote" sends the whole choice; a new vote replaces the old one until the
 * presenter closes the question.
 */
import type { ParticipantState, RoomQuestion } from '../core/room/protocol';
import { roomApi } from './api';
import { el, uniqueId } from './dom';
import { formatCount, formatList, t } from './i18n';
import type { QuestionView, ViewContext } from './questionView';
import { failureMessage } from './words';

function labelOf(question: RoomQuestion, optionId: string): string {
  return question.options.find((option) => option.id === optionId)?.label ?? optionId;
}

/** Sends a vote and says how it went. */
function sendVote(context: ViewContext, optionIds: string[]): Promise<void> {
  return roomApi
    .vote(context.token, { questionId: context.question.id, optionIds })
    .then((answer) => {
      if (answer.ok) context.status.say(t('sent.vote'));
      else context.status.say(failureMessage(answer.error), 'error');
    });
}

function voteButton(closed: boolean, label: string, onClick: () => Promise<void>): HTMLElement {
  const button = el('button', { type: 'submit', class: 'button', hidden: closed }, label);
  let busy = false;
  button.addEventListener('click', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    void onClick().finally(() => (busy = false));
  });
  return button;
}

export function pollView(context: ViewContext, state: ParticipantState): QuestionView {
  const { question, closed } = context;
  const group = uniqueId('poll');
  const chosen = context.draft?.[0] ?? state.myVote[0];
  const radios = question.options.map((option) =>
    el('input', {
      type: 'radio',
      name: group,
      value: option.id,
      checked: chosen === option.id,
      disabled: closed,
    }),
  );
  const mine = el('p', { class: 'mine' });
  const fieldset = el(
    'fieldset',
    { class: 'options', 'aria-labelledby': context.headingId },
    ...question.options.map((option, index) =>
      el('label', { class: 'option' }, radios[index] ?? '', el('span', {}, option.label)),
    ),
  );
  const button = voteButton(closed, t('poll.vote'), () => {
    const chosen = radios.find((radio) => radio.checked)?.value;
    if (chosen === undefined) {
      context.status.say(t('poll.chooseFirst'), 'error');
      return Promise.resolve();
    }
    return sendVote(context, [chosen]);
  });
  const update = (next: ParticipantState): void => {
    const vote = next.myVote[0];
    mine.textContent =
      vote === undefined ? '' : t('poll.yourVote', { option: labelOf(question, vote) });
  };
  update(state);
  const draft = (): string[] => radios.filter((radio) => radio.checked).map((radio) => radio.value);
  return { element: el('form', { class: 'vote' }, fieldset, button, mine), update, draft };
}

export function dotVoteView(context: ViewContext, state: ParticipantState): QuestionView {
  const { question, closed } = context;
  const dots = question.dots;
  const counts = new Map(question.options.map((option) => [option.id, 0]));
  for (const id of context.draft ?? state.myVote) counts.set(id, (counts.get(id) ?? 0) + 1);
  const placed = () => [...counts.values()].reduce((sum, count) => sum + count, 0);
  const hintId = uniqueId('dots-hint');
  const left = el('p', { class: 'dots-left', 'aria-live': 'polite' });
  const rows: Array<() => void> = [];

  const fieldset = el(
    'fieldset',
    {
      class: 'options',
      'aria-labelledby': context.headingId,
      'aria-describedby': hintId,
    },
    el(
      'p',
      { id: hintId, class: 'hint' },
      t('dots.hint', { count: dots, shown: formatCount(dots) }),
    ),
    ...question.options.map((option) => {
      const labelId = uniqueId('dot-option');
      const count = el('span', { class: 'dot-count' });
      const remove = el(
        'button',
        {
          type: 'button',
          class: 'dot-button',
          'aria-label': t('dots.remove', { option: option.label }),
        },
        '−',
      );
      const add = el(
        'button',
        {
          type: 'button',
          class: 'dot-button',
          'aria-label': t('dots.add', { option: option.label }),
        },
        '+',
      );
      const render = (): void => {
        const value = counts.get(option.id) ?? 0;
        count.textContent = t('dots.count', { count: value, shown: formatCount(value) });
        // aria-disabled rather than disabled: a focused button must keep focus when it runs out.
        remove.setAttribute('aria-disabled', String(closed || value === 0));
        add.setAttribute('aria-disabled', String(closed || placed() >= dots));
      };
      const change = (delta: number): void => {
        const value = (counts.get(option.id) ?? 0) + delta;
        if (closed || value < 0 || (delta > 0 && placed() >= dots)) return;
        counts.set(option.id, value);
        for (const row of rows) row();
        showLeft();
      };
      remove.addEventListener('click', () => change(-1));
      add.addEventListener('click', () => change(1));
      rows.push(render);
      return el(
        'div',
        { class: 'dot-row', role: 'group', 'aria-labelledby': labelId },
        el('span', { id: labelId, class: 'dot-label' }, option.label),
        el('span', { class: 'dot-controls' }, remove, count, add),
      );
    }),
    left,
  );
  const showLeft = (): void => {
    const remaining = dots - placed();
    left.textContent = t('dots.left', { count: remaining, shown: formatCount(remaining) });
  };
  for (const row of rows) row();
  showLeft();

  const mine = el('p', { class: 'mine' });
  const placedIds = (): string[] =>
    question.options.flatMap((option) => Array<string>(counts.get(option.id) ?? 0).fill(option.id));
  const button = voteButton(closed, t('dots.vote'), () => {
    const optionIds = placedIds();
    if (optionIds.length === 0) {
      context.status.say(t('dots.placeFirst'), 'error');
      return Promise.resolve();
    }
    return sendVote(context, optionIds);
  });
  const update = (next: ParticipantState): void => {
    const mineCounts = new Map<string, number>();
    for (const id of next.myVote) mineCounts.set(id, (mineCounts.get(id) ?? 0) + 1);
    const parts = [...mineCounts].map(([id, count]) =>
      t('dots.optionDots', { option: labelOf(question, id), shown: formatCount(count) }),
    );
    mine.textContent = parts.length === 0 ? '' : t('dots.yourVote', { list: formatList(parts) });
  };
  update(state);
  return {
    element: el('form', { class: 'vote' }, fieldset, button, mine),
    update,
    draft: placedIds,
  };
}
