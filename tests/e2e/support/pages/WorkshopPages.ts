import type { Locator, Page } from 'playwright-core';

/** The Workshops page (`#/workshops`): bundled and own workshops as links named by their titles. */
export class WorkshopListPage {
  readonly heading: Locator;
  readonly newWorkshop: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Workshops', exact: true });
    this.newWorkshop = page.getByRole('button', { name: 'New workshop', exact: true });
  }

  /** Waits until the list has rendered with the bundled workshops. */
  async waitUntilReady(): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByRole('heading', { name: 'Ready-made workshops' }).waitFor();
  }

  /** The link to a workshop, by its title. */
  workshopLink(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  /** "Duplicate" on a bundled workshop's card (its accessible name goes on with the title). */
  duplicateButton(title: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
      .getByRole('button', { name: /^Duplicate\b/ });
  }
}

/** A workshop's page (`#/workshops/<id>`): agenda, blocks, Present, handout, editor. */
export class WorkshopPage {
  readonly present: Locator;
  readonly printHandout: Locator;
  readonly duplicate: Locator;
  readonly startTime: Locator;
  readonly agenda: Locator;
  readonly saveStatus: Locator;
  readonly recordedSessions: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.present = main.getByRole('button', { name: 'Present', exact: true });
    this.printHandout = main.getByRole('link', { name: 'Print handout', exact: true });
    this.duplicate = main.getByRole('button', { name: 'Duplicate', exact: true });
    this.startTime = main.getByLabel('Start time', { exact: true });
    this.agenda = main.getByRole('table');
    this.saveStatus = main.locator('.ws-save');
    this.recordedSessions = main.getByRole('region', { name: 'Recorded sessions' });
  }

  /** Waits until the workshop titled `title` shows its agenda. */
  async waitForWorkshop(title: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    await this.agenda.waitFor();
  }

  /** The agenda's rows as `[time, block title, length]`, body rows only. */
  async agendaRows(): Promise<string[][]> {
    return this.agenda
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
  }

  /** The editor section of one block of the user's own workshop, by its position (1-based). */
  blockEditor(position: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Block ${position}: `) });
  }

  /** Waits until the autosave says everything is saved. */
  async waitUntilSaved(): Promise<void> {
    await this.page.locator('.ws-save', { hasText: 'All changes saved' }).first().waitFor();
  }
}
