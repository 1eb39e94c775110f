import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, target, test } from '../fixtures';
import { RobustnessPanel } from '../pages/robustness-panel';
import { pdfText } from '../pdf-text';
import { DIMENSIONS } from '../seeded-decision';

const DEPLOYMENT = 'Deployment and production';
const SEEDED_HEADLINE = 'PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then TensorFlow leads)';
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Shares shown with one decimal add up to 100 exactly (in tenths). */
const tenths = (shares: number[]) => Math.round(shares.reduce((a, b) => a + b, 0) * 10);

test('the seeded decision says how robust it is, and a drag past the flip point changes the headline, the band and the ranking together', async ({ app }) => {
  const { matrix, page } = app;
  const robustness = new RobustnessPanel(page);
  // Tall enough to see the slider and the Deployment band at once (the bands follow the weights
  // while they are on screen, and catch up as they come into view).
  if (app.electron) await app.electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].setContentSize(1440, 2600));
  else await page.setViewportSize({ width: 1440, height: 2600 });
  await expect(robustness.band(DEPLOYMENT)).toBeInViewport();
  await expect(matrix.weightSlider(DEPLOYMENT)).toBeInViewport();
  await expect(robustness.headline).toHaveText(SEEDED_HEADLINE);
  await expect(robustness.fragile).toHaveAttribute('data-fragile', 'false');
  await expect(robustness.fragile).toContainText('A leader is fragile when it leads by under 2 points of 100, or some weight is within 5 points of where another option would lead.');
  await expect(robustness.bandWeight(DEPLOYMENT)).toHaveText('now 10 %');
  await expect(robustness.bandText(DEPLOYMENT)).toHaveText('PyTorch first from 0 % to 18.2 %; above 18.2 % TensorFlow leads.');
  expect(await robustness.bandEnds(DEPLOYMENT)).toEqual({ from: 0, to: expect.closeTo(100 * (2 / 11), 3) });
  await expect(robustness.band(DEPLOYMENT)).toContainText('above 18.2 %: TensorFlow');
  await expect(robustness.tornadoTexts.first()).toHaveText('at 0 %: −10 points · at 50 %: +20 points');

  // Drag the deployment slider from 10 to past 20 (18.2 % of the total weight is 20 of 110).
  const slider = matrix.weightSlider(DEPLOYMENT);
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.1, y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) await page.mouse.move(box.x + box.width * (0.1 + (0.25 * step) / 8), y);
  // Still holding the button: everything has followed already.
  const weight = Number(await slider.inputValue());
  expect(weight).toBeGreaterThan(20);
  await expect(matrix.rankingNames.first()).toHaveText('TensorFlow');
  await expect(robustness.headline).toHaveText(/^TensorFlow stays first unless /);
  await expect(robustness.bandText(DEPLOYMENT)).toHaveText(/^TensorFlow first from 18\.2 % to 100 %; below 18\.2 % PyTorch leads/);
  await expect(robustness.bandWeight(DEPLOYMENT)).toHaveText(`now ${Math.round((1000 * weight) / (90 + weight)) / 10} %`);
  expect(await robustness.bandEnds(DEPLOYMENT)).toEqual({ from: expect.closeTo(100 * (2 / 11), 3), to: 100 });
  await page.mouse.up();

  // Back to 15 of 105: PyTorch again, but close to two flip points. Ease of use (25 of 105,
  // 23.8 %) flips below 20 %, 3.8 points away; deployment (14.3 %) above 18.2 %, 3.9 away.
  await slider.fill('15');
  await expect(matrix.rankingNames.first()).toHaveText('PyTorch');
  await expect(robustness.headline).toHaveText('PyTorch stays first unless Ease of use falls from 23.8 % to below 20 % (then TensorFlow leads)');
  await expect(robustness.fragile).toHaveAttribute('data-fragile', 'true');
  await expect(robustness.fragile.getByRole('listitem')).toHaveText([
    'Ease of use is 3.8 points from 20 %, where TensorFlow would lead (within 5).',
    'Deployment and production is 3.9 points from 18.2 %, where TensorFlow would lead (within 5).',
  ]);
});

test('bands off screen while a weight moves catch up as they come into view; the headline follows at once', async ({ app }) => {
  const { matrix, page } = app;
  const robustness = new RobustnessPanel(page);
  await matrix.setWeight(DEPLOYMENT, 30);
  await expect(robustness.headline).toHaveText(/^TensorFlow stays first unless /);
  await robustness.band(DEPLOYMENT).scrollIntoViewIfNeeded();
  await expect(robustness.bandText(DEPLOYMENT)).toHaveText(/^TensorFlow first from 18\.2 % to 100 %/);
  await expect(robustness.bandWeight(DEPLOYMENT)).toHaveText('now 25 %');
});

