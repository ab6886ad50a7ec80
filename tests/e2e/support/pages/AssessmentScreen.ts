import type { Locator, Page } from 'playwright-core';

/** The self-assessment, `#/planner/assessment`. */
export class AssessmentScreen {
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly results: Locator;
  readonly radarChart: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', {
      level: 1,
      name: 'Digital maturity self-assessment',
    });
    this.saveButton = page.getByRole('button', { name: 'Save assessment' });
    this.results = page.getByRole('region', { name: 'Results' });
    this.radarChart = page.getByRole('img', { name: /Digital maturity on/ });
  }

  async waitUntilReady(): Promise<void> {
    await this.heading.waitFor({ state: 'visible' });
    await this.saveButton.waitFor({ state: 'visible' });
  }

  /** The fieldset of a dimension, by its legend (e.g. `Cybersecurity`). */
  dimension(label: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(label) });
  }

  /** Answers every dimension (in questionnaire order) and saves. */
  async answerAndSave(levels: readonly number[]): Promise<void> {
    const fieldsets = this.page.locator('fieldset.assessment-dimension');
    for (const [index, level] of levels.entries()) {
      await fieldsets
        .nth(index)
        .getByRole('radio', { name: new RegExp(`^Level ${level}:`) })
        .check();
    }
    await this.saveButton.click();
    await this.results.waitFor({ state: 'visible' });
  }

  /** One recommended document (a list item holding its link and its "Add to plan" button). */
  recommendation(title: string): Locator {
    return this.page
      .locator('.recommendations__item')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** The titles of the recommended case studies, in order. */
  async caseStudyTitles(): Promise<string[]> {
    return this.page
      .locator('.recommendations__item')
      .filter({ has: this.page.locator('a[href^="#/doc/case-"]') })
      .getByRole('link')
      .allTextContents();
  }
}
