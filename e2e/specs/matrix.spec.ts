import { DIMENSIONS } from '../seeded-decision';
import { expect, test } from '../fixtures';
import { largeDecision } from '../large-decision';
import { docsScreenshot } from '../docs-pictures';


test('a new option (JAX) is flagged as missing scores until every cell is scored, then ranked', async ({ app }) => {
  const { matrix, page } = app;
  await matrix.addOption('JAX');
  await expect(matrix.missingScores).toContainText('JAX: 6 missing');
  await expect(page.getByTestId('option-rank').last()).toHaveText('—');

  const jaxScores = [3, 5, 3, 2, 3, 5];
  for (const [i, criterion] of DIMENSIONS.entries()) await matrix.setScore('JAX', criterion, jaxScores[i]);
  await matrix.saved();
  await expect(matrix.missingScores).toBeHidden();
  await expect(matrix.rankingNames).toContainText(['JAX']);
  await expect(page.getByTestId('option-rank').last()).not.toHaveText('—');
  await expect(matrix.contributionChart).toHaveAttribute('data-series', JSON.stringify(DIMENSIONS));

  await page.reload();
  await matrix.ready();
  await expect(matrix.scoreCell('JAX', 'Deployment and production')).toHaveText('2');
});

test('a score outside the scale is refused with a message and nothing changes', async ({ app }) => {
  const { matrix, page } = app;
  await matrix.setScore('PyTorch', 'Ease of use', 9);
  await expect(matrix.errorMessage).toHaveText('The score 9 on "Ease of use" is outside its scale 1–5.');
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveText('5');
  // What is on screen is what is stored: nothing waits to be saved.
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(matrix.errorMessage).toBeHidden();
  await page.reload();
  await matrix.ready();
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveText('5');
});

