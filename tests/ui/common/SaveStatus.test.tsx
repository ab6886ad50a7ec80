// @vitest-environment jsdom
/**
 * The save status line, following a real store session over in-memory storage: nothing to say
 * before a change, "Saving…" while a change waits or is written, "All changes saved" after, and,
 * when storage refuses, an alert saying why, in the feature's words.
 */
import { act, useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { addTask } from '../../../renderer/src/core/planner/operations/tasks';
import { createPlan } from '../../../renderer/src/core/planner/operations/plans';
import { PLANNER_KEY } from '../../../renderer/src/core/planner/plannerStore';
import { recordLogKeys } from '../../../renderer/src/core/store/recordLogBackend';
import { SaveStatus } from '../../../renderer/src/ui/common/SaveStatus';
import {
  plannerSessionFor,
  type PlannerSession,
} from '../../../renderer/src/ui/planner/plannerSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { render, settle, unmountAll } from '../support/dom';

afterEach(unmountAll);

function Status({ session, words }: { session: PlannerSession; words?: boolean }) {
  const { saveState } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return words ? (
    <SaveStatus
      state={saveState}
      className="anno-save"
      failedPrefix="Annotations not saved:"
      idleText="Annotations are saved automatically"
    />
  ) : (
    <SaveStatus state={saveState} className="planner-save" />
  );
}

const line = () => document.querySelector('p') as HTMLParagraphElement;

/** A change to the plan, saved at once or after `delayMs` (as typing is). */
function changePlan(session: PlannerSession, delayMs = 0): void {
  act(() => void session.apply((db) => createPlan(db, { title: 'Records plan' }).db, delayMs));
}

/** Makes every write of the planner's documents (its records and logs) fail with `error`. */
function failPlannerWrites(storage: MemoryStorage, error: Error): void {
  const { snapshot, logs } = recordLogKeys(PLANNER_KEY);
  for (const key of [snapshot, ...logs]) storage.failWritesTo.set(key, error);
}

describe('SaveStatus', () => {
  it('is a polite status: idle, then saving while a typed change waits, then saved', async () => {
    const session = await plannerSessionFor(new MemoryStorage());
    render(<Status session={session} />);
    expect([line().getAttribute('role'), line().textContent]).toEqual([
      'status',
      'No unsaved changes',
    ]);
    changePlan(session, 60_000);
    expect(line().textContent).toBe('Saving…');
    act(() => session.flush());
    await settle(session.whenSaved());
    expect(line().textContent).toBe('All changes saved');
    expect(line().className).toBe('planner-save');
  });

  it('becomes an alert saying why when storage refuses, and the data stays on screen', async () => {
    const storage = new MemoryStorage();
    failPlannerWrites(storage, new Error('The disk is full.'));
    const session = await plannerSessionFor(storage);
    render(<Status session={session} />);
    changePlan(session);
    await settle(session.whenSaved());
    expect([line().getAttribute('role'), line().textContent]).toEqual([
      'alert',
      'Not saved: The disk is full.',
    ]);
    expect(line().className).toBe('planner-save planner-save--failed');
    expect(session.getSnapshot().db.plans.map((plan) => plan.title)).toEqual(['Records plan']);

    // Once storage takes it again, the next change is saved and the alert goes.
    storage.failWritesTo.clear();
    const planId = session.getSnapshot().db.plans[0]?.id;
    if (!planId) throw new Error('no plan');
    act(() => void session.apply((db) => addTask(db, planId, { title: 'Name a lead' }).db));
    await settle(session.whenSaved());
    expect([line().getAttribute('role'), line().textContent]).toEqual([
      'status',
      'All changes saved',
    ]);
  });

  it('speaks in the feature’s words when it has its own', async () => {
    const storage = new MemoryStorage();
    const session = await plannerSessionFor(storage);
    render(<Status session={session} words />);
    expect(line().textContent).toBe('Annotations are saved automatically');
    failPlannerWrites(storage, new Error('Storage is full.'));
    changePlan(session);
    await settle(session.whenSaved());
    expect(line().textContent).toBe('Annotations not saved: Storage is full.');
    expect(line().className).toBe('anno-save anno-save--failed');
  });
});
