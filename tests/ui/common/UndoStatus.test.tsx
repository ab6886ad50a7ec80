// @vitest-environment jsdom
/**
 * The undo bar with the undo hook, on a small list: a delete offers Undo and Dismiss in a status
 * region (no timer takes it away), Undo puts the item back and says so (or says why it could not),
 * Dismiss clears the offer, and a newer delete replaces an older offer.
 */
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { UndoStatus } from '../../../renderer/src/ui/common/UndoStatus';
import { useUndo } from '../../../renderer/src/ui/common/useUndo';
import { click, getByRole, queryAllByRole, render, unmountAll } from '../support/dom';

afterEach(unmountAll);

function Shelf({ doneText, wrapped = false }: { doneText?: string; wrapped?: boolean }) {
  const [items, setItems] = useState(['Budget', 'Broadband', 'Staffing']);
  const undo = useUndo(doneText);
  const remove = (item: string) => {
    const at = items.indexOf(item);
    setItems((current) => current.filter((i) => i !== item));
    undo.offerUndo({
      message: `Deleted “${item}”.`,
      // Staffing stands for an undo that is no longer possible (say, its plan was deleted).
      undo: () => {
        if (item === 'Staffing') return 'Staffing could not be put back.';
        setItems((current) => [...current.slice(0, at), item, ...current.slice(at)]);
        return null;
      },
    });
  };
  return (
    <>
      <ul>
        {items.map((item) => (
          <li key={item}>
            {item}{' '}
            <button type="button" onClick={() => remove(item)}>
              Delete {item}
            </button>
          </li>
        ))}
      </ul>
      <UndoStatus
        undo={undo}
        className="undo-bar"
        buttonClassName="button--small"
        actionsClassName={wrapped ? 'undo-bar__actions' : undefined}
      />
    </>
  );
}

const bar = () => getByRole(document.body, 'status');
const items = () => [...document.querySelectorAll('li')].map((li) => li.firstChild?.textContent);

describe('UndoStatus', () => {
  it('is an empty status region until something is deleted', () => {
    render(<Shelf />);
    expect(bar().textContent).toBe('');
    expect(queryAllByRole(bar(), 'button')).toEqual([]);
  });

  it('offers Undo, which puts the item back in its place and says it is done', async () => {
    render(<Shelf />);
    await click(getByRole(document.body, 'button', { name: 'Delete Broadband' }));
    expect(items()).toEqual(['Budget', 'Staffing']);
    expect(bar().textContent).toBe('Deleted “Broadband”. Undo Dismiss');
    const undo = getByRole(bar(), 'button', { name: 'Undo' });
    expect(undo.className).toBe('button button--small');
    expect(getByRole(bar(), 'button', { name: 'Dismiss' }).className).toBe(
      'button button--secondary button--small',
    );
    await click(undo);
    expect(items()).toEqual(['Budget', 'Broadband', 'Staffing']);
    expect(bar().textContent).toBe('Undone.');
  });

  it('says the feature’s own words when done, and why when the undo failed', async () => {
    render(<Shelf doneText="Restored." />);
    await click(getByRole(document.body, 'button', { name: 'Delete Budget' }));
    await click(getByRole(bar(), 'button', { name: 'Undo' }));
    expect(bar().textContent).toBe('Restored.');
    await click(getByRole(document.body, 'button', { name: 'Delete Staffing' }));
    await click(getByRole(bar(), 'button', { name: 'Undo' }));
    expect(bar().textContent).toBe('Staffing could not be put back.');
  });

  it('Dismiss clears the offer and keeps the deletion', async () => {
    render(<Shelf />);
    await click(getByRole(document.body, 'button', { name: 'Delete Budget' }));
    await click(getByRole(bar(), 'button', { name: 'Dismiss' }));
    expect(bar().textContent).toBe('');
    expect(items()).toEqual(['Broadband', 'Staffing']);
  });

  it('offers only the latest delete, and wraps its buttons when asked', async () => {
    render(<Shelf wrapped />);
    await click(getByRole(document.body, 'button', { name: 'Delete Budget' }));
    await click(getByRole(document.body, 'button', { name: 'Delete Broadband' }));
    expect(bar().querySelector('span')?.textContent).toBe('Deleted “Broadband”.');
    expect(bar().querySelector('.undo-bar__actions')?.textContent).toBe('UndoDismiss');
    await click(getByRole(bar(), 'button', { name: 'Undo' }));
    expect(items()).toEqual(['Broadband', 'Staffing']);
  });
});
