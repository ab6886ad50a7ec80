// @vitest-environment jsdom
/**
 * The presenter's room controls under the presenter view, against a REAL room: the room module
 * (`electron/room`) runs in this process on loopback behind a small RoomHost adapter, and the
 * tests play participants with fetch, as phones would. The presenter view is the real one over
 * the real workshops session (in-memory storage), so what the room hands in is checked in the
 * session's capture.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomHost } from '../../../../renderer/src/core/room/roomHost';
import type { BlockQuestion } from '../../../../renderer/src/core/workshops/blockQuestions';
import { roomQuestionsByBlock } from '../../../../renderer/src/core/workshops/roomQuestions';
import type { UserWorkshopId } from '../../../../renderer/src/core/workshops/ids';
import type { WorkshopSession } from '../../../../renderer/src/core/workshops/schema';
import type {
  ViewBlock,
  WorkshopView,
} from '../../../../renderer/src/core/workshops/workshopModel';
import { createBrowserHost } from '../../../../renderer/src/host/browserHost';
import type { Host } from '../../../../renderer/src/host/Host';
import { HostContext } from '../../../../renderer/src/ui/common/HostContext';
import { PresenterView } from '../../../../renderer/src/ui/workshops/present/PresenterView';
import { useWorkshops } from '../../../../renderer/src/ui/workshops/useWorkshops';
import { MemoryStorage } from '../../../unit/store/MemoryStorage';
import {
  accessibleName,
  chooseOption,
  click,
  getByRole,
  queryAllByRole,
  renderSettled,
  unmountAll,
} from '../../support/dom';
import { loadRoomTestHost, type RoomTestHost } from './roomTestHost';

const { nodeRoomHost, joinRoom } = await loadRoomTestHost();

const block = (title: string, questions: BlockQuestion[]): ViewBlock => ({
  key: title,
  title,
  minutes: 20,
  purpose: '',
  facilitatorNotes: '',
  activity: '',
  documents: [],
  materials: [],
  questions,
});

const workshop: WorkshopView = {
  id: 'workshop-room-test',
  ref: { kind: 'user', id: 'workshop-room-test' as UserWorkshopId },
  title: 'Records day',
  summary: '',
  audience: '',
  targetMinutes: null,
  startTime: null,
  user: null,
  bundled: null,
  blocks: [
    block('Where we are', [
      {
        id: 'records',
        kind: 'poll',
        prompt: 'How are council records kept today?',
        options: ['Paper', 'Mixed', 'Digital'],
        dots: 1,
      },
      { id: 'worries', kind: 'notes', prompt: 'What worries you?', options: [], dots: 0 },
    ]),
    block('Priorities', [
      {
        id: 'first',
        kind: 'dot-vote',
        prompt: 'What comes first?',
        options: ['Scanning', 'Retention by-law'],
        dots: 3,
      },
    ]),
  ],
};

let sessions: () => WorkshopSession[] = () => [];

/** The presenter view over the real workshops session of the host's storage. */
function Presenter() {
  const state = useWorkshops();
  if (state.status !== 'ready') return null;
  sessions = () => state.session.getSnapshot().db.sessions;
  return (
    <PresenterView
      workshop={workshop}
      documents={new Map()}
      session={state.session}
      snapshot={state.snapshot}
      sessionId={null}
    />
  );
}

async function renderPresenter(room: RoomHost | undefined): Promise<HTMLElement> {
  const host: Host = { ...createBrowserHost(window), storage: new MemoryStorage(), room };
  const { container } = await renderSettled(
    <HostContext.Provider value={host}>
      <Presenter />
    </HostContext.Provider>,
  );
  await renderSettled(null);
  return container;
}

