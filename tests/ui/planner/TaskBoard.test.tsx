// @vitest-environment jsdom
/**
 * The plan's board, on the plan screen over the real planner session: one region per status with
 * its cards, badges for overdue and waiting tasks, and moving cards the keyboard way (arrow keys
 * on a focused card, "Move to" buttons), each move announced, focus kept on the moved card, and
 * the new order saved; dragging with the mouse, which takes only the board's own cards. The phase
 * filter narrows every column.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannerSession } from '../../../renderer/src/ui/planner/plannerSession';
import {
  accessibleDescription,
  chooseOption,
  click,
  getByRole,
  press,
  queryAllByRole,
  renderSettled,
  settle,
} from '../support/dom';
import type { MemoryStorage } from '../../unit/store/MemoryStorage';
import { dragAndDrop } from '../support/dragAndDrop';
import { formatCalendarDate } from '../../../renderer/src/ui/planner/plannerLabels';
import {
  FUTURE,
  PlanScreen,
  TASK,
  closePlanner,
  openPlanner,
  storedTasks,
  taskIn,
} from './plannerFixture';

afterEach(closePlanner);

async function showBoard(): Promise<{ session: PlannerSession; storage: MemoryStorage }> {
  const opened = await openPlanner();
  await renderSettled(<PlanScreen session={opened.session} view="board" />);
  return opened;
}

const column = (status: RegExp) => getByRole(document.body, 'region', { name: status });

/** The titles of a column's cards, top to bottom. */
function titles(status: RegExp): string[] {
  return queryAllByRole(getByRole(column(status), 'list'), 'link').map((link) => link.textContent);
}

/** A card: the focusable list item around the task's link. */
function card(title: string): HTMLLIElement {
  const link = getByRole(document.body, 'link', { name: title });
  const item = link.closest('li');
  if (!item) throw new Error(`no card around ${title}`);
  return item;
}

/** What the plan screen's live region (the announcer) says now. */
function announced(): string {
  const announcer = document.querySelector('[role="status"][aria-live="polite"]');
  return announcer?.textContent?.trim() ?? '';
}

function focusCard(title: string): HTMLLIElement {
  const item = card(title);
  item.focus();
  return item;
}

describe('the columns', () => {
  it('are one region per status, named with their count, holding their cards in order', async () => {
    await showBoard();
    expect(
      queryAllByRole(document.body, 'region').map((region) =>
        region.querySelector('h2')?.textContent?.trim(),
      ),
    ).toEqual(['Not started (3)', 'In progress (1)', 'Blocked (0)', 'Done (1)']);
    expect(titles(/^Not started/)).toEqual(['Name a lead', 'Draft the policy', 'List the records']);
    expect(titles(/^In progress/)).toEqual(['Train staff']);
    expect(titles(/^Blocked/)).toEqual([]);
    expect(titles(/^Done/)).toEqual(['Buy a scanner']);
  });

  it('link each card to its task editor and tell keyboard users how to move it', async () => {
    await showBoard();
    const lead = card('Name a lead');
    expect(lead.tabIndex).toBe(0);
    expect(getByRole(lead, 'link').getAttribute('href')).toBe(
      '#/planner/plan/plan-records/task/task-lead',
    );
    expect(accessibleDescription(lead)).toMatch(/press the Left or Right arrow key/);
  });

  it('show the owner and due date, "Overdue" only for unfinished late tasks, and waiting', async () => {
    await showBoard();
    const meta = card('Name a lead').querySelectorAll('.board-card__meta > span');
    expect([...meta].map((part) => part.textContent)).toEqual([
      'Clerk',
      `Due ${formatCalendarDate(FUTURE)}`,
    ]);
    expect(card('List the records').textContent).toContain('Overdue');
    expect(card('Buy a scanner').textContent).not.toContain('Overdue');
    expect(card('Draft the policy').textContent).toContain('Waiting on 1 task');
    expect(card('Name a lead').textContent).not.toContain('Waiting');
  });

  it('offer "Move to" buttons for the neighbouring statuses only', async () => {
    await showBoard();
    const names = (title: string) =>
      queryAllByRole(card(title), 'button').map((button) =>
        button.textContent?.replace(/[←→]/g, '').trim(),
      );
    expect(names('Name a lead')).toEqual(['Move to In progress']);
    expect(names('Train staff')).toEqual(['Move to Not started', 'Move to Blocked']);
    expect(names('Buy a scanner')).toEqual(['Move to Blocked']);
  });
});

