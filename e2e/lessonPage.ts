// A page object for the lesson panel, in the words a learner sees.
import { expect, type Locator, type Page } from '@playwright/test';
import { LabPage } from './labPage';

export class LessonPage extends LabPage {
  constructor(page: Page) {
    super(page);
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: /./ }).filter({ has: this.page.locator('#lesson-title') });
  }

  get reveal(): Locator {
    return this.panel.getByRole('region', { name: 'What your run showed' });
  }

  stepLabel(text: string | RegExp): Locator {
    return this.panel.getByText(text);
  }

  /** Opens the lesson list from the header and starts a lesson by its number. */
  async start(number: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Lessons' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: new RegExp(`^Start lesson ${number}:`) }).click();
    await expect(dialog).toBeHidden();
    await expect(this.panel).toBeVisible();
  }

  async predict(option: string): Promise<void> {
    await this.panel.getByRole('radio', { name: option }).check();
    await this.panel.getByRole('button', { name: 'Lock in prediction' }).click();
    await expect(this.panel.getByText('Your prediction:')).toBeVisible();
  }

  async predictNumber(value: number): Promise<void> {
    await this.panel.getByRole('spinbutton').fill(String(value));
    await this.panel.getByRole('button', { name: 'Lock in prediction' }).click();
    await expect(this.panel.getByText('Your prediction:')).toBeVisible();
  }

  /** Chooses "Skip predicting": Next goes on, and the summary shows the prediction as skipped. */
  async skipPrediction(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Skip predicting' }).click();
    await expect(this.panel.getByText('You skipped predicting this one.')).toBeVisible();
  }

  /**
   * Plays at a high speed until the step's observation is complete: the lesson holds playback
   * at its end and shows the reveal. Simulated time moves only through the playback controls.
   */
  async playUntilReveal(speed = '50x'): Promise<void> {
    await this.playUntil(this.revealed, speed);
  }

  /**
   * Plays until something shows in the lesson (the lesson pauses playback at the end of a
   * baseline and of an observation).
   */
  async playUntil(target: Locator, speed = '50x'): Promise<void> {
    await this.page.getByLabel('Speed').selectOption(speed);
    await this.page.getByRole('button', { name: 'Play' }).click();
    await expect(target).toBeVisible({ timeout: 60_000 });
    await expect(this.page.getByRole('button', { name: 'Play' })).toBeVisible();
  }

  async next(): Promise<void> {
    await this.panel.getByRole('button', { name: /^(Next|Finish)$/ }).click();
  }

  /** Presses Tab until the focused element matches a CSS selector (keyboard-only journeys). */
  async tabTo(selector: string, limit = 120): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await this.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  /**
   * Tabs into the cluster picture (one Tab stop) and moves to an app server with the arrow keys:
   * Home, right twice to the app tier, then down and up along it.
   */
  async arrowToNode(id: string): Promise<void> {
    await this.tabTo('.topology-svg [tabindex="0"]');
    const keys = [
      'Home',
      'ArrowRight',
      'ArrowRight',
      ...Array<string>(5).fill('ArrowDown'),
      ...Array<string>(5).fill('ArrowUp'),
    ];
    for (const key of keys) {
      if (await this.page.evaluate((want) => document.activeElement?.getAttribute('data-node-id') === want, id)) return;
      await this.page.keyboard.press(key);
    }
    throw new Error(`The arrow keys never reached ${id}`);
  }

  /** Reaches the rail's tabs by Tab and picks one with the arrow keys, as the tabs pattern has it. */
  async tabToTab(name: string): Promise<void> {
    await this.tabTo('[role="tab"][aria-selected="true"]');
    for (let i = 0; i < 10 && (await this.tab(name).getAttribute('aria-selected')) !== 'true'; i++)
      await this.page.keyboard.press('ArrowRight');
    await expect(this.tab(name)).toBeFocused();
  }

  /** The current step has shown what the run measured (with or without a reveal text). */
  get revealed(): Locator {
    return this.panel.locator('[data-revealed="true"]');
  }

  /** Steps simulated time with the "." shortcut until the step is revealed (the lesson holds time there). */
  async stepUntilReveal(limit = 40): Promise<void> {
    for (let i = 0; i < limit && !(await this.revealed.isVisible()); i++) {
      const before = await this.seconds();
      await this.page.keyboard.press('.');
      await expect.poll(() => this.seconds()).toBeGreaterThan(before);
    }
    await expect(this.revealed).toBeVisible();
  }
}
