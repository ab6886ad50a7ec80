// @vitest-environment jsdom
/**
 * The "Depends on" picker, rendered by React in jsdom: the right tasks offered, labelled
 * checkboxes, the filter, and a 20,000-task plan drawn in part (a bounded number of rows) with
 * the focused row's neighbours always drawn, so Tab order survives windowing. jsdom has no
 * layout engine, so for the long lists the test supplies the sizes a browser would give: the
 * list's box 288 px tall (its 18rem) and each row 30 px. Everything else is the real code.
 */
import { act, createElement, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PlanId, TaskId } from '../../../renderer/src/core/planner/ids';
import { createPlan } from '../../../renderer/src/core/planner/operations/plans';
import { addTask, updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import {
  emptyPlannerDatabase,
  type PlannerDatabase,
  type Task,
} from '../../../renderer/src/core/planner/schema';

/**
 * The component, loaded at run time: tests/unit is type-checked by tsconfig.node.json, which has
 * no JSX, so a static import of the .tsx would not type-check there (component tests belong in
 * tests/ui/*.test.tsx once that folder exists). Its props are restated here.
 */
const PICKER_MODULE = '../../../renderer/src/ui/planner/plan/DependencyPicker.tsx';
const { DependencyPicker } = (await import(/* @vite-ignore */ PICKER_MODULE)) as {
  DependencyPicker: ComponentType<{
    db: PlannerDatabase;
    task: Task;
    onChange: (dependencies: TaskId[]) => void;
  }>;
};

// Not from ./helpers: it reads the content folder through a file URL, which jsdom's URL refuses.
const planId = (s: string) => s as PlanId;
const taskId = (s: string) => s as TaskId;

/** Made with the real operations: "Choose a vendor" (t3) depends on "List current permit steps". */
function sampleDatabase(): PlannerDatabase {
  let db = createPlan(emptyPlannerDatabase(), { title: 'Online permits' }, planId('p1')).db;
  db = addTask(db, planId('p1'), { title: 'List current permit steps' }, taskId('t1')).db;
  db = addTask(db, planId('p1'), { title: 'Survey applicants, “quickly”' }, taskId('t2')).db;
  db = addTask(
    db,
    planId('p1'),
    { title: 'Choose a vendor', dependencies: [taskId('t1')] },
    taskId('t3'),
  ).db;
  db = createPlan(db, { title: 'Council paperless' }, planId('p2')).db;
  return addTask(db, planId('p2'), { title: 'Buy tablets' }, taskId('t4')).db;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: { root: Root; container: HTMLElement } | null = null;
afterEach(() => {
  act(() => mounted?.root.unmount());
  mounted?.container.remove();
  mounted = null;
});

/** Renders the picker for `taskOf(db)`; `changes` collects what it asks to save. */
function renderPicker(db: PlannerDatabase, id: TaskId) {
  const changes: TaskId[][] = [];
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  /** Draws the picker for `next`, as the editor does after every change of the plan. */
  const show = (next: PlannerDatabase) => {
    const task = next.tasks.find((t) => t.id === id) as Task;
    act(() =>
      root.render(
        createElement(DependencyPicker, { db: next, task, onChange: (d) => changes.push(d) }),
      ),
    );
  };
  show(db);
  mounted = { root, container };
  const boxes = () =>
    [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => ({
      box,
      label: box.labels?.[0]?.textContent ?? '',
    }));
  return { container, changes, boxes, show };
}

function typeInto(input: HTMLInputElement, value: string) {
  // React tracks the value through the prototype's setter, so set it the way the browser does.
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  act(() => {
    descriptor?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** One plan of `count` tasks, each depending on the next 100 (the issue's dense backup). */
function densePlanner(count: number): PlannerDatabase {
  const db = emptyPlannerDatabase();
  db.plans.push({
    id: planId('p'),
    title: 'Dense',
    goal: '',
    owner: '',
    status: 'draft',
    startDate: null,
    endDate: null,
    budgetEstimateCents: null,
    fundingSource: '',
    linkedDocIds: [],
    shared: false,
    sharedBy: null,
    phases: [],
  });
  for (let i = 0; i < count; i++) {
    db.tasks.push({
      id: taskId(`t${i}`),
      planId: planId('p'),
      title: `Dense task ${i}`,
      phaseId: null,
      owner: '',
      dueDate: null,
      status: 'not-started',
      estimatedCostCents: null,
      notes: '',
      linkedDocIds: [],
      dependencies: Array.from({ length: Math.min(100, count - 1 - i) }, (_, k) =>
        taskId(`t${i + 1 + k}`),
      ),
    });
  }
  return db;
}

/** The sizes a browser's layout would give the list's scroll box and its rows. */
function withLayout() {
  const isBox = (element: HTMLElement) => element.classList.contains('dependency-picker__list');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return isBox(this) ? 288 : 0;
      },
    });
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      return DOMRect.fromRect({ width: 300, height: isBox(this) ? 288 : 30 });
    };
  });
  afterAll(() => {
    // Back to jsdom's own, inherited from Element.prototype.
    Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
    Reflect.deleteProperty(HTMLElement.prototype, 'getBoundingClientRect');
  });
}

