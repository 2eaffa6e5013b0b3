// A page object for the lab: the words a user sees, so specs read like what a user does.
import { expect, type Locator, type Page } from '@playwright/test';

export class LabPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.node('app-1')).toBeVisible();
    await expect(this.simTime).toHaveText('t = 0.0 s');
  }

  /** Opens the lab on the data-system scenario (Setup tab → Scenario), at t = 0. */
  async openDataSystem(): Promise<void> {
    await this.open();
    const scenario = this.page.getByLabel('Scenario');
    if (!(await scenario.isVisible())) await this.openTab('Setup');
    await scenario.selectOption('data-system');
    await expect(this.node('cache-1')).toBeVisible();
    await expect(this.simTime).toHaveText('t = 0.0 s');
  }

  get simTime(): Locator {
    return this.page.getByTestId('sim-time');
  }

  async seconds(): Promise<number> {
    return Number.parseFloat(((await this.simTime.textContent()) ?? '').replace('t = ', ''));
  }

  /** Advances simulated time by clicking Step (one simulated second each). */
  async step(times: number): Promise<void> {
    const step = this.page.getByRole('button', { name: 'Step' });
    for (let i = 0; i < times; i++) {
      const before = await this.seconds();
      await step.click();
      await expect.poll(() => this.seconds()).toBeGreaterThanOrEqual(before + 1);
    }
  }

  node(id: string): Locator {
    return this.page.locator(`[data-node-id="${id}"]`);
  }

  /** Opens a node's menu with the keyboard and picks the item `down` presses below the first. */
  async actByKeyboard(nodeId: string, item: string, down: number): Promise<void> {
    await this.node(nodeId).focus();
    await this.page.keyboard.press('Enter');
    for (let i = 0; i < down; i++) await this.page.keyboard.press('ArrowDown');
    await expect(this.page.getByRole('menuitem', { name: item, exact: true })).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  link(id: string): Locator {
    return this.page.locator(`[data-link-id="${id}"]`);
  }

  metric(name: string): Locator {
    return this.page.locator(`[data-metric="${name}"]`);
  }

  async metricValue(name: string): Promise<number> {
    return Number.parseFloat(((await this.metric(name).textContent()) ?? '').replace(/,/g, ''));
  }

  /** The rail's tabs: Faults, Load, Policy, Charts, Log, Inspector, Setup. */
  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** Shows one of the rail's tabs (only the shown tab's panel is drawn). */
  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Opens a node's or link's action menu by mouse and picks an item. */
  async act(target: Locator, item: string): Promise<void> {
    await target.click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }
}
