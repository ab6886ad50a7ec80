// @vitest-environment jsdom
/**
 * The plan's details form, on the plan screen over the real planner session: fields save as they
 * change, a blank title or an unreadable budget is shown on its field (and as an alert) and stays
 * there while other fields save, until that field is fixed; a refusal of the planner's (an end
 * date before the start) is shown for the form, and nothing of it is saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  accessibleDescription,
  chooseOption,
  getByRole,
  queryAllByRole,
  renderSettled,
  typeInto,
} from '../support/dom';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { PLAN, PlanScreen, closePlanner, openPlanner } from './plannerFixture';
import type { PlannerSession } from '../../../renderer/src/ui/planner/plannerSession';

afterEach(() => {
  setLanguage('en');
  return closePlanner();
});

async function showDetails(): Promise<{ session: PlannerSession; form: HTMLFormElement }> {
  const { session } = await openPlanner();
  const { container } = await renderSettled(<PlanScreen session={session} view="details" />);
  const form = container.querySelector('form');
  if (!form) throw new Error('no form');
  return { session, form };
}

const textbox = (form: HTMLElement, name: string) =>
  getByRole<HTMLInputElement>(form, 'textbox', { name });
const planIn = (session: PlannerSession) =>
  session.getSnapshot().db.plans.find((plan) => plan.id === PLAN);

describe('the plan details form', () => {
  it('keeps a blank title’s error while other fields save, and saves the fixed title', async () => {
    const { session, form } = await showDetails();
    const title = textbox(form, 'Title');
    await typeInto(title, ' ');
    await typeInto(textbox(form, 'Goal'), 'One place for every record.');
    await chooseOption(getByRole(form, 'combobox', { name: 'Status' }), 'approved');
    expect(planIn(session)?.goal).toBe('One place for every record.');
    expect(planIn(session)?.status).toBe('approved');
    expect(planIn(session)?.title).toBe('Records plan');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(accessibleDescription(title)).toBe('The plan needs a title.');
    expect(getByRole(form, 'alert').textContent).toBe('The plan needs a title.');

    await typeInto(title, 'Records management plan');
    expect(planIn(session)?.title).toBe('Records management plan');
    expect(queryAllByRole(form, 'alert')).toEqual([]);
  });

  it('keeps an unreadable budget’s error while other fields save; a readable one is saved', async () => {
    const { session, form } = await showDetails();
    const budget = textbox(form, 'Budget estimate (CAD)');
    await typeInto(budget, 'twenty thousand');
    await typeInto(textbox(form, 'Funding source'), 'Modernization fund');
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(accessibleDescription(budget)).toBe(
      'Budget estimate: enter an amount such as 25000 or 25,000.50.',
    );
    await typeInto(budget, '20,000');
    expect(planIn(session)?.budgetEstimateCents).toBe(2_000_000);
    expect(budget.hasAttribute('aria-invalid')).toBe(false);
  });

  it('in French, reads a budget written the French way and refuses one it would have to guess', async () => {
    setLanguage('fr');
    const { session, form } = await showDetails();
    const budget = textbox(form, 'Budget estimatif ($ CA)');
    await typeInto(budget, '25\u00a0000,50\u00a0$');
    expect(planIn(session)?.budgetEstimateCents).toBe(2_500_050);
    await typeInto(budget, '25,000');
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(accessibleDescription(budget)).toBe(
      'Budget estimatif : entrez un montant comme 25000 ou 25 000,50.',
    );
    expect(planIn(session)?.budgetEstimateCents).toBe(2_500_050);
  });

  it('shows the planner’s refusal for the form, and saves none of it', async () => {
    const { session, form } = await showDetails();
    await typeInto(textbox(form, 'Start date'), '2027-06-01');
    await typeInto(textbox(form, 'End date'), '2027-01-31');
    expect(getByRole(form, 'alert').textContent).toMatch(/before the start date/);
    expect(planIn(session)?.endDate).toBeNull();
    await typeInto(textbox(form, 'End date'), '2027-12-31');
    expect(queryAllByRole(form, 'alert')).toEqual([]);
    expect(planIn(session)?.endDate).toBe('2027-12-31');
  });
});
