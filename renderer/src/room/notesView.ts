/**
 * Notes and Q&A: a field labelled "Note" with a "Send" button, and the visible notes as a list.
 * In Q&A each question from the floor has an upvote toggle (aria-pressed); the room sends them
 * most upvoted first. The list is updated by note id, so a focused upvote button stays focused
 * while others vote.
 */
import type { ParticipantState, RoomNote } from '../core/room/protocol';
import { roomApi } from './api';
import { el, uniqueId } from './dom';
import { formatCount, t } from './i18n';
import type { QuestionView, ViewContext } from './questionView';
import { failureMessage } from './words';

/** Characters of a note the room accepts (ROOM_LIMITS.noteText). */
const NOTE_MAX = 280;

interface NoteItem {
  element: HTMLLIElement;
  update(note: RoomNote, upvoted: boolean): void;
}

function noteItem(context: ViewContext, note: RoomNote): NoteItem {
  const textId = uniqueId('note');
  const author = el('p', { class: 'note-author' });
  const element = el(
    'li',
    { class: 'note' },
    el('p', { id: textId, class: 'note-text' }, note.text),
    author,
  );
  let upvote: HTMLButtonElement | null = null;
  let upvotes: HTMLSpanElement | null = null;
  if (context.question.kind === 'qa') {
    upvotes = el('span', { class: 'upvotes' });
    upvote = el(
      'button',
      { type: 'button', class: 'upvote', 'aria-describedby': textId, hidden: context.closed },
      t('notes.upvote'),
    );
    const button = upvote;
    button.addEventListener('click', () => {
      void roomApi
        .upvote(context.token, { questionId: context.question.id, noteId: note.id })
        .then((answer) => {
          if (!answer.ok) context.status.say(failureMessage(answer.error), 'error');
        });
    });
    element.append(el('div', { class: 'note-actions' }, upvote, upvotes));
  }
  return {
    element,
    update(next, upvoted) {
      author.textContent = next.author ?? t('notes.anonymous');
      upvote?.setAttribute('aria-pressed', String(upvoted));
      if (upvotes !== null) {
        upvotes.textContent = t('notes.upvotes', {
          count: next.upvotes,
          shown: formatCount(next.upvotes),
        });
      }
    },
  };
}

export function notesView(context: ViewContext, state: ParticipantState): QuestionView {
  const { question, closed } = context;
  const isQa = question.kind === 'qa';
  const fieldId = uniqueId('note-field');
  const hintId = uniqueId('note-hint');
  const field = el('textarea', {
    id: fieldId,
    name: 'note',
    rows: 3,
    maxlength: NOTE_MAX,
    'aria-describedby': hintId,
  });
  field.value = context.draft?.[0] ?? '';
  const hint = el('p', { id: hintId, class: 'hint' });
  const button = el('button', { type: 'submit', class: 'button' }, t('notes.send'));
  const form = el(
    'form',
    { class: 'note-form', 'aria-labelledby': context.headingId, hidden: closed },
    el('div', { class: 'field' }, el('label', { for: fieldId }, t('notes.label')), hint, field),
    button,
  );
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = field.value.trim();
    if (busy) return;
    if (text === '') {
      context.status.say(t('errors.emptyNote'), 'error');
      field.focus();
      return;
    }
    busy = true;
    void roomApi.note(context.token, { questionId: question.id, text }).then((answer) => {
      busy = false;
      if (answer.ok) {
        field.value = '';
        context.status.say(t('sent.note'));
      } else {
        context.status.say(failureMessage(answer.error), 'error');
      }
    });
  });

  const listHeadingId = uniqueId('notes-heading');
  const list = el('ul', { class: 'notes', 'aria-labelledby': listHeadingId });
  const empty = el('p', { class: 'hint' }, t(isQa ? 'notes.noQuestions' : 'notes.noNotes'));
  const items = new Map<string, NoteItem>();

  const update = (next: ParticipantState): void => {
    const left = next.notesLeft;
    hint.textContent =
      left > 0 ? t('notes.left', { count: left, shown: formatCount(left) }) : t('notes.noneLeft');
    field.disabled = left === 0;
    button.hidden = left === 0;
    const upvoted = new Set(next.myUpvotes);
    const focused = document.activeElement;
    const wanted = next.notes.map((note) => {
      const item = items.get(note.id) ?? noteItem(context, note);
      items.set(note.id, item);
      item.update(note, upvoted.has(note.id));
      return item.element;
    });
    for (const [id, item] of items) {
      if (!next.notes.some((note) => note.id === id)) {
        item.element.remove();
        items.delete(id);
      }
    }
    // Moves only what is out of place, then gives focus back if a move took it away.
    wanted.forEach((element, index) => {
      if (list.children[index] !== element)
        list.insertBefore(element, list.children[index] ?? null);
    });
    if (
      focused instanceof HTMLElement &&
      focused !== document.activeElement &&
      focused.isConnected
    ) {
      focused.focus();
    }
    empty.hidden = next.notes.length > 0;
  };
  update(state);
  return {
    element: el(
      'div',
      { class: 'notes-view' },
      form,
      el('h3', { id: listHeadingId }, t(isQa ? 'notes.questionsHeading' : 'notes.notesHeading')),
      empty,
      list,
    ),
    update,
    draft: () => [field.value],
  };
}
