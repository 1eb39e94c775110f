import { join } from 'node:path';
import { expect, target, test } from '../fixtures';
import { WeightingPage } from '../pages/weighting-page';
import { pdfText } from '../pdf-text';
import { DIMENSIONS } from '../seeded-decision';

const [EASE, GRAPHS, ECOSYSTEM, DEPLOYMENT, COMMUNITY, PERFORMANCE] = DIMENSIONS;
/** The seeded slider values, in matrix order. */
const SLIDERS = ['25', '20', '15', '10', '15', '15'];

/**
 * Every pair of the six criteria judged (more, less, ratio), from the priorities deployment 6,
 * ease of use 3, performance 3, ecosystem 2, graphs 2, community 1, rounded to Saaty's whole
 * steps: nearly consistent (CR 0.003), deployment first.
 */
const JUDGMENTS: [string, string, number][] = [
  [EASE, GRAPHS, 2],
  [EASE, ECOSYSTEM, 2],
  [DEPLOYMENT, EASE, 2],
  [EASE, COMMUNITY, 3],
  [EASE, PERFORMANCE, 1],
  [GRAPHS, ECOSYSTEM, 1],
  [DEPLOYMENT, GRAPHS, 3],
  [GRAPHS, COMMUNITY, 2],
  [PERFORMANCE, GRAPHS, 2],
  [DEPLOYMENT, ECOSYSTEM, 3],
  [ECOSYSTEM, COMMUNITY, 2],
  [PERFORMANCE, ECOSYSTEM, 2],
  [DEPLOYMENT, COMMUNITY, 6],
  [DEPLOYMENT, PERFORMANCE, 2],
  [PERFORMANCE, COMMUNITY, 3],
];
/** The weights those judgments give (core/weighting/ahp.ts), as the weight column shows them. */
const AHP_SHARES = { [EASE]: '19.2%', [GRAPHS]: '10.5%', [ECOSYSTEM]: '10.5%', [DEPLOYMENT]: '34.8%', [COMMUNITY]: '5.8%', [PERFORMANCE]: '19.2%' };

async function judgeAll(weighting: WeightingPage, judgments: [string, string, number][]) {
  for (const [more, less, ratio] of judgments) await weighting.judge(more, less, ratio);
}