describe('DependencyPicker', () => {
  it('offers the plan’s other tasks, leaving out those that already wait on this one', () => {
    const { container, boxes } = renderPicker(sampleDatabase(), taskId('t1'));
    expect(container.querySelector('legend')?.textContent).toBe('Depends on');
    expect(boxes().map((b) => b.label)).toEqual(['Survey applicants, “quickly”']);
    expect(container.querySelector('.hint')?.textContent).toContain(
      '1 task is not listed because it already waits on this one (a loop).',
    );
  });

  it('shows chosen tasks as checked and saves a change', () => {
    const { boxes, changes } = renderPicker(sampleDatabase(), taskId('t3'));
    const [first, second] = boxes();
    expect([first?.label, first?.box.checked]).toEqual(['List current permit steps', true]);
    expect([second?.label, second?.box.checked]).toEqual(['Survey applicants, “quickly”', false]);
    act(() => second?.box.click());
    expect(changes).toEqual([['t1', 't2']]);
  });

  it('follows edits of the plan: new titles, and new tasks waiting on this one', () => {
    let db = sampleDatabase();
    const { container, boxes, show } = renderPicker(db, taskId('t1'));
    db = updateTask(db, taskId('t2'), { title: 'Survey builders' }).db;
    show(db);
    expect(boxes().map((b) => b.label)).toEqual(['Survey builders']);
    db = updateTask(db, taskId('t2'), { dependencies: [taskId('t3')] }).db;
    show(db);
    expect(boxes()).toEqual([]);
    expect(container.querySelector('.hint')?.textContent).toContain(
      '2 tasks are not listed because they already wait on this one (a loop).',
    );
  });

  it('filters the tasks by title, and says how many are shown', () => {
    const { container, boxes } = renderPicker(sampleDatabase(), taskId('t3'));
    const filter = [...container.querySelectorAll('input')].find(
      (input) => input.labels?.[0]?.textContent === 'Filter tasks',
    );
    expect(filter?.type).toBe('search');
    typeInto(filter as HTMLInputElement, 'SURVEY');
    expect(boxes().map((b) => b.label)).toEqual(['Survey applicants, “quickly”']);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Showing 1 of 2 tasks.');
    typeInto(filter as HTMLInputElement, 'no such task');
    expect(boxes()).toEqual([]);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'No task matches this filter.',
    );
  });
});

describe('DependencyPicker on a long list (with a layout)', () => {
  withLayout();

  it('draws a bounded number of rows of a 20,000-task plan, each saying its place', () => {
    const db = densePlanner(20_000);
    const { container, boxes } = renderPicker(db, taskId('t10000'));
    // Tasks 0 to 9,999 wait on task 10,000 through the chain: 9,999 are left to choose from.
    expect(container.querySelector('.hint')?.textContent).toContain(
      '10,000 tasks are not listed because they already wait on this one',
    );
    const rows = [...container.querySelectorAll('li')];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(boxes()[0]?.label).toBe('Dense task 10001');
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('9999');
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
  }, 60_000); // a limit for a slow machine, not a speed goal

  it('keeps the focused row’s neighbours drawn, so Tab reaches the next one', () => {
    const { container } = renderPicker(densePlanner(1_000), taskId('t0'));
    const rows = () => [...container.querySelectorAll<HTMLElement>('li[data-index]')];
    const last = rows().at(-1);
    const lastIndex = Number(last?.dataset.index);
    expect(container.querySelector(`li[data-index="${lastIndex + 1}"]`)).toBeNull();
    act(() => last?.querySelector('input')?.focus());
    expect(container.querySelector(`li[data-index="${lastIndex + 1}"]`)).not.toBeNull();
  });
});
