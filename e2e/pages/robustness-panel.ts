import { expect, type Locator, type Page } from '@playwright/test';

/** The "How robust is this?" panel: every selector the robustness spec uses. */
export class RobustnessPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('robustness-panel');
  }
  get headline(): Locator {
    return this.panel.getByTestId('robustness-headline');
  }
  get fragile(): Locator {
    return this.panel.getByTestId('robustness-fragile');
  }
  get leftOut(): Locator {
    return this.panel.getByTestId('robustness-left-out');
  }
  get problem(): Locator {
    return this.panel.getByTestId('robustness-problem');
  }
  /** One criterion's band: its name, current weight, the drawn winner interval and the sentence. */
  band(criterion: string): Locator {
    return this.panel.getByTestId('robustness-band').filter({ has: this.page.getByTestId('band-name').getByText(criterion, { exact: true }) });
  }
  bandText(criterion: string): Locator {
    return this.band(criterion).getByTestId('band-text');
  }
  bandWeight(criterion: string): Locator {
    return this.band(criterion).getByTestId('band-weight');
  }
  /** Where the drawn band starts and ends on its track, as percentages of the 0–100 % axis. */
  async bandEnds(criterion: string): Promise<{ from: number; to: number }> {
    return this.band(criterion)
      .getByTestId('band-winner')
      .evaluate((band: HTMLElement) => {
        const from = parseFloat(band.style.left);
        return { from, to: from + parseFloat(band.style.width) };
      });
  }
  get tornadoTexts(): Locator {
    return this.panel.getByTestId('tornado-text');
  }
  get mode(): Locator {
    return this.panel.getByTestId('acceptability-mode');
  }
  get within(): Locator {
    return this.panel.getByTestId('acceptability-within');
  }
  get status(): Locator {
    return this.panel.getByTestId('acceptability-status');
  }
  get table(): Locator {
    return this.panel.getByTestId('acceptability-table');
  }
  get rows(): Locator {
    return this.table.getByTestId('acceptability-row');
  }
  get centralWeights(): Locator {
    return this.panel.getByTestId('central-weights');
  }

  /** Waits until the acceptability shown was computed for the inputs on screen. */
  async acceptabilityDone(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(this.status).toHaveAttribute('data-current', 'true');
  }

  /** Each option's name and its shares by rank, as numbers (percent). */
  async acceptability(): Promise<{ option: string; shares: number[] }[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => ({
        option: row.querySelector('[data-testid="acceptability-option"]')!.textContent ?? '',
        shares: [...row.querySelectorAll('[data-testid="acceptability-share"]')].map((cell) => parseFloat(cell.textContent ?? '')),
      })),
    );
  }
}
