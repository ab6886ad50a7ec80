// @vitest-environment jsdom
/**
 * A block's questions for the room in the workshop editor (issue 17): add, edit and remove a
 * question with the keyboard-reachable form, its problems shown under each field from the
 * catalogue, Undo after Remove, and focus put back where the trainer left off. The editor runs on
 * a real workshops session over in-memory storage; what it saves is read back from the session.
 */
import { useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserWorkshopId } from '../../../renderer/src/core/workshops/ids';
import { addBlock, createWorkshop } from '../../../renderer/src/core/workshops/workshopOperations';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { BlockDetails } from '../../../renderer/src/ui/workshops/detail/BlockDetails';
import { QuestionsEditor } from '../../../renderer/src/ui/workshops/editor/QuestionsEditor';
import {
  workshopsSessionFor,
  type WorkshopsSession,
} from '../../../renderer/src/ui/workshops/workshopsSession';
import type { ViewBlock } from '../../../renderer/src/core/workshops/workshopModel';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import {
  accessibleDescription,
  accessibleName,
  chooseOption,
  click,
  getByRole,
  press,
  queryAllByRole,
  renderSettled,
  typeInto,
  unmountAll,
} from '../support/dom';

afterEach(unmountAll);

/** The editor of the first block of the session's one workshop, following the session. */
function Harness({
  session,
  workshopId,
}: {
  session: WorkshopsSession;
  workshopId: UserWorkshopId;
}) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const block = snapshot.db.workshops.find((w) => w.id === workshopId)?.blocks[0];
  return block ? (
    <QuestionsEditor idPrefix="b1" workshopId={workshopId} block={block} session={session} />
  ) : null;
}

async function renderEditor() {
  const session = await workshopsSessionFor(new MemoryStorage());
  let workshopId = '' as UserWorkshopId;
  session.apply((db) => {
    const created = createWorkshop(db, { title: 'Our council session' });
    workshopId = created.workshop.id;
    return addBlock(created.db, created.workshop.id, { title: "Council's role", minutes: 20 });
  }, 0);
  const { container } = await renderSettled(<Harness session={session} workshopId={workshopId} />);
  const questions = () => session.getSnapshot().db.workshops[0]?.blocks[0]?.questions ?? [];
  return { container, questions };
}

const field = <E extends HTMLElement>(root: ParentNode, role: string, name: string | RegExp) =>
  getByRole<E>(root, role, { name });

