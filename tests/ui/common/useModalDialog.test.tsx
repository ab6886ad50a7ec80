// @vitest-environment jsdom
/**
 * The modal dialog hook, in the two ways features use it: a dialog that stays in the page and is
 * shown and closed (Add to plan), and one its parent mounts to open and unmounts to close (the
 * annotate dialog). Either way focus goes back to what opened it when it closes, or, when that
 * is gone, to the feature's fallback, never to the page's body.
 */
import { useRef, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useModalDialog } from '../../../renderer/src/ui/common/useModalDialog';
import { click, getByRole, press, queryAllByRole, render, unmountAll } from '../support/dom';
import { installModalDialog } from '../support/modalDialog';

beforeAll(installModalDialog);
afterEach(unmountAll);

/** A dialog that stays in the page, wired as PlanTargetDialog wires it. */
function KeptDialog() {
  const { dialogRef, openerRef, open, show, close, dismiss } = useModalDialog();
  return (
    <>
      <button type="button" ref={openerRef} onClick={show}>
        Add to plan
      </button>
      <p>{open ? 'open' : 'closed'}</p>
      <dialog ref={dialogRef} aria-label="Choose a plan" onClose={dismiss}>
        <button type="button" onClick={close}>
          Done
        </button>
        <a href="#/planner" onClick={dismiss}>
          Open the plan
        </a>
      </dialog>
    </>
  );
}

const dialog = () => document.querySelector('dialog') as HTMLDialogElement;
const state = () => document.querySelector('p')?.textContent;

describe('a dialog shown and closed', () => {
  it('opens modally and, on close, puts focus back on its opener', async () => {
    render(<KeptDialog />);
    const opener = getByRole(document.body, 'button', { name: 'Add to plan' });
    expect(dialog().open).toBe(false);
    await click(opener);
    expect([dialog().open, state()]).toEqual([true, 'open']);
    await click(getByRole(dialog(), 'button', { name: 'Done' }));
    expect([dialog().open, state()]).toEqual([false, 'closed']);
    expect(document.activeElement).toBe(opener);
  });

  it('knows when it closed itself on Escape, and opens again', async () => {
    render(<KeptDialog />);
    await click(getByRole(document.body, 'button', { name: 'Add to plan' }));
    await press('Escape', getByRole(dialog(), 'button', { name: 'Done' }));
    expect([dialog().open, state()]).toEqual([false, 'closed']);
    await click(getByRole(document.body, 'button', { name: 'Add to plan' }));
    expect([dialog().open, state()]).toEqual([true, 'open']);
  });

  it('closes without moving focus when dismissed (the page is changing)', async () => {
    render(<KeptDialog />);
    await click(getByRole(document.body, 'button', { name: 'Add to plan' }));
    const link = getByRole(dialog(), 'link', { name: 'Open the plan' });
    link.focus();
    await click(link);
    expect([dialog().open, state()]).toEqual([false, 'closed']);
    expect(document.activeElement).toBe(link);
  });
});

/** A dialog its parent mounts to open, as the reader mounts the annotate dialog. */
function Mounted({ fallback }: { fallback: () => void }) {
  const { dialogRef } = useModalDialog({ initiallyOpen: true, fallbackFocus: fallback });
  return (
    <dialog ref={dialogRef} aria-label="Annotate">
      <input aria-label="Note" />
    </dialog>
  );
}

/** The reader around it: its opener (a selection toolbar's button) can go while it is open. */
function Parent({ openerGoesOnOpen = false }: { openerGoesOnOpen?: boolean }) {
  const [open, setOpen] = useState(false);
  const [selection, setSelection] = useState(true);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <h2 tabIndex={-1} ref={heading}>
        Highlights
      </h2>
      {selection && !(openerGoesOnOpen && open) && (
        <button type="button" onClick={() => setOpen(true)}>
          Annotate
        </button>
      )}
      <button type="button" onClick={() => setSelection(false)}>
        Clear the selection
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Close from outside
      </button>
      {open && <Mounted fallback={() => heading.current?.focus()} />}
    </>
  );
}

describe('a dialog mounted to open', () => {
  it('is open from its first render and, unmounted, gives focus back to what had it', async () => {
    render(<Parent />);
    const opener = getByRole(document.body, 'button', { name: 'Annotate' });
    await click(opener);
    expect(dialog().open).toBe(true);
    getByRole(dialog(), 'textbox', { name: 'Note' }).focus();
    await click(getByRole(document.body, 'button', { name: 'Close from outside' }));
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('sends focus to the fallback when what opened it went meanwhile', async () => {
    render(<Parent />);
    await click(getByRole(document.body, 'button', { name: 'Annotate' }));
    await click(getByRole(document.body, 'button', { name: 'Clear the selection' }));
    expect(queryAllByRole(document.body, 'button', { name: 'Annotate' })).toEqual([]);
    await click(getByRole(document.body, 'button', { name: 'Close from outside' }));
    expect(document.activeElement).toBe(
      getByRole(document.body, 'heading', { name: 'Highlights' }),
    );
  });

  it('sends focus to the fallback, not the page, when its opener went as it opened', async () => {
    render(<Parent openerGoesOnOpen />);
    await click(getByRole(document.body, 'button', { name: 'Annotate' }));
    await click(getByRole(document.body, 'button', { name: 'Close from outside' }));
    expect(document.activeElement).toBe(
      getByRole(document.body, 'heading', { name: 'Highlights' }),
    );
  });
});
