import { expect, type Locator, type Page } from '@playwright/test';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The weighting method picker and each method's editor: every selector the weighting specs use. */
export class WeightingPage {
  constructor(readonly page: Page) {}

  get method(): Locator {
    return this.page.getByRole('combobox', { name: 'How are the weights set?' });
  }
  async choose(method: 'Direct weights' | '100 points' | 'Rank order' | 'Swing weighting' | 'AHP pairwise comparison'): Promise<void> {
    await this.method.selectOption({ label: method });
    await expect(this.panel.getByRole('heading')).toContainText(method);
  }
  get panel(): Locator {
    return this.page.getByTestId('weighting-panel');
  }
  /** "Weights: Rank order (rank-order centroid)" in the results panel. */
  get resultsWeighting(): Locator {
    return this.page.getByTestId('results-weighting');
  }
  /** The weight (share) a criterion gets, in the weight column, whatever the method. */
  share(criterion: string): Locator {
    return this.page
      .getByTestId('criterion-row')
      .filter({ has: this.page.locator('.criterion-name .name').getByText(criterion, { exact: true }) })
      .getByTestId('weight-share');
  }

  // 100 points
  points(criterion: string): Locator {
    return this.page.getByRole('textbox', { name: `Points for ${criterion}`, exact: true });
  }
  get pointsLeft(): Locator {
    return this.page.getByTestId('points-left');
  }

  // Rank order
  get rankNames(): Locator {
    return this.page.getByTestId('rank-item').locator('.name');
  }
  rankItem(criterion: string): Locator {
    return this.page.getByTestId('rank-item').filter({ has: this.page.locator('.name').getByText(criterion, { exact: true }) });
  }
  get rule(): Locator {
    return this.panel.getByRole('combobox', { name: 'Rule' });
  }
  moveUp(criterion: string): Locator {
    return this.page.getByRole('button', { name: `Move ${criterion} up the ranking`, exact: true });
  }
  moveDown(criterion: string): Locator {
    return this.page.getByRole('button', { name: `Move ${criterion} down the ranking`, exact: true });
  }
  tiedAbove(criterion: string): Locator {
    return this.page.getByRole('checkbox', { name: `${criterion} tied with the one above`, exact: true });
  }

  // Swing
  swing(criterion: string): Locator {
    return this.page.getByRole('slider', { name: `Swing of ${criterion}, worst to best`, exact: true });
  }
  swingItem(criterion: string): Locator {
    return this.page.getByTestId('swing-item').filter({ has: this.swing(criterion) });
  }

  // AHP
  /** The pair of two criteria, whichever way round the page lists them. */
  pair(a: string, b: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^(${escape(a)} or ${escape(b)}|${escape(b)} or ${escape(a)})\\?$`) });
  }
  async judge(more: string, less: string, ratio: number): Promise<void> {
    const pair = this.pair(more, less);
    if (ratio !== 1) await pair.getByRole('radio', { name: more, exact: true }).check();
    await pair.getByRole('combobox').selectOption(String(ratio));
  }
  get judged(): Locator {
    return this.page.getByTestId('ahp-judged');
  }
  get consistencyRatio(): Locator {
    return this.page.getByTestId('consistency-ratio');
  }
  /** The alert shown when the consistency ratio is above 0.10. */
  get inconsistent(): Locator {
    return this.page.getByTestId('ahp-inconsistent');
  }
  get ahpProblem(): Locator {
    return this.page.getByTestId('ahp-problem');
  }
  /** The pair highlighted for reconsidering. */
  get reconsidered(): Locator {
    return this.page.getByTestId('ahp-pair').filter({ has: this.page.getByTestId('reconsider') });
  }
}