describe('questions for the room in the workshop editor', () => {
  it('adds a dot vote from the keyboard: the form opens on Kind, shows problems under their fields, then saves', async () => {
    const { container, questions } = await renderEditor();
    expect(container.textContent).toContain('No questions yet.');
    await click(field(container, 'button', 'Add a question'));
    const form = field<HTMLFieldSetElement>(container, 'group', "New question for Council's role");
    const kind = field<HTMLSelectElement>(form, 'combobox', 'Kind');
    expect(document.activeElement).toBe(kind);
    expect(accessibleDescription(kind)).toBe(
      'Participants write short notes; you can hide any of them.',
    );
    // Notes ask for no options and no dots.
    expect(queryAllByRole(form, 'textbox', { name: 'Options' })).toEqual([]);
    await chooseOption(kind, 'dot-vote');
    expect(accessibleDescription(kind)).toMatch(/place their dots on the options/);

    await click(field(form, 'button', 'Add question'));
    const prompt = field<HTMLInputElement>(form, 'textbox', 'Question');
    expect(document.activeElement).toBe(prompt);
    expect(prompt.getAttribute('aria-invalid')).toBe('true');
    expect(accessibleDescription(prompt)).toBe('Write the question participants will answer.');
    const options = field<HTMLTextAreaElement>(form, 'textbox', 'Options');
    expect(accessibleDescription(options)).toBe(
      'One option a line, 2 to 12. Give 2 to 12 options, one a line.',
    );
    expect(questions()).toEqual([]);

    await typeInto(prompt, 'Which three things should council do first?');
    await typeInto(options, 'Name a lead\nname a lead \n');
    // A number field (role spinbutton, which the test's role finder leaves out), by its label.
    const dots = [...form.querySelectorAll('input')].find(
      (input) => accessibleName(input) === 'Dots per person',
    );
    if (!dots) throw new Error('a field named Dots per person');
    await typeInto(dots, '11');
    await click(field(form, 'button', 'Add question'));
    expect(accessibleDescription(options)).toMatch(/Each option must be different\.$/);
    expect(accessibleDescription(dots)).toBe(
      'From 1 to 10. Enter a whole number of dots from 1 to 10.',
    );

    await typeInto(options, 'Name a lead\n\nSet aside a budget line\n');
    await typeInto(dots, '3');
    await click(field(form, 'button', 'Add question'));
    expect(questions()).toEqual([
      {
        id: 'q1',
        kind: 'dot-vote',
        prompt: 'Which three things should council do first?',
        options: ['Name a lead', 'Set aside a budget line'],
        dots: 3,
      },
    ]);
    // The form is gone; the question is listed and focus is on its Edit button.
    expect(queryAllByRole(container, 'group')).toEqual([]);
    const list = field(container, 'list', 'Questions for the room');
    expect(list.textContent).toContain(
      'Dot vote, 3 dots each: Which three things should council do first?',
    );
    expect(document.activeElement).toBe(
      field(container, 'button', 'Edit question “Which three things should council do first?”'),
    );
  });

  it('edits a question in place (Escape cancels), and removes it with Undo', async () => {
    const { container, questions } = await renderEditor();
    await click(field(container, 'button', 'Add a question'));
    const form = field(container, 'group', /^New question/);
    await typeInto(field(form, 'textbox', 'Question'), 'What should staff bring back?');
    await chooseOption(field(form, 'combobox', 'Kind'), 'qa');
    await click(field(form, 'button', 'Add question'));
    expect(questions()).toMatchObject([{ id: 'q1', kind: 'qa', options: [], dots: 0 }]);

    const edit = field(container, 'button', 'Edit question “What should staff bring back?”');
    await click(edit);
    const editForm = field(container, 'group', 'Edit question 1');
    const prompt = field<HTMLInputElement>(editForm, 'textbox', 'Question');
    expect(prompt.value).toBe('What should staff bring back?');
    await typeInto(prompt, 'Something else');
    await press('Escape', prompt);
    expect(queryAllByRole(container, 'group')).toEqual([]);
    expect(questions()[0]?.prompt).toBe('What should staff bring back?');
    expect(document.activeElement?.textContent).toBe('Edit');

    await click(field(container, 'button', 'Edit question “What should staff bring back?”'));
    const again = field(container, 'group', 'Edit question 1');
    await chooseOption(field(again, 'combobox', 'Kind'), 'poll');
    await typeInto(field(again, 'textbox', 'Question'), 'Which key issue do we feel most?');
    await typeInto(field(again, 'textbox', 'Options'), 'Capacity\nInternet access');
    await click(field(again, 'button', 'Save question'));
    expect(questions()).toEqual([
      {
        id: 'q1',
        kind: 'poll',
        prompt: 'Which key issue do we feel most?',
        options: ['Capacity', 'Internet access'],
        dots: 1,
      },
    ]);

    await click(field(container, 'button', 'Remove question “Which key issue do we feel most?”'));
    expect(questions()).toEqual([]);
    expect(queryAllByRole(container, 'status')[0]?.textContent).toContain(
      'Removed the question “Which key issue do we feel most?”.',
    );
    expect(document.activeElement).toBe(field(container, 'button', 'Add a question'));
    await click(field(container, 'button', 'Undo'));
    expect(questions().map((q) => q.id)).toEqual(['q1']);
    expect(document.activeElement).toBe(
      field(container, 'button', 'Edit question “Which key issue do we feel most?”'),
    );
  });

  it('the workshop page lists a block’s questions with their kind and options', async () => {
    const block: ViewBlock = {
      key: '4',
      title: "Council's role",
      minutes: 20,
      purpose: 'Council knows what only it can give.',
      facilitatorNotes: 'Run the dot vote: three dots each.',
      materials: [],
      activity: 'Dot vote.',
      documents: [],
      questions: [
        {
          id: 'first-steps',
          kind: 'dot-vote',
          prompt: 'Which three things should council do first?',
          options: ['Name a lead for digital work', 'Set aside a yearly budget line'],
          dots: 3,
        },
        { id: 'ask', kind: 'qa', prompt: 'What should staff bring back?', options: [], dots: 0 },
      ],
    };
    const host = { ...createBrowserHost(window), storage: new MemoryStorage() };
    const { container } = await renderSettled(
      <HostContext.Provider value={host}>
        <BlockDetails block={block} index={4} workshopId="workshop-x" documents={new Map()} />
      </HostContext.Provider>,
    );
    expect(field(container, 'heading', 'Questions for the room')).toBeTruthy();
    const items = [...container.querySelectorAll('.ws-questions__list > li')].map(
      (li) => li.textContent,
    );
    expect(items).toEqual([
      'Dot vote, 3 dots each: Which three things should council do first?Name a lead for digital workSet aside a yearly budget line',
      'Q&A: What should staff bring back?',
    ]);
  });
});