test('a score is edited from the keyboard, spreadsheet style: type over it, Enter keeps, Escape cancels, arrows move', async ({ app }) => {
  const { matrix, page } = app;
  const cell = matrix.scoreCell('TensorFlow', 'Ease of use');
  await expect(cell).toHaveText('3');
  await cell.focus();
  await page.keyboard.press('4');
  const field = matrix.scoreField('TensorFlow', 'Ease of use');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('4');
  await page.keyboard.press('Enter');
  await expect(field).toBeHidden();
  await expect(cell).toBeFocused();
  await expect(cell).toHaveText('4');
  await matrix.saved();

  // Escape leaves the stored score alone.
  await page.keyboard.press('F2');
  await expect(field).toHaveValue('4');
  await field.fill('1');
  await page.keyboard.press('Escape');
  await expect(cell).toHaveText('4');
  await expect(cell).toBeFocused();

  // Text that is not a number is refused with a message, and the score stays.
  await page.keyboard.press('Enter');
  await field.pressSequentially('e');
  await page.keyboard.press('Enter');
  await expect(matrix.errorMessage).toHaveText('The score of "TensorFlow" on "Ease of use": “e” is not a number.');
  await expect(cell).toHaveText('4');

  // A decimal comma is a decimal point (the browser's number field made "1,5" into 15, silently);
  // what could be read two ways is refused, quoting what was typed.
  await cell.focus();
  await page.keyboard.press('Enter');
  await field.fill('1,500');
  await page.keyboard.press('Enter');
  await expect(matrix.errorMessage).toHaveText('The score of "TensorFlow" on "Ease of use": “1,500” could be read two ways: type 1.500 or 1500.');
  await expect(cell).toHaveText('4');
  await cell.focus();
  await page.keyboard.press('1');
  await page.keyboard.press(',');
  await page.keyboard.press('5');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('1.5');
  await matrix.saved();

  // Arrow keys move between cells; there is no cell past the last column.
  await cell.focus();
  await page.keyboard.press('ArrowDown');
  await expect(matrix.scoreCell('TensorFlow', 'Dynamic vs static computation graphs')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(matrix.scoreCell('TensorFlow', 'Dynamic vs static computation graphs')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(matrix.scoreCell('PyTorch', 'Dynamic vs static computation graphs')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toBeFocused();

  await page.reload();
  await matrix.ready();
  await expect(matrix.scoreCell('TensorFlow', 'Ease of use')).toHaveText('1.5');
});

test('Delete or Backspace on a score cell clears the score (its rationale stays); Ctrl+Z brings it back', async ({ app }) => {
  const { matrix, page } = app;
  const cell = matrix.scoreCell('TensorFlow', 'Ease of use');
  await expect(cell).toHaveText('3');
  await cell.focus();
  await page.keyboard.press('Delete');
  await expect(cell).toHaveText('–');
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAccessibleName('Score of TensorFlow on Ease of use: not scored');
  await expect(matrix.missingScores).toContainText('TensorFlow: 1 missing');
  await matrix.saved();
  await page.keyboard.press('Control+z');
  await expect(cell).toHaveText('3');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveText('–');
  await matrix.saved();
  await page.reload();
  await matrix.ready();
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveText('–');
  await page.getByRole('button', { name: 'Rationale for PyTorch on Ease of use' }).click();
  await expect(page.getByRole('dialog').getByLabel('Rationale')).not.toHaveValue('');
});

test('after ▲ ▼ ◀ ▶ the focus stays on the moved item’s button, or its other one at an end', async ({ app }) => {
  const { matrix, page } = app;
  const down = page.getByRole('button', { name: 'Move Ease of use down' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(matrix.criterionNames.nth(1)).toHaveText('Ease of use');
  await expect(down).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(matrix.criterionNames.nth(2)).toHaveText('Ease of use');
  await expect(down).toBeFocused();
  const up = page.getByRole('button', { name: 'Move Ease of use up' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(matrix.criterionNames.nth(1)).toHaveText('Ease of use');
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  // At the top ▲ is disabled: the focus goes to ▼, on the same criterion.
  await expect(matrix.criterionNames.first()).toHaveText('Ease of use');
  await expect(up).toBeDisabled();
  await expect(down).toBeFocused();

  const right = page.getByRole('button', { name: 'Move PyTorch right' });
  await right.focus();
  await page.keyboard.press('Enter');
  await expect(matrix.optionNames).toHaveText(['TensorFlow', 'PyTorch']);
  await expect(page.getByRole('button', { name: 'Move PyTorch left' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(right).toBeFocused();
});

test('a rationale and source are edited in the score dialog and kept', async ({ app }) => {
  const { matrix, page } = app;
  await page.getByRole('button', { name: 'Rationale for TensorFlow on Ease of use' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Rationale')).toHaveValue(/eager execution/);
  await dialog.getByLabel('Rationale').fill('Keras makes the first model easy; custom training loops less so.');
  await dialog.getByLabel('Source').fill('Team spike, week 3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await matrix.ready();
  await page.getByRole('button', { name: 'Rationale for TensorFlow on Ease of use' }).click();
  await expect(page.getByRole('dialog').getByLabel('Rationale')).toHaveValue('Keras makes the first model easy; custom training loops less so.');
  await expect(page.getByRole('dialog').getByLabel('Source')).toHaveValue('Team spike, week 3');
});

test('options and criteria can be renamed, reordered and removed', async ({ app }) => {
  const { matrix, page } = app;
  await page.getByRole('button', { name: 'Move TensorFlow left' }).click();
  await expect(matrix.optionNames).toHaveText(['TensorFlow', 'PyTorch']);
  await page.getByRole('button', { name: 'Move Performance and scalability up' }).click();
  await expect(matrix.criterionNames.nth(4)).toHaveText('Performance and scalability');

  await page.getByTestId('option-header').first().getByRole('button', { name: 'Rename TensorFlow' }).click();
  const field = page.getByRole('textbox', { name: 'Option name', exact: true });
  await field.fill('TensorFlow 2');
  await field.press('Enter');
  await expect(matrix.optionNames.first()).toHaveText('TensorFlow 2');

  await page.getByRole('button', { name: 'Remove Ease of use' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(matrix.criterionNames).toHaveCount(5);
  await matrix.saved();
  await page.reload();
  await matrix.ready();
  await expect(matrix.optionNames).toHaveText(['TensorFlow 2', 'PyTorch']);
  await expect(matrix.criterionNames).toHaveCount(5);
});

test('user text is shown as text, never run', async ({ app }) => {
  const { matrix, page } = app;
  const scriptDialogs = matrix.countScriptDialogs();
  const hostile = '<img src=x onerror=alert(1)>';
  await matrix.addOption(hostile);
  await expect(matrix.optionNames.last()).toHaveText(hostile);
  await matrix.setScore(hostile, 'Ease of use', 2);
  await expect(page.getByTestId('missing-scores')).toContainText(hostile);
  await expect(page.locator('img')).toHaveCount(0);
  expect(scriptDialogs()).toBe(0);
});

test('a name typed while the previous add is still being saved is kept, not wiped', async ({ app }) => {
  const { matrix, page } = app;
  const box = page.getByRole('textbox', { name: 'New criterion name' });
  // Hold the first save back until the next name has been typed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    '**/api/addCriterion',
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  await box.fill('Latency');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await box.fill('Operations');
  release();
  await expect(matrix.criterionNames.last()).toHaveText('Latency');
  await matrix.saved();
  await expect(box).toHaveValue('Operations');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(matrix.criterionNames.last()).toHaveText('Operations');
  await expect(box).toHaveValue('');
});

test('decisions can be created, renamed, duplicated and deleted (with confirmation)', async ({ app }) => {
  const { matrix, page } = app;
  await matrix.createDecision('Which message queue?');
  await expect(matrix.title).toHaveValue('Which message queue?');
  await expect(matrix.decisionItems).toHaveCount(2);
  await expect(matrix.decisionItems.first()).toContainText('0 options · 0 criteria');
  // The list follows the open decision as it grows.
  await matrix.addOption('Kafka');
  await page.getByRole('textbox', { name: 'New criterion name' }).fill('Throughput');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(matrix.decisionItems.first()).toContainText('1 option · 1 criterion');
  await matrix.addOption('RabbitMQ');
  await expect(matrix.decisionItems.first()).toContainText('2 options · 1 criterion');
  // One spoke draws a line, not a profile: the radar says what it needs instead.
  await expect(page.getByTestId('profile-needs-criteria')).toHaveText('A profile needs at least 3 criteria; add 2 more to draw it.');
  await expect(matrix.profileChart).toHaveCount(0);
  for (const name of ['Latency', 'Operations']) {
    await page.getByRole('textbox', { name: 'New criterion name' }).fill(name);
    await page.getByRole('button', { name: 'Add criterion' }).click();
  }
  await expect(matrix.profileChart).toBeVisible();
  await expect(page.getByTestId('profile-needs-criteria')).toHaveCount(0);

  await matrix.title.fill('Which queue: Kafka or RabbitMQ?');
  await matrix.title.press('Enter');
  await expect(matrix.decisionItems.first()).toContainText('Which queue: Kafka or RabbitMQ?');

  await page.getByRole('button', { name: 'Duplicate PyTorch vs TensorFlow' }).click();
  await expect(matrix.title).toHaveValue('PyTorch vs TensorFlow (copy)');
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(matrix.decisionItems).toHaveCount(3);

  await page.getByRole('button', { name: 'Delete PyTorch vs TensorFlow (copy)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(matrix.decisionItems).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete PyTorch vs TensorFlow (copy)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(matrix.decisionItems).toHaveCount(2);
});

test('the seeded decision as the README shows it: ranking, both charts, nothing waiting to be saved', async ({ app }) => {
  await app.matrix.saved();
  await expect(app.matrix.rankingNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(app.matrix.contributionChart).toBeVisible();
  await expect(app.matrix.profileChart).toBeVisible();
  await docsScreenshot(app.page, 'screenshot');
});

test('on a matrix taller and wider than the window the keyboard reaches every score cell, and nothing moves on the way', async ({ app }) => {
  const { matrix, page } = app;
  // Taller and wider than the window.
  const OPTIONS = 12;
  const CRITERIA = 40;
  await page.getByLabel('Import a decision (.json)').setInputFiles({
    name: 'large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(largeDecision(OPTIONS, CRITERIA))),
  });
  await expect(matrix.optionNames).toHaveCount(OPTIONS);
  const cells = page.locator('.score-cell');
  await expect(cells).toHaveCount(OPTIONS * CRITERIA);
  // Where each cell sits in the table.
  const places = () =>
    cells.evaluateAll((all) => {
      const table = all[0].closest('table')!.getBoundingClientRect();
      return all.map((cell) => {
        const box = cell.getBoundingClientRect();
        return [box.left - table.left, box.top - table.top, box.width, box.height].map(Math.round).join(' ');
      });
    });
  const before = await places();

  // Along the first row and down the last column with the arrow keys, to cells out of view.
  await matrix.scoreCell('Option 1', 'Criterion 1').focus();
  for (let step = 1; step < OPTIONS; step++) await page.keyboard.press('ArrowRight');
  for (let step = 1; step < CRITERIA; step++) await page.keyboard.press('ArrowDown');
  const last = matrix.scoreCell(`Option ${OPTIONS}`, `Criterion ${CRITERIA}`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: `Score of Option ${OPTIONS} on Criterion ${CRITERIA}`, exact: true })).toBeFocused();
  await page.keyboard.press('Escape');

  // Scrolling to them moved no cell within the table.
  expect(await places()).toEqual(before);
});


test('in a laptop-sized window a wide matrix scrolls inside its box, and the page never scrolls sideways', async ({ app }) => {
  const { matrix, page } = app;
  const overflow = () =>
    page.evaluate(() => {
      const doc = document.scrollingElement!;
      const box = document.querySelector('.matrix-scroll')!;
      return { page: doc.scrollWidth - doc.clientWidth, matrix: box.scrollWidth - box.clientWidth };
    });
  // 1280 px wide, results beside the matrix: both frameworks' scores in view, nothing to scroll.
  await page.setViewportSize({ width: 1280, height: 800 });
  // (Polled: the charts take their new width a frame after the window's.)
  await expect.poll(overflow).toEqual({ page: 0, matrix: 0 });
  await expect(matrix.scoreCell('TensorFlow', 'Ease of use')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('region', { name: 'Results' })).toBeInViewport();

  await page.setViewportSize({ width: 1024, height: 700 });
  // The seeded decision fits, its header included.
  await expect.poll(async () => (await overflow()).page).toBe(0);
  await expect(page.getByTestId('save-state')).toBeInViewport({ ratio: 1 });

  await page.getByLabel('Import a decision (.json)').setInputFiles({
    name: 'wide.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(largeDecision(12, 6))),
  });
  await expect(matrix.optionNames).toHaveCount(12);
  await expect.poll(async () => (await overflow()).page).toBe(0);
  const wide = await overflow();
  expect(wide.page).toBe(0);
  expect(wide.matrix).toBeGreaterThan(500);
  await expect(page.getByTestId('save-state')).toBeInViewport({ ratio: 1 });
  // The last option is reached by scrolling the matrix.
  const last = matrix.scoreCell('Option 12', 'Criterion 1');
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
});

test('the results column grows with what it shows: the ranking, the charts and the robustness panel never overlap, and a long score ends in an ellipsis', async ({ app }) => {
  const { matrix, page } = app;
  const boxes = () =>
    page.evaluate(() =>
      ['.results', '.scenarios', '.charts', '.robustness'].map((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return { top: Math.round(box.top), bottom: Math.round(box.bottom) };
      }),
    );
  const inOrder = (list: { top: number; bottom: number }[]) => list.every((box, i) => i === 0 || box.top >= list[i - 1].bottom);
  await expect(page.getByTestId('robustness-headline')).toBeVisible();
  expect(inOrder(await boxes())).toBe(true);
  // The ranking's box takes the explanation opened below it, and pushes the rest down.
  const before = await boxes();
  await page.getByText('How totals are computed').click();
  await expect.poll(async () => (await boxes())[0].bottom).toBeGreaterThan(before[0].bottom + 20);
  expect(inOrder(await boxes())).toBe(true);
  // A third option adds a row to the ranking and to the bar chart.
  await matrix.addOption('JAX');
  await expect(matrix.rankingNames).toHaveCount(3);
  expect(inOrder(await boxes())).toBe(true);

  // A score too long for its cell ends in an ellipsis; a short one is shown whole.
  await matrix.setScore('PyTorch', 'Ease of use', '4.123456789');
  await matrix.saved();
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveText('4.123456789');
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button.score-value')].map((b) => ({ text: b.textContent, cut: b.scrollWidth > b.clientWidth && getComputedStyle(b).textOverflow === 'ellipsis' })),
  );
  expect(clipped.find((c) => c.text === '4.123456789')?.cut).toBe(true);
  expect(clipped.filter((c) => c.text !== '4.123456789').every((c) => !c.cut)).toBe(true);
});
