// @vitest-environment jsdom
/**
 * The participant page's views, rendered in a DOM: participant text always arrives as text, the
 * dot vote stays within its dots, a Q&A list keeps its upvote state, the join form is filled in
 * from the QR code's `#code=`. (The room server and the stream are tested in tests/unit/room.)
 */
import { describe, expect, it } from 'vitest';
import type { ParticipantState, RoomQuestion } from '../../../renderer/src/core/room/protocol';
import { renderJoinForm } from '../../../renderer/src/room/joinForm';
import { notesView } from '../../../renderer/src/room/notesView';
import type { ViewContext } from '../../../renderer/src/room/questionView';
import { codeFromAddress } from '../../../renderer/src/room/session';
import { createStatus } from '../../../renderer/src/room/status';
import { dotVoteView } from '../../../renderer/src/room/voteViews';

const qa: RoomQuestion = { id: 'b3-qa', kind: 'qa', prompt: 'Questions?', options: [], dots: 0 };
const dots: RoomQuestion = {
  id: 'b1-dots',
  kind: 'dot-vote',
  prompt: 'Where?',
  options: [
    { id: 'o1', label: 'Permits' },
    { id: 'o2', label: 'Taxes' },
  ],
  dots: 2,
};

function context(question: RoomQuestion, closed = false): ViewContext {
  return {
    question,
    closed,
    headingId: 'h',
    status: createStatus(document.createElement('p')),
    token: 't'.repeat(43),
  };
}

function state(overrides: Partial<ParticipantState>): ParticipantState {
  return {
    question: null,
    closed: false,
    myVote: [],
    notes: [],
    myUpvotes: [],
    notesLeft: 10,
    ...overrides,
  };
}

describe('participant page', () => {
  it('shows a hostile note and name as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    const view = notesView(
      context(qa),
      state({
        question: qa,
        notes: [{ id: 'n1', text: hostile, author: '<b>Ann</b>', upvotes: 2 }],
        myUpvotes: ['n1'],
      }),
    );
    document.body.replaceChildren(view.element);
    expect(view.element.querySelector('img, script, b')).toBeNull();
    expect(view.element.querySelector('.note-text')?.textContent).toBe(hostile);
    expect(view.element.querySelector('.note-author')?.textContent).toBe('<b>Ann</b>');
    const upvote = view.element.querySelector('button.upvote');
    expect(upvote?.getAttribute('aria-pressed')).toBe('true');
    expect(view.element.querySelector('.upvotes')?.textContent).toBe('2 upvotes');
  });

  it('updates the list by note id, keeping a focused upvote button focused', () => {
    const first = { id: 'n1', text: 'First', author: null, upvotes: 0 };
    const later = { id: 'n2', text: 'Second', author: null, upvotes: 0 };
    const notes = [first, later];
    const view = notesView(context(qa), state({ question: qa, notes }));
    document.body.replaceChildren(view.element);
    const second = view.element.querySelectorAll<HTMLButtonElement>('button.upvote')[1];
    second?.focus();
    view.update(state({ question: qa, notes: [{ ...later, upvotes: 3 }, first] }));
    expect([...view.element.querySelectorAll('.note-text')].map((p) => p.textContent)).toEqual([
      'Second',
      'First',
    ]);
    expect(document.activeElement).toBe(second);
    expect(view.element.querySelector('.note-author')?.textContent).toBe('Anonymous');
  });

  it('stops sending notes once none are left', () => {
    const view = notesView(context(qa), state({ question: qa, notesLeft: 0 }));
    expect(view.element.querySelector('textarea')?.disabled).toBe(true);
    expect(view.element.querySelector('.hint')?.textContent).toBe(
      'You have sent all you can for this question.',
    );
  });

  it('keeps a dot vote within its dots', () => {
    const view = dotVoteView(context(dots), state({ question: dots }));
    document.body.replaceChildren(view.element);
    const add = (label: string) =>
      view.element.querySelector<HTMLButtonElement>(`button[aria-label="Add a dot to ${label}"]`);
    add('Permits')?.click();
    add('Permits')?.click();
    add('Taxes')?.click();
    expect(add('Taxes')?.getAttribute('aria-disabled')).toBe('true');
    expect([...view.element.querySelectorAll('.dot-count')].map((c) => c.textContent)).toEqual([
      '2 dots',
      '0 dots',
    ]);
    expect(view.element.querySelector('.dots-left')?.textContent).toBe('0 dots left');
  });

  it('fills the join code in from the QR code, with the fields the contract names', () => {
    expect(codeFromAddress('#code=123456')).toBe('123456');
    expect(codeFromAddress('#code=12<b>')).toBe('');
    const container = document.createElement('div');
    document.body.replaceChildren(container);
    renderJoinForm(container, createStatus(document.createElement('p')), '123456', () => {});
    const code = container.querySelector<HTMLInputElement>('#' + labelFor(container, 'Join code'));
    expect(code?.value).toBe('123456');
    expect(labelFor(container, 'Your name')).not.toBe('');
    expect(container.querySelector('button[type="submit"]')?.textContent).toBe('Join');
  });
});

function labelFor(container: HTMLElement, text: string): string {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === text);
  return label?.getAttribute('for') ?? '';
}
