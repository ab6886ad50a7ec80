import type { Download, Locator, Page } from 'playwright-core';

/** The planner's home, `#/planner`: plans, exports, import and the municipality profile. */
export class PlannerHomeScreen {
  readonly heading: Locator;
  readonly newPlanButton: Locator;
  readonly importInput: Locator;
  readonly plansTable: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Planner' });
    this.newPlanButton = page.getByRole('button', { name: 'New plan', exact: true });
    this.importInput = page.getByLabel('Import plan', { exact: true });
    this.plansTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Plan' }) });
    this.alert = page.getByRole('alert');
  }

  /** Waits until the home screen has loaded the planner. */
  async waitUntilReady(): Promise<void> {
    await this.heading.waitFor({ state: 'visible' });
    await this.newPlanButton.waitFor({ state: 'visible' });
  }

  /** The link to a plan in the list of plans. */
  planLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  /** Creates a plan through "New plan" and waits for the new plan's page. */
  async createPlan(title: string, start: 'guide' | 'empty'): Promise<void> {
    await this.newPlanButton.click();
    await this.page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await this.page
      .getByRole('radio', {
        name: start === 'guide' ? 'The how-to guide template' : 'An empty plan',
      })
      .check();
    await this.page.getByRole('button', { name: 'Create plan' }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  /** Clicks an export button and returns the download it starts. */
  async download(
    button: 'Download tasks (CSV)' | 'Download backup (JSON)' | 'Download due dates (.ics)',
  ): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    return download;
  }

  /** Chooses a file in the "Import plan" input, as a person picking it in the file dialog. */
  async chooseImportFile(name: string, contents: string | Buffer): Promise<void> {
    await this.importInput.setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents,
    });
  }
}