test('rank acceptability runs in a worker, each option’s shares add up to 100 %, and the modes recompute', async ({ app }) => {
  const { page } = app;
  const robustness = new RobustnessPanel(page);
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.reload();
  await app.matrix.ready();
  await robustness.acceptabilityDone();
  // The worker is the app's own asset: the CSP's script-src 'self' lets it start.
  expect(refused).toEqual([]);
  await expect(robustness.status).toContainText('10,000 weight vectors drawn (uniform), seed 1; Monte Carlo error at most ± 0.9 points (95 %).');
  const uniform = await robustness.acceptability();
  expect(uniform.map((row) => row.option)).toEqual(['PyTorch', 'TensorFlow']);
  for (const row of uniform) expect(tenths(row.shares)).toBe(1000);
  // Each rank's shares add up to 100 % too (two options: each column).
  expect(tenths(uniform.map((row) => row.shares[0]))).toBe(1000);

  // A slider move leaves uniform draws as they are: they ignore the weights.
  await app.matrix.setWeight(DEPLOYMENT, 40);
  await expect(robustness.status).toHaveAttribute('data-status', 'done');
  expect(await robustness.acceptability()).toEqual(uniform);

  await robustness.mode.selectOption('ordinal');
  await robustness.acceptabilityDone();
  await expect(robustness.status).toContainText('(ordinal), seed 1');
  const ordinal = await robustness.acceptability();
  for (const row of ordinal) expect(tenths(row.shares)).toBe(1000);
  expect(ordinal).not.toEqual(uniform);

  await robustness.mode.selectOption('interval');
  await expect(robustness.within).toHaveValue('5');
  await robustness.acceptabilityDone();
  await expect(robustness.status).toContainText('(interval, ± 5 points), seed 1');
  await robustness.within.fill('20');
  await robustness.within.press('Enter');
  await robustness.acceptabilityDone();
  await expect(robustness.status).toContainText('(interval, ± 20 points), seed 1');
  // A P that is not a whole number of points from 1 to 100 is refused in words; the table keeps ± 20.
  for (const typed of ['200', '0.5']) {
    await robustness.within.fill(typed);
    await robustness.within.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'P must be' })).toHaveText(`P must be a whole number of points from 1 to 100 (not “${typed}”); the table still uses ± 20 points.`);
    await expect(robustness.within).toHaveAttribute('aria-invalid', 'true');
    await expect(robustness.status).toContainText('(interval, ± 20 points), seed 1');
  }
  await robustness.within.fill('20');
  await robustness.within.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'P must be' })).toHaveCount(0);
  for (const row of await robustness.acceptability()) expect(tenths(row.shares)).toBe(1000);

  // Interval draws centre on the weights: moving one is a new run once the slider rests.
  await app.matrix.setWeight(DEPLOYMENT, 5);
  await expect(robustness.status).toHaveAttribute('data-current', 'false');
  await robustness.acceptabilityDone();

  await robustness.centralWeights.getByText('Central weights').click();
  await expect(robustness.centralWeights.getByRole('row')).toHaveCount(1 + DIMENSIONS.length);
});

test('an option with missing scores is named as left out, as typed, and a decision with one complete option says why there is nothing to analyse', async ({ app }) => {
  const { matrix, page } = app;
  const robustness = new RobustnessPanel(page);
  const scriptDialogs = matrix.countScriptDialogs();
  const hostile = '<img src=x onerror=alert(1)>';
  await matrix.addOption(hostile);
  await expect(robustness.leftOut).toHaveText(`Left out: ${hostile} has missing scores.`);
  await robustness.acceptabilityDone();
  expect((await robustness.acceptability()).map((row) => row.option)).toEqual(['PyTorch', 'TensorFlow']);
  await expect(robustness.headline).toHaveText(SEEDED_HEADLINE);

  await matrix.createDecision('Two frameworks, one scored');
  await expect(matrix.title).toHaveValue('Two frameworks, one scored');
  await matrix.addOption('Keras');
  await matrix.addOption('JAX');
  await page.getByRole('textbox', { name: 'New criterion name' }).fill('Speed');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await matrix.setScore('Keras', 'Speed', 3);
  await expect(robustness.problem).toHaveText('How robust the ranking is needs two options with every score; only Keras has them (JAX has missing scores).');
  await expect(page.locator('img')).toHaveCount(0);
  expect(scriptDialogs()).toBe(0);
});

test('the PDF has the robustness section: the headline, the intervals, the tornado and the acceptability with its seed', async ({ app, dataDir }, testInfo) => {
  test.skip(target === 'electron', 'the desktop app prints through its File menu, not this button');
  const { page } = app;
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  const pdf = join(dataDir, 'robustness.pdf');
  await (await downloading).saveAs(pdf);
  const text = flat(pdfText(pdf));
  expect(text).toContain('How robust is this decision');
  expect(text).toContain(`${SEEDED_HEADLINE}.`);
  expect(text).toContain('Not fragile.');
  expect(text).toMatch(/Deployment and 10 % above 18\.2 %: TensorFlow leads 0 % – 18\.2 % production/);
  expect(text).toMatch(/Ease of use −10 50 % \+20/);
  expect(text).toContain('The share of 10,000 random weight vectors (uniform over all weights; seed 1)');
  const rows = [...text.matchAll(/(PyTorch|TensorFlow) (\d+\.\d) % (\d+\.\d) %/g)].map((m) => [Number(m[2]), Number(m[3])]);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (const shares of rows.slice(0, 2)) expect(tenths(shares)).toBe(1000);

  // The pages as images, to look at: the section starts on page 1 and fills page 2.
  const prefix = testInfo.outputPath('robustness-page');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, prefix]);
  for (const n of [1, 2]) await testInfo.attach(`page ${n}`, { path: `${prefix}-${n}.png`, contentType: 'image/png' });
});
