import type { Locator, Page } from 'playwright-core';

/** The audience view (`#/workshops/<id>/present`): the slide shown on the projector. */
export class AudienceView {
  readonly next: Locator;
  readonly previous: Locator;
  readonly fullScreen: Locator;
  readonly presenterView: Locator;
  readonly showCapture: Locator;
  readonly captureBoard: Locator;

  /**
   * `slideLabel` is the catalogue's name of the slide region in the interface's language
   * (`workshops.present.slideLabel`, "Slide {{number}} of {{total}}" in English).
   */
  constructor(
    readonly page: Page,
    private readonly slideLabel = 'Slide {{number}} of {{total}}',
  ) {
    const controls = page.getByRole('group', { name: 'Presentation controls' });
    this.next = controls.getByRole('button', { name: 'Next', exact: true });
    this.previous = controls.getByRole('button', { name: 'Previous', exact: true });
    this.fullScreen = controls.getByRole('button', { name: 'Full screen', exact: true });
    this.presenterView = controls.getByRole('button', { name: 'Presenter view', exact: true });
    this.showCapture = controls.getByRole('button', { name: 'Show notes and votes' });
    this.captureBoard = page.getByRole('complementary', { name: 'From the room' });
  }

  /** The current slide: the region named "Slide N of M". */
  slide(): Locator {
    return this.page.getByRole('region', { name: this.slideName('\\d+') });
  }

  /** Waits until slide `n` (1-based) is the current one and returns the deck's size. */
  async waitForSlide(n: number): Promise<number> {
    const region = this.page.getByRole('region', { name: this.slideName(String(n)) });
    await region.waitFor();
    const label = (await region.getAttribute('aria-label')) ?? '';
    return Number(this.slideName('\\d+', '(\\d+)').exec(label)?.[1] ?? Number.NaN);
  }

  /** The slide region's name as a pattern, its number and total given as patterns. */
  private slideName(number: string, total = '\\d+'): RegExp {
    const [before = '', between = '', after = ''] = this.slideLabel
      .split(/\{\{(?:number|total)\}\}/)
      .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${before}${number}${between}${total}${after}$`);
  }

  /** The current slide's heading text. */
  async slideTitle(): Promise<string> {
    return ((await this.slide().getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
  }
}

/** The presenter view (`#/workshops/<id>/presenter`): the trainer's screen. */
export class PresenterView {
  readonly heading: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly nextBlock: Locator;
  readonly showOnAudience: Locator;
  readonly noteField: Locator;
  readonly addNote: Locator;
  readonly voteQuestion: Locator;
  readonly voteOptions: Locator;
  readonly openVote: Locator;
  readonly participant: Locator;
  readonly exportMarkdown: Locator;
  readonly exportCsv: Locator;
  readonly pacing: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Presenter view: / });
    const controls = page.getByRole('group', { name: 'Presentation controls' });
    this.next = controls.getByRole('button', { name: 'Next', exact: true });
    this.previous = controls.getByRole('button', { name: 'Previous', exact: true });
    this.nextBlock = controls.getByRole('button', { name: 'Next block', exact: true });
    this.showOnAudience = controls.getByRole('button', {
      name: 'Show notes and votes on the audience screen',
    });
    this.noteField = page.getByRole('textbox', { name: 'Sticky note', exact: true });
    this.addNote = page.getByRole('button', { name: 'Add note', exact: true });
    this.voteQuestion = page.getByRole('textbox', { name: 'Question', exact: true });
    this.voteOptions = page.getByRole('textbox', { name: 'Options, one a line' });
    this.openVote = page.getByRole('button', { name: 'Open vote', exact: true });
    this.participant = page.getByRole('textbox', { name: /^Participant/ });
    this.exportMarkdown = page.getByRole('button', { name: 'Export Markdown', exact: true });
    this.exportCsv = page.getByRole('button', { name: 'Export CSV', exact: true });
    this.pacing = page.locator('.pacing');
  }

  /** Waits until the presenter shows slide `n` of the deck as the current one. */
  async waitForSlide(n: number): Promise<void> {
    await this.page
      .getByRole('heading', { level: 2, name: new RegExp(`^Current slide: ${n} of \\d+`) })
      .waitFor();
  }

  /** The button that places a dot on an option. */
  dotFor(option: string): Locator {
    return this.page.getByRole('button', { name: `Dot for ${option}`, exact: true });
  }
}

/** The printable handout (`#/workshops/<id>/handout`). */
export class HandoutView {
  readonly print: Locator;
  readonly agenda: Locator;
  readonly worksheet: Locator;

  constructor(readonly page: Page) {
    this.print = page.getByRole('button', { name: 'Print', exact: true });
    this.agenda = page.getByRole('region', { name: 'Agenda', exact: true });
    this.worksheet = page.getByRole('region', {
      name: 'Worksheet: digital maturity self-assessment',
    });
  }

  /** Waits until the handout of `title` has rendered. */
  async waitForHandout(title: string): Promise<void> {
    await this.page
      .getByRole('heading', { level: 1, name: `Handout: ${title}`, exact: true })
      .waitFor();
    await this.agenda.getByRole('table').waitFor();
  }
}
