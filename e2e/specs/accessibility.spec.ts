import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, target, test } from '../fixtures';

/** What axe-core finds serious or critical on the page as it is now, one line per rule (empty when none). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join('; ')}`);
}

async function expectAccessible(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
}

/** A participant's phone on the round's join address, in the same colour scheme. */
async function participant(browser: Browser, joinUrl: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
  const p = await phone.newPage();
  await p.goto(joinUrl);
  return p;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious or critical in the ${colorScheme} theme: the app with its dialogs, a workshop round, the presenter view, the participant page and the report`, async ({ app, browser }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme });
    const workshop = page.getByRole('region', { name: 'Workshop' });
    await expect(workshop).toBeVisible();
    // An option not yet scored: its cells show "–" and say "not scored".
    await app.matrix.addOption('JAX');
    await expect(app.matrix.scoreCell('JAX', 'Ease of use')).toHaveAccessibleName('Score of JAX on Ease of use: not scored');
    // The page as it settles: the rank acceptability redrawn for the new option.
    await expect(page.getByTestId('acceptability-table')).toBeVisible();
    await expect(page.locator('.acceptability-scroll.stale')).toHaveCount(0);
    // The decision list and the editor with its matrix, ranking, scenarios, charts and robustness.
    await expectAccessible(page, 'the app');

    await page.getByRole('button', { name: 'Rationale for PyTorch on Ease of use' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'the score dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Edit Ease of use' }).click();
    await expect(page.getByRole('dialog', { name: 'Edit criterion' })).toBeVisible();
    await expectAccessible(page, 'the criterion dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Remove PyTorch' }).click();
    await expect(page.getByRole('dialog', { name: 'Confirm' })).toBeVisible();
    await expectAccessible(page, 'the confirm dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // A workshop round: the join code in the app, and the participant page from joining to sent; people score the options on one criterion too.
    await workshop.getByRole('group', { name: /People also score the options on/ }).getByLabel('Ease of use', { exact: true }).check();
    await expectAccessible(page, 'the app, starting a round with scores');
    await workshop.getByRole('button', { name: 'Start a round' }).click();
    await expect(workshop.getByTestId('join-url')).toHaveText(/join\?code=/);
    await expectAccessible(page, 'the app with a round open');
    // The presenter view for the projector: the join screen.
    const presenterView = async (where: string) => {
      await workshop.getByRole('button', { name: 'Presenter view' }).click();
      await expect(page.getByRole('dialog', { name: 'Presenter view' })).toBeVisible();
      await expectAccessible(page, where);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Presenter view' })).toHaveCount(0);
    };
    await presenterView('the presenter view, joining');
    const p = await participant(browser, (await workshop.getByTestId('join-url').textContent())!, colorScheme);
    await expect(p.getByRole('button', { name: 'Join' })).toBeVisible();
    await expectAccessible(p, 'the participant page, joining');
    await p.getByLabel('Your name').fill('Rosa');
    await p.getByRole('button', { name: 'Join' }).click();
    await expect(p.getByRole('button', { name: 'Send my weights and scores' })).toBeVisible();
    await p.getByLabel('Score of PyTorch on Ease of use').fill('4');
    await p.getByLabel('Why PyTorch scores so on Ease of use (optional)').fill('Plain Python');
    await expectAccessible(p, 'the participant page, weighing and scoring');
    await p.getByRole('button', { name: 'Send my weights and scores' }).click();
    await expect(p.getByText(/^Sent. You can change/)).toBeVisible();
    await expectAccessible(p, 'the participant page, sent');
    await workshop.getByRole('button', { name: 'Reveal' }).click();
    await expect(workshop.getByTestId('heatmap')).toBeVisible();
    await expect(workshop.getByTestId('score-grid')).toBeVisible();
    await expectAccessible(page, 'the app with a revealed round and its group scores');
    await presenterView('the presenter view, revealed');
    await expect(p.getByText('The facilitator has revealed the result.')).toBeVisible({ timeout: 10_000 });
    await expectAccessible(p, 'the participant page, revealed');
    await p.context().close();

    // The report page (what the PDF prints), served by the browser host; the desktop app prints the same page.
    if (target === 'electron') return;
    await page.goto(`${new URL(page.url()).origin}/report.html?decision=1`);
    await expect(page.locator('html[data-report-ready="true"]')).toBeAttached();
    await expectAccessible(page, 'the report page');
  });
}

test('focus goes back to the control that opened a dialog when it closes', async ({ app }) => {
  const { page, matrix } = app;
  const focused = (control: Locator) => expect(control).toBeFocused();

  // The rationale dialog, closed by Escape, by Cancel and by Save.
  const rationale = page.getByRole('button', { name: 'Rationale for PyTorch on Ease of use' });
  await rationale.click();
  await page.keyboard.press('Escape');
  await focused(rationale);
  await rationale.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await focused(rationale);
  await rationale.press('Enter');
  await page.getByRole('dialog').getByLabel('Rationale').fill('Keras-like, but Pythonic.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await focused(rationale);
  await expect(rationale).toHaveAttribute('title', 'Keras-like, but Pythonic.');

  // The criterion dialog, saved with a new name: its Edit button (renamed with it) has focus again.
  await page.getByRole('button', { name: 'Edit Ease of use' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Ease of learning');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await focused(page.getByRole('button', { name: 'Edit Ease of learning' }));

  // The confirm dialog: Cancel goes back to Remove; a confirmed removal, whose button has gone, to the new-option field.
  const remove = page.getByRole('button', { name: 'Remove TensorFlow' });
  await remove.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await focused(remove);
  await remove.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(matrix.optionNames).toHaveText(['PyTorch']);
  await focused(page.getByRole('textbox', { name: 'New option name' }));

  // Deleting the decision: its Delete button goes with it, so focus goes to the new-decision field.
  await page.getByRole('button', { name: 'Delete PyTorch vs TensorFlow' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(matrix.decisionItems).toHaveCount(0);
  await focused(page.getByLabel('New decision'));
});

/** Presses Tab (Shift+Tab backwards) until the control has focus: how a keyboard user reaches it. */
async function tabTo(page: Page, control: Locator, backwards = false) {
  for (let presses = 0; presses < 400; presses++) {
    if (await control.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${control}`);
}

