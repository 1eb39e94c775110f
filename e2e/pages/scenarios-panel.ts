import type { Locator, Page } from '@playwright/test';

/** The Scenarios panel and its side-by-side comparison: every selector the scenarios spec uses. */
export class ScenariosPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Scenarios' });
  }
  get names(): Locator {
    return this.region.locator('li .name');
  }
  apply(name: string): Locator {
    return this.region.getByRole('button', { name: `Apply ${name}`, exact: true });
  }
  remove(name: string): Locator {
    return this.region.getByRole('button', { name: `Delete scenario ${name}`, exact: true });
  }
  get nameField(): Locator {
    return this.region.getByLabel('Scenario name');
  }
  get keep(): Locator {
    return this.region.getByRole('button', { name: 'Keep current weights' });
  }
  get restore(): Locator {
    return this.region.getByRole('button', { name: 'Bring back the weights before' });
  }
  get restoreNote(): Locator {
    return this.region.getByTestId('restore-weights');
  }
  get sameAsCurrent(): Locator {
    return this.region.getByTestId('same-as-current');
  }
  get comparisonHeaders(): Locator {
    return this.region.getByTestId('scenario-comparison').locator('thead th');
  }
  /** The cells of one option's row: current weights first, then each scenario. */
  comparisonCells(option: string): Locator {
    return this.region.getByTestId('comparison-row').filter({ has: this.page.getByRole('rowheader', { name: option, exact: true }) }).getByTestId('comparison-cell');
  }
  get confirm(): Locator {
    return this.page.getByRole('dialog', { name: 'Confirm' });
  }
}
