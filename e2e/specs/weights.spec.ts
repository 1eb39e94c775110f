import { expect, test } from '../fixtures';

const RESEARCH = {
  'Ease of use': 30,
  'Dynamic vs static computation graphs': 30,
  'Ecosystem and tools': 10,
  'Deployment and production': 5,
  'Community and industry adoption': 15,
  'Performance and scalability': 10,
};
const PRODUCTION = {
  'Ease of use': 5,
  'Dynamic vs static computation graphs': 5,
  'Ecosystem and tools': 20,
  'Deployment and production': 35,
  'Community and industry adoption': 15,
  'Performance and scalability': 20,
};

test('the seeded decision shows both frameworks and the six dimensions', async ({ app }) => {
  const { matrix } = app;
  await expect(matrix.title).toHaveValue('PyTorch vs TensorFlow');
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(matrix.criterionNames).toHaveText(Object.keys(RESEARCH));
  await expect(matrix.rankingNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(matrix.contributionChart).toHaveAttribute('data-leader', 'PyTorch');
  // Both charts are images with a name for screen readers (the numbers are in the matrix and ranking).
  await expect(app.page.getByRole('img', { name: "Stacked bar chart of each option's weighted total split by criterion" })).toBeVisible();
  await expect(app.page.getByRole('img', { name: 'Radar chart of the points each option earns on each criterion' })).toBeVisible();
  // Ease of use weighs the most: 25 of the 100 points.
  await expect(app.page.getByTestId('outer-ring-note')).toHaveText('The outer ring is 25.0 points, the most any option can earn on one spoke.');
});

test('dragging the deployment weight up makes TensorFlow lead, live, and the weights survive a reload and a restart', async ({ app }) => {
  const { matrix, page } = app;
  const slider = matrix.weightSlider('Deployment and production');
  await expect(matrix.weightShare('Deployment and production')).toHaveText('10.0%');
  const totalsBefore = await matrix.totals.allTextContents();
  const barDraws = await matrix.chartDraws(matrix.contributionChart);
  const radarDraws = await matrix.chartDraws(matrix.profileChart);

  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.1, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(box.x + box.width * (0.1 + (0.9 * step) / 10), y);

  // Still holding the mouse button: totals, ranking and both charts have already followed.
  await expect(matrix.rankingNames.first()).toHaveText('TensorFlow');
  await expect(matrix.contributionChart).toHaveAttribute('data-leader', 'TensorFlow');
  expect(await matrix.totals.allTextContents()).not.toEqual(totalsBefore);
  expect(await matrix.chartDraws(matrix.contributionChart)).toBeGreaterThan(barDraws + 5);
  expect(await matrix.chartDraws(matrix.profileChart)).toBeGreaterThan(radarDraws);
  await page.mouse.up();

  const weight = await slider.inputValue();
  expect(Number(weight)).toBeGreaterThan(90);
  await matrix.saved();
  await page.reload();
  await matrix.ready();
  await expect(matrix.weightSlider('Deployment and production')).toHaveValue(weight);
  await expect(matrix.rankingNames.first()).toHaveText('TensorFlow');

  await app.restart();
  await expect(app.matrix.weightSlider('Deployment and production')).toHaveValue(weight);
  await expect(app.matrix.contributionChart).toHaveAttribute('data-leader', 'TensorFlow');
});

test('research-heavy weights rank PyTorch first; production-heavy weights rank TensorFlow first', async ({ app }) => {
  const { matrix } = app;
  await matrix.setWeights(PRODUCTION);
  await expect(matrix.rankingNames).toHaveText(['TensorFlow', 'PyTorch']);
  await expect(matrix.weightShare('Deployment and production')).toHaveText('35.0%');
  await matrix.setWeights(RESEARCH);
  await expect(matrix.rankingNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(matrix.contributionChart).toHaveAttribute('data-leader', 'PyTorch');
});

test('all weights at zero explain why nothing can be ranked', async ({ app }) => {
  const { matrix, page } = app;
  for (const criterion of Object.keys(RESEARCH)) await matrix.setWeight(criterion, 0);
  await expect(page.getByTestId('scoring-problem')).toHaveText(/All weights are zero/);
  await matrix.setWeight('Ease of use', 10);
  await expect(matrix.rankingNames.first()).toHaveText('PyTorch');
});

test('the article’s two weightings ship as scenarios, and the current weights can be kept as a new one', async ({ app }) => {
  const { matrix, page } = app;
  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('button', { name: 'Apply Large-scale production' }).click();
  await expect(matrix.rankingNames).toHaveText(['TensorFlow', 'PyTorch']);
  await expect(matrix.weightShare('Deployment and production')).toHaveText('35.0%');
  await scenarios.getByRole('button', { name: 'Apply Research and prototyping' }).click();
  await expect(matrix.rankingNames).toHaveText(['PyTorch', 'TensorFlow']);

  await matrix.setWeight('Community and industry adoption', 90);
  await scenarios.getByLabel('Scenario name').fill('Community first');
  await scenarios.getByRole('button', { name: 'Keep current weights' }).click();
  await expect(scenarios.locator('li .name')).toHaveText(['Research and prototyping', 'Large-scale production', 'Community first']);
  await page.reload();
  await matrix.ready();
  await expect(page.getByRole('region', { name: 'Scenarios' }).locator('li .name')).toHaveText(['Research and prototyping', 'Large-scale production', 'Community first']);
});