test('weighed by rank order, then AHP, then back to the sliders: each method keeps its inputs, across a reload', async ({ app }) => {
  const { matrix, page } = app;
  const weighting = new WeightingPage(page);
  await expect(weighting.method).toHaveValue('direct');
  await expect(weighting.resultsWeighting).toHaveText('Weights: Direct weights');

  // Rank order starts from the slider weights: heaviest first, the three at 15 tied.
  await weighting.choose('Rank order');
  await expect(weighting.rankNames).toHaveText([EASE, GRAPHS, ECOSYSTEM, COMMUNITY, PERFORMANCE, DEPLOYMENT]);
  await expect(weighting.tiedAbove(COMMUNITY)).toBeChecked();
  await expect(weighting.tiedAbove(PERFORMANCE)).toBeChecked();
  await expect(weighting.resultsWeighting).toHaveText('Weights: Rank order (rank-order centroid)');
  await expect(matrix.rankingNames.first()).toHaveText('PyTorch');

  // Deployment to the top: once by clicking, twice from the keyboard (focus stays on the button).
  await weighting.moveUp(DEPLOYMENT).click();
  await expect(weighting.rankNames).toHaveText([EASE, GRAPHS, DEPLOYMENT, ECOSYSTEM, COMMUNITY, PERFORMANCE]);
  await expect(weighting.moveUp(DEPLOYMENT)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(weighting.rankNames).toHaveText([DEPLOYMENT, EASE, GRAPHS, ECOSYSTEM, COMMUNITY, PERFORMANCE]);
  await expect(matrix.rankingNames).toHaveText(['TensorFlow', 'PyTorch']);
  await expect(matrix.contributionChart).toHaveAttribute('data-leader', 'TensorFlow');
  // Rank-order centroid for 6: 40.8%, 24.2%, 15.8%, then places 4–6 shared (6.4% each).
  await expect(weighting.share(DEPLOYMENT)).toHaveText('40.8%');
  await expect(weighting.share(EASE)).toHaveText('24.2%');
  await expect(weighting.share(PERFORMANCE)).toHaveText('6.4%');
  // Untied, performance takes the sixth place alone.
  await weighting.tiedAbove(PERFORMANCE).uncheck();
  await expect(weighting.share(PERFORMANCE)).toHaveText('2.8%');
  await expect(weighting.share(COMMUNITY)).toHaveText('8.2%');
  await weighting.rule.selectOption({ label: 'rank sum' });
  await expect(weighting.resultsWeighting).toHaveText('Weights: Rank order (rank sum)');
  await expect(weighting.share(DEPLOYMENT)).toHaveText('28.6%');
  await matrix.saved();

  // AHP starts with nothing judged: no weights until the judgments link every criterion.
  await weighting.choose('AHP pairwise comparison');
  await expect(weighting.judged).toHaveText('0 of 15 pairs judged');
  await expect(weighting.ahpProblem).toContainText('No pairs are compared yet');
  await expect(page.getByTestId('scoring-problem')).toContainText('No pairs are compared yet');
  await judgeAll(weighting, JUDGMENTS);
  await expect(weighting.judged).toHaveText('15 of 15 pairs judged');
  await expect(weighting.consistencyRatio).toContainText('consistency ratio 0.003');
  await expect(weighting.inconsistent).toBeHidden();
  for (const [criterion, share] of Object.entries(AHP_SHARES)) await expect(weighting.share(criterion)).toHaveText(share);
  await expect(weighting.resultsWeighting).toHaveText('Weights: AHP pairwise comparison');
  await expect(matrix.rankingNames).toHaveText(['TensorFlow', 'PyTorch']);
  await matrix.saved();

  // Back to the sliders: exactly as they were.
  await weighting.choose('Direct weights');
  for (const [i, criterion] of DIMENSIONS.entries()) await expect(matrix.weightSlider(criterion)).toHaveValue(SLIDERS[i]);
  await expect(matrix.weightShare(EASE)).toHaveText('25.0%');
  await expect(matrix.rankingNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(weighting.resultsWeighting).toHaveText('Weights: Direct weights');
  await matrix.saved();

  // After a reload (the store is the truth) every method's inputs are still there.
  await page.reload();
  await matrix.ready();
  await expect(weighting.method).toHaveValue('direct');
  for (const [i, criterion] of DIMENSIONS.entries()) await expect(matrix.weightSlider(criterion)).toHaveValue(SLIDERS[i]);
  await weighting.choose('AHP pairwise comparison');
  await expect(weighting.judged).toHaveText('15 of 15 pairs judged');
  await expect(weighting.consistencyRatio).toContainText('consistency ratio 0.003');
  await expect(weighting.share(DEPLOYMENT)).toHaveText('34.8%');
  await expect(weighting.pair(DEPLOYMENT, COMMUNITY).getByRole('radio', { name: DEPLOYMENT })).toBeChecked();
  await expect(weighting.pair(DEPLOYMENT, COMMUNITY).getByRole('combobox')).toHaveValue('6');
  await weighting.choose('Rank order');
  await expect(weighting.rankNames).toHaveText([DEPLOYMENT, EASE, GRAPHS, ECOSYSTEM, COMMUNITY, PERFORMANCE]);
  await expect(weighting.rule).toHaveValue('rank-sum');
  await expect(weighting.tiedAbove(COMMUNITY)).toBeChecked();
  await expect(weighting.tiedAbove(PERFORMANCE)).not.toBeChecked();
  await expect(matrix.rankingNames.first()).toHaveText('TensorFlow');
  await matrix.saved();
  await page.reload();
  await matrix.ready();
  await expect(weighting.method).toHaveValue('rank');
  await expect(weighting.resultsWeighting).toHaveText('Weights: Rank order (rank sum)');
});

test('an AHP set with a consistency ratio above 0.10 is flagged, with the pair to reconsider and the value the others suggest', async ({ app }) => {
  const { matrix, page } = app;
  const weighting = new WeightingPage(page);
  await weighting.choose('AHP pairwise comparison');
  // A slip: community judged far above deployment, against every other judgment.
  await judgeAll(weighting, JUDGMENTS.map(([more, less, ratio]) => (more === DEPLOYMENT && less === COMMUNITY ? [COMMUNITY, DEPLOYMENT, 9] : [more, less, ratio])));
  await expect(weighting.judged).toHaveText('15 of 15 pairs judged');
  await expect(weighting.consistencyRatio).toContainText('consistency ratio 0.444, above 0.10');
  await expect(weighting.inconsistent).toHaveRole('alert');
  await expect(weighting.inconsistent).toContainText(`Reconsider “${COMMUNITY}” over “${DEPLOYMENT}”, judged 9 (extreme): the other judgments suggest 1.3 (equal).`);
  await expect(weighting.reconsidered).toHaveCount(1);
  await expect(weighting.reconsidered.getByRole('group')).toHaveAccessibleName(`${DEPLOYMENT} or ${COMMUNITY}?`);
  await expect(weighting.reconsidered).toContainText('Reconsider this one: the other judgments suggest 1.3 (equal).');
  // Judged again, the other way round: consistent, nothing flagged.
  await weighting.judge(DEPLOYMENT, COMMUNITY, 6);
  await expect(weighting.consistencyRatio).toContainText('consistency ratio 0.003');
  await expect(weighting.inconsistent).toBeHidden();
  await expect(weighting.reconsidered).toHaveCount(0);
  await matrix.saved();
});

test('100 points show what is left as they are typed, and swing shows each scale’s worst and best ends', async ({ app }) => {
  const { matrix, page } = app;
  const weighting = new WeightingPage(page);
  await weighting.choose('100 points');
  // Seeded from the sliders' shares, adding to 100.
  await expect(weighting.points(EASE)).toHaveValue('25');
  await expect(weighting.pointsLeft).toHaveText('All 100 points shared');
  await weighting.points(EASE).fill('30');
  await expect(weighting.pointsLeft).toHaveText('5 too many');
  await weighting.points(DEPLOYMENT).fill('5');
  await expect(weighting.pointsLeft).toHaveText('All 100 points shared');
  await expect(weighting.share(EASE)).toHaveText('30.0%');
  // A decimal comma is a decimal point, as in the score cells.
  await weighting.points(DEPLOYMENT).fill('2,5');
  await expect(weighting.pointsLeft).toHaveText('2.5 points left');
  await weighting.points(DEPLOYMENT).press('Enter');
  await expect(weighting.points(DEPLOYMENT)).toHaveValue('2.5');
  await weighting.points(DEPLOYMENT).fill('1,500');
  await weighting.points(DEPLOYMENT).blur();
  await expect(matrix.errorMessage).toContainText('could be read two ways');
  await expect(weighting.points(DEPLOYMENT)).toHaveValue('2.5');

  await weighting.choose('Swing weighting');
  await expect(weighting.swingItem(EASE)).toContainText('worst 1: steep learning curve, hard to debug');
  await expect(weighting.swingItem(EASE)).toContainText('best 5: plain Python, debug with pdb');
  // Seeded from the points' weights: the heaviest at 100.
  await expect(weighting.swing(EASE)).toHaveValue('100');
  await weighting.swing(DEPLOYMENT).fill('100');
  await weighting.swing(EASE).fill('20');
  await expect(matrix.rankingNames.first()).toHaveText('TensorFlow');
  await expect(weighting.resultsWeighting).toHaveText('Weights: Swing weighting');
  await matrix.saved();
});

test('the PDF names the method and its inputs', async ({ app, dataDir }) => {
  test.skip(target === 'electron', 'the desktop app prints through its File menu, not this button');
  const { matrix, page } = app;
  const weighting = new WeightingPage(page);
  await weighting.choose('Rank order');
  // Dragged onto the first row, it takes the first place.
  await weighting.rankItem(DEPLOYMENT).dragTo(weighting.rankItem(EASE));
  await expect(weighting.rankNames).toHaveText([DEPLOYMENT, EASE, GRAPHS, ECOSYSTEM, COMMUNITY, PERFORMANCE]);
  await matrix.saved();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  const pdf = join(dataDir, 'rank.pdf');
  await (await downloading).saveAs(pdf);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain('Weighting method: Rank order (rank-order centroid).');
  expect(text).toContain(`Most important first: “${DEPLOYMENT}”; “${EASE}”; “${GRAPHS}”; “${ECOSYSTEM}” = “${COMMUNITY}” = “${PERFORMANCE}” (tied).`);
  expect(text).toContain('40.8%');
});