/** Lets the room's batched events arrive until `check` holds (it may throw until then). */
async function waitFor<T>(
  check: () => T,
  what: string,
  ms = 4000,
): Promise<Exclude<T, null | undefined | false>> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
    try {
      const value = check();
      if (value !== false && value !== null && value !== undefined)
        return value as Exclude<T, null | undefined | false>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(`waited for ${what}: ${last instanceof Error ? last.message : 'not yet'}`);
  }
}

/** A participant's request, inside `act`: the room's answer to it reaches the presenter. */
async function acted<T>(work: () => Promise<T>): Promise<T> {
  let out: { value: T } | undefined;
  await act(async () => {
    out = { value: await work() };
  });
  if (!out) throw new Error('no answer');
  return out.value;
}

const roomSection = (root: HTMLElement) => getByRole(root, 'region', { name: 'Room' });

/** The list item of the question with this prompt. */
function questionItem(root: HTMLElement, prompt: string): HTMLElement {
  const item = [...root.querySelectorAll('li')].find(
    (li) => li.querySelector('p')?.textContent === prompt,
  );
  if (!item) throw new Error(`no question “${prompt}”`);
  return item;
}

function joinDetails(root: HTMLElement) {
  const output = (label: string) => {
    const found = [...root.querySelectorAll('output')].find((o) => accessibleName(o) === label);
    if (!found) throw new Error(`no output labelled ${label}`);
    return found.textContent ?? '';
  };
  return {
    url: output('Join address'),
    code: output('Join code'),
    participants: output('Participants'),
  };
}

let room: RoomTestHost;
beforeEach(async () => {
  room = await nodeRoomHost();
});
afterEach(async () => {
  unmountAll();
  await room.dispose();
});

