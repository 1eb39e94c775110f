import type { Locator } from '@playwright/test';
import { createHash } from 'node:crypto';
import { expect, test } from '../fixtures';
import { largeDecision, OPTIONS } from '../large-decision';

/** A digest of what the canvas shows, pixel for pixel. */
const pixels = async (chart: Locator) =>
  createHash('sha256')
    .update(await chart.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL('image/png')))
    .digest('hex');

test('charts moved by a slider show exactly what charts drawn from scratch show for the same weights', async ({ app }) => {
  const { matrix, page } = app;
  await page.getByLabel('Import a decision (.json)').setInputFiles({
    name: 'chart-check.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(largeDecision())),
  });
  await expect(matrix.optionNames).toHaveCount(OPTIONS);
  await expect(page.getByTestId('chart-grouping-note')).toBeVisible();

  // Small steps, from the keyboard and with the mouse: each input redraws both charts.
  const slider = matrix.weightSlider('Criterion 2');
  const legend = page.getByTestId('contribution-legend');
  const barDraws = await matrix.chartDraws(matrix.contributionChart);
  const radarDraws = await matrix.chartDraws(matrix.profileChart);
  await slider.focus();
  for (let step = 0; step < 12; step++) await slider.press('ArrowRight');
  const chartedBefore = await legend.textContent();
  expect(chartedBefore).toContain('Criterion 4');

  // Criterion 4 (weight 61) dragged down to about 25, out of the 7 heaviest.
  const box = (await matrix.weightSlider('Criterion 4').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.61, y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) await page.mouse.move(box.x + box.width * (0.61 - (0.36 * step) / 12), y);
  // While the button is held the charts keep the criteria they draw one by one, so no segment
  // changes colour under the pointer; once it is let go, Criterion 5 takes Criterion 4's place.
  expect(Number(await matrix.weightSlider('Criterion 4').inputValue())).toBeLessThan(35);
  expect(await legend.textContent()).toBe(chartedBefore);
  await page.mouse.up();
  await expect(legend).toContainText('Criterion 5');
  await expect(legend).not.toContainText('Criterion 4');
  // Then exactly 31, from the keyboard.
  const criterion4 = matrix.weightSlider('Criterion 4');
  for (let value = Number(await criterion4.inputValue()); value !== 31; value += value < 31 ? 1 : -1) await criterion4.press(value < 31 ? 'ArrowRight' : 'ArrowLeft');
  await expect(criterion4).toHaveValue('31');

  // Criterion 5 weighing a little more brings Options 4 and 9 among the 6 leading options the radar
  // draws, in place of Options 3 and 8: the same spokes, other polygons in other colours.
  const profiled = page.getByTestId('profile-legend');
  await expect(profiled).toHaveText('Option 2Option 3Option 5Option 6Option 7Option 8');
  for (let step = 0; step < 7; step++) await matrix.weightSlider('Criterion 5').press('ArrowRight');
  await expect(profiled).toHaveText('Option 2Option 4Option 5Option 6Option 7Option 9');
  expect(await matrix.chartDraws(matrix.contributionChart)).toBeGreaterThanOrEqual(barDraws + 30);
  expect(await matrix.chartDraws(matrix.profileChart)).toBeGreaterThanOrEqual(radarDraws + 30);
  const weights = await Promise.all(['Criterion 2', 'Criterion 4', 'Criterion 5'].map((c) => matrix.weightSlider(c).inputValue()));
  const moved = { bar: await pixels(matrix.contributionChart), radar: await pixels(matrix.profileChart) };

  await matrix.saved();
  await page.reload();
  await matrix.ready();
  await page.getByRole('button', { name: /^Large check/ }).click();
  await expect(matrix.weightSlider('Criterion 2')).toHaveValue(weights[0]);
  await expect(matrix.weightSlider('Criterion 4')).toHaveValue(weights[1]);
  await expect(matrix.weightSlider('Criterion 5')).toHaveValue(weights[2]);
  expect(await pixels(matrix.contributionChart)).toBe(moved.bar);
  expect(await pixels(matrix.profileChart)).toBe(moved.radar);
});

test('the charts follow the system into dark mode and back, drawn exactly as charts made in that theme', async ({ app }) => {
  const { matrix, page } = app;
  const both = async () => ({ bar: await pixels(matrix.contributionChart), radar: await pixels(matrix.profileChart) });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await matrix.ready();
  const light = await both();

  // Switched while the app is open: the axes, grid and labels take the dark theme's colours.
  const barDraws = await matrix.chartDraws(matrix.contributionChart);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => matrix.chartDraws(matrix.contributionChart)).toBeGreaterThan(barDraws);
  const switched = await both();
  expect(switched.bar).not.toBe(light.bar);
  expect(switched.radar).not.toBe(light.radar);
  await page.reload();
  await matrix.ready();
  expect(await both()).toEqual(switched);

  // And back.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => (await both()).bar).toBe(light.bar);
  expect((await both()).radar).toBe(light.radar);
});
