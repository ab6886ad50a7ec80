// @vitest-environment jsdom
/**
 * The task editor, on the plan screen over the real planner session: every field shows the task
 * and saves as it changes (typing once the field is left or the pause is over), a blank title or
 * an unreadable cost is shown on its field and announced as an alert while nothing is saved, the
 * "Depends on" list offers only tasks that cannot close a loop, and a deleted task can be undone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskId } from '../../../renderer/src/core/planner/ids';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import type { PlannerSession } from '../../../renderer/src/ui/planner/plannerSession';
import type { MemoryStorage } from '../../unit/store/MemoryStorage';
import {
  accessibleDescription,
  chooseOption,
  click,
  getByRole,
  leave,
  queryAllByRole,
  renderSettled,
  settle,
  typeInto,
  unmountAll,
} from '../support/dom';
import {
  FUTURE,
  PHASE,
  PlanScreen,
  TASK,
  closePlanner,
  openPlanner,
  storedTasks,
  taskIn,
} from './plannerFixture';

beforeEach(() => {
  window.location.hash = '#/planner/plan/plan-records/task/task-policy';
});
afterEach(() => {
  setLanguage('en');
  return closePlanner();
});

async function editTask(
  taskId: TaskId,
): Promise<{ session: PlannerSession; storage: MemoryStorage; editor: HTMLElement }> {
  const opened = await openPlanner();
  await renderSettled(<PlanScreen session={opened.session} view={{ task: taskId }} />);
  return { ...opened, editor: getByRole(document.body, 'region', { name: 'Edit task' }) };
}

const textbox = (editor: HTMLElement, name: string) =>
  getByRole<HTMLInputElement>(editor, 'textbox', { name });
const select = (editor: HTMLElement, name: string) =>
  getByRole<HTMLSelectElement>(editor, 'combobox', { name });
const saveStatus = () => document.querySelector('.planner-save')?.textContent;

describe('the fields', () => {
  it('show the task as it is', async () => {
    const { editor } = await editTask(TASK.lead);
    expect(textbox(editor, 'Title').value).toBe('Name a lead');
    expect(select(editor, 'Phase').selectedOptions[0]?.text).toBe('Prepare');
    expect(textbox(editor, 'Owner').value).toBe('Clerk');
    expect(textbox(editor, 'Due date').value).toBe(FUTURE);
    expect(select(editor, 'Status').selectedOptions[0]?.text).toBe('Not started');
    expect(textbox(editor, 'Estimated cost (CAD)').value).toBe('');
    expect(textbox(editor, 'Notes').value).toBe('');
    expect(getByRole(editor, 'link', { name: 'Back to the list' }).getAttribute('href')).toBe(
      '#/planner/plan/plan-records',
    );
  });

  it('save a typed title once the field is left', async () => {
    const { session, storage, editor } = await editTask(TASK.lead);
    const title = textbox(editor, 'Title');
    await typeInto(title, '  Name a records lead ');
    expect(taskIn(session, TASK.lead)?.title).toBe('Name a records lead');
    expect(saveStatus()).toBe('Saving…');
    expect(storage.writeLog).toEqual([]);
    await leave(title);
    await settle(session.whenSaved());
    expect(saveStatus()).toBe('All changes saved');
    expect((await storedTasks(storage)).find((t) => t.id === TASK.lead)?.title).toBe(
      'Name a records lead',
    );
  });

  it('save a choice at once: phase, due date, status', async () => {
    const { session, storage, editor } = await editTask(TASK.lead);
    await chooseOption(select(editor, 'Phase'), PHASE.build);
    await typeInto(textbox(editor, 'Due date'), '2027-03-31');
    await chooseOption(select(editor, 'Status'), 'blocked');
    const task = taskIn(session, TASK.lead);
    expect([task?.phaseId, task?.dueDate, task?.status]).toEqual([
      PHASE.build,
      '2027-03-31',
      'blocked',
    ]);
    await settle(session.whenSaved());
    expect((await storedTasks(storage)).find((t) => t.id === TASK.lead)?.status).toBe('blocked');
    await chooseOption(select(editor, 'Phase'), '');
    await typeInto(textbox(editor, 'Due date'), '');
    expect([taskIn(session, TASK.lead)?.phaseId, taskIn(session, TASK.lead)?.dueDate]).toEqual([
      null,
      null,
    ]);
  });
});

describe('validation', () => {
  it('a blank title is shown on the field, as an alert, and not saved', async () => {
    const { session, editor } = await editTask(TASK.lead);
    const title = textbox(editor, 'Title');
    await typeInto(title, '   ');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(accessibleDescription(title)).toBe('The task needs a title.');
    expect(getByRole(editor, 'alert').textContent).toBe('The task needs a title.');
    expect(taskIn(session, TASK.lead)?.title).toBe('Name a lead');

    await typeInto(title, 'Name a lead today');
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    expect(queryAllByRole(editor, 'alert')).toEqual([]);
    expect(taskIn(session, TASK.lead)?.title).toBe('Name a lead today');
  });

  it('a cost it cannot read is shown on the cost field; a readable one is saved in cents', async () => {
    const { session, editor } = await editTask(TASK.lead);
    const cost = textbox(editor, 'Estimated cost (CAD)');
    await typeInto(cost, '12 dollars');
    const message = 'Estimated cost: enter an amount such as 1500 or 1,500.00.';
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    expect(accessibleDescription(cost)).toBe(message);
    expect(getByRole(editor, 'alert').textContent).toBe(message);
    expect(taskIn(session, TASK.lead)?.estimatedCostCents).toBeNull();
    expect(textbox(editor, 'Title').hasAttribute('aria-invalid')).toBe(false);

    await typeInto(cost, '$1,500.5');
    expect(taskIn(session, TASK.lead)?.estimatedCostCents).toBe(150050);
    expect(queryAllByRole(editor, 'alert')).toEqual([]);
    await typeInto(cost, '');
    expect(taskIn(session, TASK.lead)?.estimatedCostCents).toBeNull();
  });
  it('in French, reads and shows a cost the French way and refuses one it would have to guess', async () => {
    setLanguage('fr');
    const opened = await openPlanner();
    await renderSettled(<PlanScreen session={opened.session} view={{ task: TASK.lead }} />);
    const editor = getByRole(document.body, 'region', { name: 'Modifier la tâche' });
    const cost = textbox(editor, 'Coût estimatif ($ CA)');
    await typeInto(cost, '1 234,50 $');
    expect(taskIn(opened.session, TASK.lead)?.estimatedCostCents).toBe(123_450);
    // 1.234 dollars, or 1234 written the English way: refused, and nothing saved.
    await typeInto(cost, '1,234');
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    expect(accessibleDescription(cost)).toBe(
      'Coût estimatif : entrez un montant comme 1500 ou 1 500,00.',
    );
    expect(taskIn(opened.session, TASK.lead)?.estimatedCostCents).toBe(123_450);
    unmountAll();
    await renderSettled(<PlanScreen session={opened.session} view={{ task: TASK.lead }} />);
    const shown = getByRole(document.body, 'region', { name: 'Modifier la tâche' });
    expect(textbox(shown, 'Coût estimatif ($ CA)').value).toBe('1234,50');
  });

  it('keeps an error on its field while other fields save, until that field is fixed', async () => {
    const { session, editor } = await editTask(TASK.lead);
    const title = textbox(editor, 'Title');
    await typeInto(title, '');
    await typeInto(textbox(editor, 'Owner'), 'Deputy clerk');
    await chooseOption(select(editor, 'Status'), 'in-progress');
    expect(taskIn(session, TASK.lead)?.owner).toBe('Deputy clerk');
    // The field is still blank and the stored title the old one: the message must still say so.
    expect(taskIn(session, TASK.lead)?.title).toBe('Name a lead');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(getByRole(editor, 'alert').textContent).toBe('The task needs a title.');

    await typeInto(title, 'Name a lead');
    const cost = textbox(editor, 'Estimated cost (CAD)');
    await typeInto(cost, 'about 900');
    await typeInto(textbox(editor, 'Notes'), 'Ask council first.');
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    await typeInto(cost, '900');
    expect(queryAllByRole(editor, 'alert')).toEqual([]);
  });
});

describe('"Depends on"', () => {
  const boxes = (editor: HTMLElement) =>
    queryAllByRole<HTMLInputElement>(
      getByRole(editor, 'group', { name: 'Depends on' }),
      'checkbox',
    );
  const named = (editor: HTMLElement) =>
    boxes(editor).map((box) => `${box.checked ? '[x]' : '[ ]'} ${box.labels?.[0]?.textContent}`);

  it('lists the plan’s other tasks, ticking the ones this task waits on', async () => {
    const { editor } = await editTask(TASK.policy);
    expect(named(editor)).toEqual([
      '[x] Name a lead',
      '[ ] List the records',
      '[ ] Train staff',
      '[ ] Buy a scanner',
    ]);
    expect(accessibleDescription(getByRole(editor, 'group', { name: 'Depends on' }))).toBe(
      'Tasks that must be done before this one.',
    );
  });

  it('leaves out, and says so, a task that already waits on this one', async () => {
    const { editor } = await editTask(TASK.lead);
    expect(named(editor)).toEqual(['[ ] List the records', '[ ] Train staff', '[ ] Buy a scanner']);
    expect(accessibleDescription(getByRole(editor, 'group', { name: 'Depends on' }))).toBe(
      'Tasks that must be done before this one. 1 task is not listed because it already waits on this one (a loop).',
    );
  });

  it('saves a tick and an untick', async () => {
    const { session, editor } = await editTask(TASK.policy);
    await click(getByRole(editor, 'checkbox', { name: 'Train staff' }));
    expect(taskIn(session, TASK.policy)?.dependencies).toEqual([TASK.lead, TASK.train]);
    await click(getByRole(editor, 'checkbox', { name: 'Name a lead' }));
    expect(taskIn(session, TASK.policy)?.dependencies).toEqual([TASK.train]);
    expect(named(editor)[2]).toBe('[x] Train staff');
  });

  it('narrows the list by title and says how many show', async () => {
    const { editor } = await editTask(TASK.policy);
    const filter = getByRole<HTMLInputElement>(editor, 'searchbox', { name: 'Filter tasks' });
    await typeInto(filter, 'TRAIN');
    expect(named(editor)).toEqual(['[ ] Train staff']);
    expect(accessibleDescription(filter)).toBe('Showing 1 of 4 tasks.');
    await typeInto(filter, 'budget');
    expect(named(editor)).toEqual([]);
    expect(accessibleDescription(filter)).toBe('No task matches this filter.');
  });
});

describe('deleting', () => {
  it('removes the task and its links, goes back to the list, and can be undone', async () => {
    const { session, editor } = await editTask(TASK.lead);
    await click(getByRole(editor, 'button', { name: 'Delete task' }));
    expect(taskIn(session, TASK.lead)).toBeUndefined();
    expect(taskIn(session, TASK.policy)?.dependencies).toEqual([]);
    expect(window.location.hash).toBe('#/planner/plan/plan-records');
    expect(getByRole(document.body, 'heading', { name: 'Task not found' })).toBeTruthy();

    const undoBar = document.querySelector('.planner-toast');
    expect(undoBar?.getAttribute('role')).toBe('status');
    expect(undoBar?.textContent).toContain('Deleted the task “Name a lead”.');
    await click(getByRole(document.body, 'button', { name: 'Undo' }));
    expect(undoBar?.textContent).toBe('Undone.');
    expect(taskIn(session, TASK.lead)?.title).toBe('Name a lead');
    expect(taskIn(session, TASK.policy)?.dependencies).toEqual([TASK.lead]);
  });
});

it('says so, with a way back, when the task does not exist', async () => {
  const { session } = await openPlanner();
  await renderSettled(<PlanScreen session={session} view={{ task: 'task-gone' }} />);
  const region = getByRole(document.body, 'region', { name: 'Task not found' });
  expect(getByRole(region, 'link', { name: 'Back to the list' })).toBeTruthy();
  expect(queryAllByRole(document.body, 'textbox')).toEqual([]);
});