describe('the room controls under the presenter view', () => {
  it('keep the presenter view and offer this computer only by default, with help for halls', async () => {
    const root = await renderPresenter(room);
    getByRole(root, 'heading', { name: 'Facilitator notes' });
    const section = roomSection(root);
    const network = getByRole<HTMLSelectElement>(section, 'combobox', { name: 'Network' });
    await waitFor(() => network.options.length > 0, 'the interfaces');
    expect(network.value).toBe('127.0.0.1');
    expect(network.selectedOptions[0]?.textContent).toBe('This computer only');
    // Every other interface is offered by its name and address.
    for (const option of [...network.options].slice(1)) {
      expect(option.textContent).toMatch(/^.+ \(\d+\.\d+\.\d+\.\d+\)$/);
    }
    getByRole(section, 'button', { name: 'Open room' });
    const help = getByRole<HTMLAnchorElement>(section, 'link', { name: /Troubleshooting/ });
    expect(help.getAttribute('href')).toBe('#/doc/about-workshop-room-troubleshooting');
    // The current block's questions are listed before the room opens, without "Ask".
    getByRole(section, 'heading', { name: 'This block (block 1): Where we are' });
    expect(queryAllByRole(section, 'button', { name: 'Ask in the room' })).toHaveLength(0);
    // Each kind is named as the workshop editor and the workshop page name it.
    const kinds = [...section.querySelectorAll('.room-question__kind')].map((k) => k.textContent);
    expect(kinds).toEqual(['Poll', 'Notes', 'Dot vote, 3 dots each']);
  });

  it('open: the address as text, the code labelled "Join code", a QR code, who joined', async () => {
    const root = await renderPresenter(room);
    const section = roomSection(root);
    await waitFor(() => getByRole(section, 'combobox', { name: 'Network' }), 'the form');
    await click(getByRole(section, 'button', { name: 'Open room' }));
    const running = await waitFor(() => room.running(), 'the room');
    const details = await waitFor(() => joinDetails(section), 'the join details');
    expect(details.url).toBe(running.joinUrl);
    expect(details.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(details.code).toBe(running.joinCode);
    expect(details.code).toMatch(/^\d{6}$/);
    expect(section.textContent).toContain(running.joinUrl);
    expect(details.participants).toBe('0');
    // Focus moves from "Open room", which is gone, to what replaced it.
    expect(document.activeElement).toBe(
      getByRole(section, 'heading', { name: 'The room is open' }),
    );

    const qr = getByRole(section, 'img', { name: /QR code/ });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    // Drawn from the module matrix: a white square with a quiet zone, the dark modules one path.
    const size = Number(qr.getAttribute('viewBox')?.split(' ')[2]);
    expect(size).toBeGreaterThanOrEqual(21 + 8);
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);

    await acted(() => joinRoom(running.joinUrl, running.joinCode, 'Ana'));
    await acted(() => joinRoom(running.joinUrl, running.joinCode, ''));
    await waitFor(() => joinDetails(section).participants === '2', 'two participants');
  });

  it('a poll: asked, voted from phones, shown as bars with numbers, closed into the capture', async () => {
    const root = await renderPresenter(room);
    const section = roomSection(root);
    await waitFor(() => getByRole(section, 'combobox', { name: 'Network' }), 'the form');
    await click(getByRole(section, 'button', { name: 'Open room' }));
    const running = await waitFor(() => room.running(), 'the room');
    const ana = await acted(() => joinRoom(running.joinUrl, running.joinCode, 'Ana'));
    const ben = await acted(() => joinRoom(running.joinUrl, running.joinCode, 'Ben'));
    const anonymous = await acted(() => joinRoom(running.joinUrl, running.joinCode, ''));

    const poll = questionItem(section, 'How are council records kept today?');
    await waitFor(() => getByRole(poll, 'button', { name: 'Ask in the room' }), 'Ask');
    await click(getByRole(poll, 'button', { name: 'Ask in the room' }));
    expect(poll.textContent).toContain('Asked now');
    const questionId = 'b0-records';
    expect(
      (await acted(() => ana.post('api/vote', { questionId, optionIds: ['o3'] }))).status,
    ).toBe(204);
    expect(
      (await acted(() => ben.post('api/vote', { questionId, optionIds: ['o2'] }))).status,
    ).toBe(204);
    expect(
      (await acted(() => anonymous.post('api/vote', { questionId, optionIds: ['o3'] }))).status,
    ).toBe(204);
    await waitFor(() => poll.textContent?.includes('3 people voted'), 'three votes');
    const rows = [...poll.querySelectorAll('.room-bars__row')].map((row) => row.textContent);
    expect(rows).toEqual(['Paper0 votes', 'Mixed1 vote', 'Digital2 votes']);
    expect(sessions()).toHaveLength(0); // nothing is captured while the question is open

    await click(getByRole(poll, 'button', { name: 'Close question' }));
    await waitFor(() => poll.textContent?.includes('Closed'), 'the question closed');
    const [session] = await waitFor(() => sessions().length === 1 && sessions(), 'the capture');
    expect(session?.votes).toHaveLength(1);
    const vote = session?.votes[0];
    expect(vote?.question).toBe('How are council records kept today?');
    expect(vote?.options.map((o) => o.label)).toEqual(['Paper', 'Mixed', 'Digital']);
    const labelOf = new Map(vote?.options.map((o) => [o.id, o.label]));
    expect(vote?.dots.map((d) => [d.participant, labelOf.get(d.optionId)])).toEqual([
      ['Ana', 'Digital'],
      ['Ben', 'Mixed'],
      // The capture names an anonymous voter by their number in the room.
      ['Anonymous 3', 'Digital'],
    ]);
    // A closed question takes no more votes.
    expect(
      (await acted(() => ana.post('api/vote', { questionId, optionIds: ['o1'] }))).status,
    ).toBe(409);
  });

  it('notes: shown as text with their author, hidden on demand, captured when the room closes', async () => {
    const root = await renderPresenter(room);
    const section = roomSection(root);
    await waitFor(() => getByRole(section, 'combobox', { name: 'Network' }), 'the form');
    await click(getByRole(section, 'button', { name: 'Open room' }));
    const running = await waitFor(() => room.running(), 'the room');
    const ana = await acted(() => joinRoom(running.joinUrl, running.joinCode, 'Ana'));
    const someone = await acted(() => joinRoom(running.joinUrl, running.joinCode, ''));

    const notes = questionItem(section, 'What worries you?');
    await waitFor(() => getByRole(notes, 'button', { name: 'Ask in the room' }), 'Ask');
    await click(getByRole(notes, 'button', { name: 'Ask in the room' }));
    const questionId = 'b0-worries';
    const hostile = '<img src=x onerror="window.hacked=1">Budget';
    expect(
      (await acted(() => ana.post('api/note', { questionId, text: 'Staff time' }))).status,
    ).toBe(204);
    expect(
      (await acted(() => someone.post('api/note', { questionId, text: hostile }))).status,
    ).toBe(204);
    await waitFor(() => notes.textContent?.includes(hostile), 'the notes');
    expect(notes.querySelector('img')).toBeNull();
    const items = () => queryAllByRole(notes, 'listitem');
    expect(items().map((li) => li.querySelector('.room-notes__meta')?.textContent)).toEqual([
      'Ana · 0 upvotes Hide',
      'Anonymous · 0 upvotes Hide',
    ]);

    await click(getByRole(items()[1] as HTMLElement, 'button', { name: 'Hide' }));
    await waitFor(() => getByRole(items()[1] as HTMLElement, 'button', { name: 'Show' }), 'Show');
    expect(items()[1]?.textContent).toContain('Hidden from participants.');

    await click(getByRole(section, 'button', { name: 'Close room' }));
    const reopen = await waitFor(
      () => getByRole(section, 'button', { name: 'Open room' }),
      'the room closed',
    );
    expect(room.running()).toBeNull();
    // "Close room" went with the join panel: focus moves to what replaced it, not to the page.
    expect(document.activeElement).toBe(reopen);
    await expect(ana.post('api/note', { questionId, text: 'Too late' })).rejects.toThrow();
    // The notes stay on screen, without the controls of an open room.
    expect(notes.textContent).toContain('Staff time');
    expect(queryAllByRole(notes, 'button', { name: /Hide|Show/ })).toHaveLength(0);

    const [session] = sessions();
    expect(session?.notes.map((n) => [n.text, n.author, n.blockIndex])).toEqual([
      ['Staff time', 'Ana', 0],
    ]);
  });

  it('a question made current writes the one before into the capture', async () => {
    const root = await renderPresenter(room);
    const section = roomSection(root);
    await waitFor(() => getByRole(section, 'combobox', { name: 'Network' }), 'the form');
    await click(getByRole(section, 'button', { name: 'Open room' }));
    const running = await waitFor(() => room.running(), 'the room');
    const ana = await acted(() => joinRoom(running.joinUrl, running.joinCode, 'Ana'));

    const dots = questionItem(section, 'What comes first?');
    expect(dots.textContent).toContain('Dot vote, 3 dots each');
    await click(getByRole(dots, 'button', { name: 'Ask in the room' }));
    const questionId = 'b1-first';
    expect(
      (await acted(() => ana.post('api/vote', { questionId, optionIds: ['o1', 'o1', 'o2'] })))
        .status,
    ).toBe(204);
    await waitFor(() => dots.textContent?.includes('2 dots'), 'the dots');
    expect([...dots.querySelectorAll('.room-bars__count')].map((c) => c.textContent)).toEqual([
      '2 dots',
      '1 dot',
    ]);

    const poll = questionItem(section, 'How are council records kept today?');
    await click(getByRole(poll, 'button', { name: 'Ask in the room' }));
    await waitFor(() => poll.textContent?.includes('Asked now'), 'the poll asked');
    const [session] = sessions();
    expect(session?.votes.map((v) => [v.question, v.dots.length])).toEqual([
      ['What comes first?', 3],
    ]);
  });

  it('leaving the presenter view closes the room, its results in the capture', async () => {
    const root = await renderPresenter(room);
    const section = roomSection(root);
    await waitFor(() => getByRole(section, 'combobox', { name: 'Network' }), 'the form');
    await click(getByRole(section, 'button', { name: 'Open room' }));
    const running = await waitFor(() => room.running(), 'the room');
    const ana = await acted(() => joinRoom(running.joinUrl, running.joinCode, 'Ana'));
    const notes = questionItem(section, 'What worries you?');
    await waitFor(() => getByRole(notes, 'button', { name: 'Ask in the room' }), 'Ask');
    await click(getByRole(notes, 'button', { name: 'Ask in the room' }));
    await acted(() => ana.post('api/note', { questionId: 'b0-worries', text: 'Broadband' }));
    await waitFor(() => notes.textContent?.includes('Broadband'), 'the note');

    unmountAll();
    await waitFor(() => room.events.at(-1)?.type === 'closed', 'the room closed');
    expect(room.running()).toBeNull();
    expect(sessions()[0]?.notes.map((n) => n.text)).toEqual(['Broadband']);
  });

  it('a room opened before this view came (a reloaded page) shows its current question', async () => {
    const root = await renderPresenter(room);
    const section = roomSection(root);
    await waitFor(() => getByRole(section, 'combobox', { name: 'Network' }), 'the form');
    const help = getByRole(section, 'link', { name: /Troubleshooting/ });
    help.focus();
    // What another page of this presenter did: the host tells this one what it hears.
    const [first] = roomQuestionsByBlock(workshop.blocks)[0]?.questions ?? [];
    await acted(() => room.send({ type: 'open', address: '127.0.0.1' }));
    await acted(() => room.send({ type: 'question', question: first?.question ?? null }));
    const running = await waitFor(() => room.running(), 'the room');
    await waitFor(() => getByRole(section, 'heading', { name: 'The room is open' }), 'the panel');
    // Nothing here was replaced by the join panel: focus stays where the trainer has it.
    expect(document.activeElement).toBe(help);
    const ana = await acted(() => joinRoom(running.joinUrl, running.joinCode, 'Ana'));
    await acted(() => ana.post('api/vote', { questionId: 'b0-records', optionIds: ['o1'] }));

    const poll = questionItem(section, 'How are council records kept today?');
    await waitFor(() => poll.textContent?.includes('1 person voted'), 'the vote');
    expect(poll.textContent).toContain('Asked now');
    await click(getByRole(poll, 'button', { name: 'Close question' }));
    await waitFor(() => sessions()[0]?.votes.length === 1, 'the capture');
  });

  it('says why a room cannot run here instead of offering one', async () => {
    const root = await renderPresenter({
      ...room,
      available: { unavailableReason: 'notServed' },
    });
    const section = roomSection(root);
    expect(section.textContent).toContain('npm run serve -- --room');
    expect(queryAllByRole(section, 'button', { name: 'Open room' })).toHaveLength(0);
    getByRole(section, 'link', { name: /Troubleshooting/ });
  });

  it('shows why the room could not open', async () => {
    const root = await renderPresenter({
      ...room,
      interfaces: () => Promise.resolve([{ address: '192.0.2.1', name: 'gone', loopback: false }]),
    });
    const section = roomSection(root);
    const network = getByRole<HTMLSelectElement>(section, 'combobox', { name: 'Network' });
    await waitFor(() => network.options.length === 2, 'the interfaces');
    await chooseOption(network, '192.0.2.1');
    await click(getByRole(section, 'button', { name: 'Open room' }));
    const alert = await waitFor(() => getByRole(section, 'alert'), 'the refusal');
    expect(alert.textContent).toBe(
      'The room did not take that: 192.0.2.1 is not an IPv4 address of this computer.',
    );
    getByRole(section, 'button', { name: 'Open room' });
  });
});
