// @vitest-environment jsdom
/**
 * The notice about a stored document the toolkit could not use as it was: an alert with its
 * title, summary and details, dismissible only when the feature can remember the dismissal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LoadNotice } from '../../../renderer/src/ui/common/LoadNotice';
import { click, getByRole, queryAllByRole, render, unmountAll } from '../support/dom';

afterEach(unmountAll);

const NOTICE = {
  title: 'There was a problem with your saved plans',
  summary: 'Some of it could not be read; a copy of the original was kept.',
  details: ['plans.0.title: was blank; set to “Untitled”', 'tasks.3.dueDate: not a date; removed'],
};

describe('LoadNotice', () => {
  it('is a warning alert with its title, summary and each detail', () => {
    render(<LoadNotice {...NOTICE} className="planner-notice" />);
    const alert = getByRole(document.body, 'alert');
    expect(alert.className).toBe('callout callout--warning planner-notice');
    expect(alert.querySelector('.callout__title')?.textContent).toBe(NOTICE.title);
    expect(alert.querySelector('p:not(.callout__title)')?.textContent).toBe(NOTICE.summary);
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual(NOTICE.details);
    expect(queryAllByRole(alert, 'button')).toEqual([]);
  });

  it('has no list without details', () => {
    render(<LoadNotice title={NOTICE.title} summary={NOTICE.summary} />);
    expect(getByRole(document.body, 'alert').className).toBe('callout callout--warning');
    expect(document.querySelector('ul')).toBeNull();
  });

  it('goes when dismissed, and tells the feature once', async () => {
    let dismissed = 0;
    render(<LoadNotice {...NOTICE} onDismiss={() => (dismissed += 1)} />);
    await click(getByRole(document.body, 'button', { name: 'Dismiss this notice' }));
    expect(queryAllByRole(document.body, 'alert')).toEqual([]);
    expect(dismissed).toBe(1);
  });
});