test('by keyboard alone: create a decision, add an option and a criterion, score, weigh and export it', async ({ app, dataDir }) => {
  const { page, matrix } = app;
  const { keyboard } = page;
  await page.locator('body').focus();

  await tabTo(page, page.getByLabel('New decision'));
  await keyboard.type('Which queue?');
  await keyboard.press('Enter');
  await expect(matrix.title).toHaveValue('Which queue?');

  await tabTo(page, page.getByRole('textbox', { name: 'New option name' }));
  await keyboard.type('Kafka');
  await keyboard.press('Enter');
  await expect(matrix.optionNames).toHaveText(['Kafka']);
  await tabTo(page, page.getByRole('textbox', { name: 'New criterion name' }));
  await keyboard.type('Throughput');
  await keyboard.press('Enter');
  await expect(matrix.criterionNames).toHaveText(['Throughput']);
  await keyboard.type('Latency');
  await keyboard.press('Enter');
  await expect(matrix.criterionNames).toHaveText(['Throughput', 'Latency']);

  // Score both cells: Enter opens the first, the arrow key moves down to the next, typing a number replaces it.
  const cell = matrix.scoreCell('Kafka', 'Throughput');
  await tabTo(page, cell);
  await keyboard.press('Enter');
  await keyboard.type('4');
  await keyboard.press('Enter');
  await expect(cell).toHaveAccessibleName(/^Score of Kafka on Throughput: 4 of \d+$/);
  await expect(cell).toBeFocused();
  await keyboard.press('ArrowDown');
  await expect(matrix.scoreCell('Kafka', 'Latency')).toBeFocused();
  await keyboard.type('2');
  await keyboard.press('Enter');
  await expect(matrix.scoreCell('Kafka', 'Latency')).toHaveAccessibleName(/: 2 of \d+$/);

  // Weigh: Latency's slider, moved by arrow keys, changes both criteria's shares.
  const shareBefore = await matrix.weightShare('Throughput').textContent();
  await tabTo(page, matrix.weightSlider('Latency'), true);
  for (let i = 0; i < 10; i++) await keyboard.press('ArrowRight');
  await expect(matrix.weightShare('Throughput')).not.toHaveText(shareBefore!);
  await matrix.saved();
  const latency = await matrix.weightSlider('Latency').inputValue();

  // Export the decision record (Markdown) with Enter on its button.
  await tabTo(page, page.getByRole('button', { name: 'Markdown', exact: true }), true);
  const downloading = page.waitForEvent('download');
  await keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Which queue.md');
  const file = join(dataDir, 'keyboard.md');
  await download.saveAs(file);
  const record = readFileSync(file, 'utf8');
  for (const text of ['Which queue?', 'Kafka', 'Throughput', 'Latency']) expect(record).toContain(text);

  // What the keyboard did was stored.
  await page.reload();
  await matrix.ready();
  await expect(matrix.weightSlider('Latency')).toHaveValue(latency);
  await expect(matrix.scoreCell('Kafka', 'Throughput')).toHaveAccessibleName(/: 4 of \d+$/);
});
