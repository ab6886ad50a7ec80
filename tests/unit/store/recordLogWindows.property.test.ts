/**
 * Property test of the record-log store written by two windows at once: for any interleaving of
 * adds, edits, removals, teammates' merges and catch-ups by either window, some awaited and some
 * left running beside the other window's, over rings small enough to wrap and compact often, a
 * window opened afterwards shows exactly what every stored change makes, and so does each window
 * once it has caught up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordLogLimits } from '../../../renderer/src/core/store/recordLogBackend';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { stampWrites, type Change } from '../../../renderer/src/core/team/records';
import { AppWindows, STORAGES } from './AppWindows';
import { Window, expected, freshLoad } from './NotesWindow';
import { materializeNotes } from './notesRecords';

const TEAMMATE = 'cccccccccccccccc' as MemberId;

type Step =
  | { op: 'add' | 'edit' | 'remove' | 'done'; window: 0 | 1; note: number; wait: boolean }
  | { op: 'merge'; window: 0 | 1; note: number; wait: boolean }
  | { op: 'catchUp'; window: 0 | 1; wait: boolean };

const windowArb = fc.constantFrom<0 | 1>(0, 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constantFrom('add' as const, 'edit' as const, 'remove' as const, 'done' as const),
    window: windowArb,
    note: fc.nat({ max: 5 }),
    wait: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('merge' as const),
    window: windowArb,
    note: fc.nat({ max: 5 }),
    wait: fc.boolean(),
  }),
  fc.record({ op: fc.constant('catchUp' as const), window: windowArb, wait: fc.boolean() }),
);
const limitsArb: fc.Arbitrary<Partial<RecordLogLimits>> = fc.record({
  segmentChanges: fc.integer({ min: 1, max: 3 }),
  compactEvery: fc.integer({ min: 2, max: 8 }),
  slots: fc.integer({ min: 3, max: 5 }),
});

/** Runs one step; returns what to wait for when it is left running. */
function run(
  step: Step,
  windows: readonly Window[],
  merged: Change[],
  teammate: HybridClock,
): Promise<unknown> {
  const window = windows[step.window] as Window;
  // The screen shows what the store caught up with before the user acts on it.
  window.refresh();
  if (step.op === 'catchUp') return window.store.catchUp();
  const id = `n-${step.note}`;
  const exists = window.shown.notes.some((note) => note.id === id);
  switch (step.op) {
    case 'add':
      return exists ? window.edit(id, { title: `${id} again` }) : window.add(id, `${id}`);
    case 'edit':
      return exists ? window.edit(id, { title: `${id} ${teammate.tick()}` }) : Promise.resolve();
    case 'done':
      return exists ? window.edit(id, { done: true }) : Promise.resolve();
    case 'remove':
      return exists ? window.remove(id) : Promise.resolve();
    case 'merge': {
      const changes = stampWrites(
        [{ kind: 'capture', id, set: { title: `${id} by a teammate`, $deleted: false } }],
        teammate,
      );
      const outcome = window.store.mergeRemote(changes);
      window.shown = outcome.data ?? window.shown;
      merged.push(...changes);
      return outcome.saved;
    }
  }
}

describe.each(STORAGES.slice(0, 2))('two windows in any interleaving (%s)', (_where, open) => {
  it('lose nothing: a fresh window and both windows after catching up show every change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        limitsArb,
        async (steps, limits) => {
          const windows = new AppWindows(await open());
          const stored: Change[] = [];
          const merged: Change[] = [];
          const teammate = new HybridClock(TEAMMATE);
          const both = [
            await new Window(windows.open(), stored, limits).load(),
            await new Window(windows.open(), stored, limits).load(),
          ];
          const running: Promise<unknown>[] = [];
          for (const step of steps) {
            const done = run(step, both, merged, teammate);
            if (step.wait) await done;
            else running.push(done);
          }
          await Promise.all(running);
          const all = [...stored, ...merged];
          expect(await freshLoad(windows, limits)).toEqual(expected(all));
          for (const window of both) {
            await window.store.catchUp();
            expect(materializeNotes(window.store.records()).db).toEqual(expected(all));
          }
        },
      ),
      { numRuns: Number(process.env.WINDOWS_RUNS ?? 300) },
    );
  });
});
