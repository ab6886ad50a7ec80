// @vitest-environment jsdom
/**
 * The live region: always in the page, visually hidden, polite, saying the latest message, and
 * saying a repeated message again (the text changes by a no-break space, which is not read).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Announcer, useAnnouncement } from '../../../renderer/src/ui/common/Announcer';
import { click, getByRole, render, unmountAll } from '../support/dom';

afterEach(unmountAll);

function Mover() {
  const { message, announce } = useAnnouncement();
  return (
    <>
      <button type="button" onClick={() => announce('Moved “Name a lead” to Done.')}>
        Move
      </button>
      <button type="button" onClick={() => announce('Nothing to move.')}>
        Other
      </button>
      <Announcer message={message} />
    </>
  );
}

const region = () => getByRole(document.body, 'status');

describe('Announcer', () => {
  it('is a polite, visually hidden status that is there before anything is said', () => {
    render(<Mover />);
    expect(region().getAttribute('aria-live')).toBe('polite');
    expect(region().className).toBe('ontario-show-for-sr');
    expect(region().textContent).toBe('');
  });

  it('says each message, and a repeat differently so it is read again', async () => {
    render(<Mover />);
    const move = getByRole(document.body, 'button', { name: 'Move' });
    await click(move);
    const first = region().textContent;
    expect(first).toBe('Moved “Name a lead” to Done.');
    await click(move);
    expect(region().textContent).toBe('Moved “Name a lead” to Done.\u00a0');
    await click(move);
    expect(region().textContent).toBe(first);
    await click(getByRole(document.body, 'button', { name: 'Other' }));
    expect(region().textContent).toBe('Nothing to move.');
  });
});