describe('moving a card with the keyboard', () => {
  it('Right moves it to the next column, at the bottom; it is announced, keeps focus, and is saved', async () => {
    const { session, storage } = await showBoard();
    await press('ArrowRight', focusCard('Name a lead'));

    expect(titles(/^Not started/)).toEqual(['Draft the policy', 'List the records']);
    expect(titles(/^In progress/)).toEqual(['Train staff', 'Name a lead']);
    expect(announced()).toBe('Moved “Name a lead” to In progress, position 2 of 2.');
    expect(document.activeElement).toBe(card('Name a lead'));
    expect(taskIn(session, TASK.lead)?.status).toBe('in-progress');
    await settle(session.whenSaved());
    expect((await storedTasks(storage)).find((t) => t.id === TASK.lead)?.status).toBe(
      'in-progress',
    );
    expect(document.querySelector('.planner-save')?.textContent).toBe('All changes saved');
  });

  it('keeps moving the same card with each key, Left going back', async () => {
    await showBoard();
    await press('ArrowRight', focusCard('Name a lead'));
    await press('ArrowRight');
    expect(titles(/^Blocked/)).toEqual(['Name a lead']);
    expect(announced()).toBe('Moved “Name a lead” to Blocked, position 1 of 1.');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(titles(/^Not started/)).toEqual(['Draft the policy', 'List the records', 'Name a lead']);
    expect(document.activeElement).toBe(card('Name a lead'));
  });

  it('Up and Down reorder it within its column', async () => {
    const { session, storage } = await showBoard();
    await press('ArrowUp', focusCard('List the records'));
    expect(titles(/^Not started/)).toEqual(['Name a lead', 'List the records', 'Draft the policy']);
    expect(announced()).toBe('Moved “List the records” to Not started, position 2 of 3.');
    await press('ArrowUp');
    expect(titles(/^Not started/)).toEqual(['List the records', 'Name a lead', 'Draft the policy']);
    await press('ArrowDown');
    await press('ArrowDown');
    expect(titles(/^Not started/)).toEqual(['Name a lead', 'Draft the policy', 'List the records']);
    expect(document.activeElement).toBe(card('List the records'));
    await settle(session.whenSaved());
    expect((await storedTasks(storage)).map((t) => t.title)).toEqual(
      session
        .getSnapshot()
        .db.tasks.filter((t) => t.planId === 'plan-records')
        .map((t) => t.title),
    );
  });

  it('does nothing at an edge, or when the key is pressed on the link inside the card', async () => {
    const { session } = await showBoard();
    const before = session.getSnapshot().db;
    await press('ArrowLeft', focusCard('Name a lead'));
    await press('ArrowUp');
    await press('ArrowRight', focusCard('Buy a scanner'));
    await press('ArrowDown', focusCard('Buy a scanner'));
    await press('ArrowRight', getByRole(card('Train staff'), 'link'));
    expect(session.getSnapshot().db).toBe(before);
    expect(announced()).toBe('');
  });
});

describe('moving a card with its buttons', () => {
  it('moves it, and a task waiting on it no longer waits once it is done', async () => {
    await showBoard();
    await click(getByRole(card('Name a lead'), 'button', { name: 'Move to In progress' }));
    expect(announced()).toBe('Moved “Name a lead” to In progress, position 2 of 2.');
    expect(document.activeElement).toBe(card('Name a lead'));
    await click(getByRole(card('Name a lead'), 'button', { name: 'Move to Blocked' }));
    await click(getByRole(card('Name a lead'), 'button', { name: 'Move to Done' }));
    expect(titles(/^Done/)).toEqual(['Buy a scanner', 'Name a lead']);
    expect(card('Draft the policy').textContent).not.toContain('Waiting');
  });
});

describe('moving a card with the mouse', () => {
  it('drops it on a card of another column, just before that card', async () => {
    const { session } = await showBoard();
    const dropped = await dragAndDrop(card('Name a lead'), card('Buy a scanner'));
    expect(dropped).toBe(true);
    expect(titles(/^Done/)).toEqual(['Name a lead', 'Buy a scanner']);
    expect(taskIn(session, TASK.lead)?.status).toBe('done');
    expect(announced()).toBe('Moved “Name a lead” to Done, position 1 of 2.');
    expect(column(/^Done/).className).toBe('board__column');
  });

  it('drops it at the bottom of a column when dropped on the column itself', async () => {
    await showBoard();
    await dragAndDrop(card('Train staff'), getByRole(column(/^Blocked/), 'heading'));
    expect(titles(/^Blocked/)).toEqual(['Train staff']);
    expect(titles(/^In progress/)).toEqual([]);
  });

  it('takes only its own cards: text dragged from elsewhere is not accepted', async () => {
    const { session } = await showBoard();
    const before = session.getSnapshot().db;
    const dropped = await dragAndDrop(null, column(/^Done/), { 'text/plain': 'task-lead' });
    expect(dropped).toBe(false);
    expect(session.getSnapshot().db).toBe(before);
  });
});

describe('the phase filter', () => {
  it('shows one phase, or the tasks in none, in every column with its own count', async () => {
    await showBoard();
    const filter = getByRole<HTMLSelectElement>(document.body, 'combobox', { name: 'Show phase' });
    expect([...filter.options].map((option) => option.text)).toEqual([
      'All phases',
      'Prepare',
      'Build',
      'No phase',
    ]);
    await chooseOption(filter, 'phase-build');
    expect(titles(/^Not started/)).toEqual(['Draft the policy']);
    expect(titles(/^In progress/)).toEqual(['Train staff']);
    expect(column(/^Done/).querySelector('h2')?.textContent).toBe('Done (0)');
    await chooseOption(filter, 'none');
    expect(titles(/^Done/)).toEqual(['Buy a scanner']);
    expect(titles(/^Not started/)).toEqual([]);
  });

  it('still moves a filtered card among the whole column', async () => {
    const { session } = await showBoard();
    await chooseOption(
      getByRole<HTMLSelectElement>(document.body, 'combobox', { name: 'Show phase' }),
      'phase-prepare',
    );
    await press('ArrowDown', focusCard('Name a lead'));
    expect(titles(/^Not started/)).toEqual(['List the records', 'Name a lead']);
    // The hidden "Draft the policy" keeps its place between them in the whole column.
    const order = session
      .getSnapshot()
      .db.tasks.filter((t) => t.status === 'not-started')
      .map((t) => t.title);
    expect(order).toEqual(['Draft the policy', 'List the records', 'Name a lead']);
    expect(announced()).toBe('Moved “Name a lead” to Not started, position 3 of 3.');
  });
});
