import type { Locator, Page } from 'playwright-core';

/** The "Add to plan" dialog, opened from a recommendation, guide step or case study. */
export class AddToPlanDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add to plan' });
  }

  /** Opens the dialog from the "Add to plan" button inside `container`. */
  async open(container: Locator): Promise<void> {
    await container.getByRole('button', { name: /^Add to plan/ }).click();
    await this.dialog.waitFor({ state: 'visible' });
  }

  /** Picks a plan and a phase (by their visible names) and adds the task; returns the message. */
  async addTo(plan: string, phase = 'No phase'): Promise<string> {
    await this.dialog.getByLabel('Plan', { exact: true }).selectOption({ label: plan });
    await this.dialog.getByLabel('Phase', { exact: true }).selectOption({ label: phase });
    await this.dialog.getByRole('button', { name: 'Add task to plan' }).click();
    const status = this.dialog.getByRole('status');
    await status.waitFor({ state: 'visible' });
    return (await status.textContent()) ?? '';
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
