import { expect, type Locator, type Page } from '@playwright/test';

/** Every selector the specs use lives here. */
export class MatrixPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await expect(this.page.locator('[data-app-ready="true"]')).toBeVisible();
  }

  async saved(): Promise<void> {
    await expect(this.page.locator('[data-save-state="saved"]')).toBeAttached();
  }

  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Decision title' }).first();
  }
  get optionNames(): Locator {
    return this.page.getByTestId('option-header').locator('.name');
  }
  get criterionNames(): Locator {
    return this.page.getByTestId('criterion-row').locator('.criterion-name .name');
  }
  get rankingNames(): Locator {
    return this.page.getByTestId('ranking-item').locator('.name');
  }
  get totals(): Locator {
    return this.page.getByTestId('option-total');
  }
  get contributionChart(): Locator {
    return this.page.getByTestId('contribution-chart');
  }
  get profileChart(): Locator {
    return this.page.getByTestId('profile-chart');
  }
  get missingScores(): Locator {
    return this.page.getByTestId('missing-scores');
  }
  get errorMessage(): Locator {
    return this.page.getByTestId('error-message');
  }
  get decisionItems(): Locator {
    return this.page.getByTestId('decision-item');
  }

  weightSlider(criterion: string): Locator {
    return this.page.getByRole('slider', { name: `Weight of ${criterion}`, exact: true });
  }
  weightShare(criterion: string): Locator {
    return this.page.getByTestId('criterion-row').filter({ has: this.weightSlider(criterion) }).getByTestId('weight-share');
  }
  /** The cell as shown (a button whose text is the score, or "–"; its name ends in the value, "…: 4 of 5" or "…: not scored"). */
  scoreCell(option: string, criterion: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${escapeRegExp(`Score of ${option} on ${criterion}`)}: `) });
  }
  /** The number field a cell turns into while it is edited. */
  scoreField(option: string, criterion: string): Locator {
    return this.page.getByRole('textbox', { name: `Score of ${option} on ${criterion}`, exact: true });
  }

  /** Counts (and dismisses) any alert/confirm dialog a page script opens: user text must never run. */
  countScriptDialogs(): () => number {
    let dialogs = 0;
    this.page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    return () => dialogs;
  }

  async leader(): Promise<string> {
    return (await this.rankingNames.first().textContent()) ?? '';
  }

  async chartDraws(chart: Locator): Promise<number> {
    // See DrawRecord in renderer/src/charts/chart-attachment.svelte.ts.
    return chart.evaluate((canvas) => (canvas as HTMLCanvasElement & { drawRecord?: { draws: number } }).drawRecord?.draws ?? 0);
  }

  async setWeight(criterion: string, weight: number): Promise<void> {
    await this.weightSlider(criterion).fill(String(weight));
  }

  async setWeights(weights: Record<string, number>): Promise<void> {
    for (const [criterion, weight] of Object.entries(weights)) await this.setWeight(criterion, weight);
  }

  async addOption(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'New option name' }).fill(name);
    await this.page.getByRole('button', { name: 'Add option' }).click();
    await expect(this.optionNames.last()).toHaveText(name);
  }

  async setScore(option: string, criterion: string, value: number | string): Promise<void> {
    await this.scoreCell(option, criterion).click();
    const field = this.scoreField(option, criterion);
    await field.fill(String(value));
    await field.press('Enter');
    await expect(field).toBeHidden();
  }

  async createDecision(title: string): Promise<void> {
    await this.page.getByLabel('New decision').fill(title);
    await this.page.getByRole('button', { name: 'Create', exact: true }).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
