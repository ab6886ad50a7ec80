// @vitest-environment jsdom
/**
 * The participant page's views, rendered in a DOM: participant text always arrives as text, the
 * dot vote stays within its dots, a Q&A list keeps its upvote state, the join form is filled in
 * from the QR code's `#code=`; the whole page in French, and its language switch. (The room
 * server and the stream are tested in tests/unit/room.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
    const status = createStatus(document.createElement('p'));
    renderJoinForm(container, status, { code: '123456', name: '' }, () => {});
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

/** The phone's preferred languages, as the page reads them. */
function phoneLanguages(languages: string[]): void {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
}

/**
 * The page's event stream. jsdom has no EventSource; the test sends the room's `state` events
 * itself (the real stream runs in tests/e2e/workshopRoom.test.ts).
 */
class TestEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static last: TestEventSource | null = null;
  readyState = 1;
  constructor(readonly url: string) {
    super();
    TestEventSource.last = this;
  }
  close(): void {
    this.readyState = 2;
  }
  send(state: ParticipantState): void {
    this.dispatchEvent(new MessageEvent('state', { data: JSON.stringify(state) }));
  }
}

/** Loads the page afresh (its module runs `start()` on import), as a phone opening it. */
async function openPage(): Promise<HTMLElement> {
  document.body.innerHTML = '<main id="main" class="room"></main>';
  vi.resetModules();
  await import('../../../renderer/src/room/main');
  return document.getElementById('main') as HTMLElement;
}

function languageButton(page: HTMLElement, name: string): HTMLButtonElement {
  const button = [...page.querySelectorAll<HTMLButtonElement>('button.language')].find(
    (b) => b.textContent === name,
  );
  if (button === undefined) throw new Error(`No language button ${name}`);
  return button;
}

describe('participant page in French', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    vi.stubGlobal('EventSource', TestEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    phoneLanguages(['en-US', 'en']);
  });

  it('speaks the phone’s language: French for fr-CA, with lang on the page and on each language name', async () => {
    phoneLanguages(['fr-CA', 'en-CA']);
    const page = await openPage();
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Salle d’atelier');
    expect(page.querySelector('h1')?.textContent).toBe('Salle d’atelier');
    expect(labelFor(page, 'Code de participation')).not.toBe('');
    expect(labelFor(page, 'Votre nom')).not.toBe('');
    expect(page.querySelector('button[type="submit"]')?.textContent).toBe('Rejoindre');
    const group = page.querySelector('.languages');
    expect(group?.getAttribute('role')).toBe('group');
    expect(group?.getAttribute('aria-label')).toBe('Langue');
    expect(languageButton(page, 'English').lang).toBe('en');
    expect(languageButton(page, 'Français').lang).toBe('fr');
    expect(languageButton(page, 'Français').getAttribute('aria-pressed')).toBe('true');
    expect(languageButton(page, 'English').getAttribute('aria-pressed')).toBe('false');
  });

  it('speaks English for a phone that prefers English, even with French second', async () => {
    phoneLanguages(['en-CA', 'fr-CA']);
    const page = await openPage();
    expect(document.documentElement.lang).toBe('en');
    expect(page.querySelector('button[type="submit"]')?.textContent).toBe('Join');
    expect(languageButton(page, 'English').getAttribute('aria-pressed')).toBe('true');
  });

  it('switches language keeping what was typed, and remembers the choice', async () => {
    phoneLanguages(['fr-CA']);
    let page = await openPage();
    const field = (label: string) =>
      page.querySelector<HTMLInputElement>('#' + labelFor(page, label));
    (field('Code de participation') as HTMLInputElement).value = '123 456';
    (field('Votre nom') as HTMLInputElement).value = 'Élise';
    languageButton(page, 'English').click();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Workshop room');
    expect(field('Join code')?.value).toBe('123 456');
    expect(field('Your name')?.value).toBe('Élise');
    expect(page.querySelector('.languages')?.getAttribute('aria-label')).toBe('Language');
    expect(languageButton(page, 'English').getAttribute('aria-pressed')).toBe('true');
    expect(languageButton(page, 'Français').getAttribute('aria-pressed')).toBe('false');

    // Opened again on the same phone: the choice holds over the phone's French.
    page = await openPage();
    expect(document.documentElement.lang).toBe('en');
    expect(labelFor(page, 'Join code')).not.toBe('');
  });

  it('words an anonymous participant’s number and keeps the joined screen and a typed note', async () => {
    phoneLanguages(['fr-CA']);
    sessionStorage.setItem(
      'onmuni-room-participant',
      JSON.stringify({ token: 't'.repeat(43), name: null, number: 12 }),
    );
    const page = await openPage();
    expect(page.querySelector('.joined')?.textContent).toBe(
      'Vous participez sous le nom Anonyme 12.',
    );
    const notes: RoomQuestion = {
      id: 'b1-notes',
      kind: 'notes',
      prompt: 'Idées?',
      options: [],
      dots: 0,
    };
    TestEventSource.last?.send(state({ question: notes, notesLeft: 3 }));
    const note = () => page.querySelector('textarea');
    expect(labelFor(page, 'Note')).toBe(note()?.id);
    (note() as HTMLTextAreaElement).value = 'Permis en ligne';
    expect(page.querySelector('button[type="submit"]')?.textContent).toBe('Envoyer');

    languageButton(page, 'English').click();
    expect(page.querySelector('.joined')?.textContent).toBe('You joined as Anonymous 12.');
    expect(page.querySelector('h2')?.textContent).toBe('Idées?');
    expect(note()?.value).toBe('Permis en ligne');
    expect(page.querySelector('button[type="submit"]')?.textContent).toBe('Send');
    expect(page.querySelector('.notes-view .hint')?.textContent).toBe('You can send 3 more.');
    // Still the same stream, not a new join.
    expect(TestEventSource.last?.readyState).toBe(1);
  });
});
