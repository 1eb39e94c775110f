import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clippedText, inkedCanvasEdges, sidewaysScroll } from '../clipping';
import { expect, target, test } from '../fixtures';
import { DIMENSIONS } from '../seeded-decision';
import { LONG_CRITERIA, LONG_OPTIONS, LONG_TITLE, longNamesDecision, UNBROKEN } from '../long-names';

/** Where the screenshots go, to be looked at: SCREENSHOTS_DIR, or the test's own output folder. */
const shot = (name: string) => {
  const dir = process.env.SCREENSHOTS_DIR ?? test.info().outputDir;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
};

/** Nothing on the page is cut off (or ends in an ellipsis without its full text), and the page does not scroll sideways. */
async function expectNothingClipped(page: Page) {
  // Polled: the charts take their width a frame after the layout changes.
  await expect.poll(() => sidewaysScroll(page)).toBeLessThanOrEqual(0);
  expect(await clippedText(page)).toEqual([]);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width} × ${size.height}, 6 options × 8 criteria with long names: nothing clipped, no sideways page scroll, the criteria stay in view`, async ({ app }) => {
    const { matrix, page } = app;
    await page.setViewportSize(size);
    await page.getByLabel('Import a decision (.json)').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(longNamesDecision())) });
    await expect(matrix.title).toHaveValue(LONG_TITLE);
    await expect(matrix.optionNames).toHaveCount(6);
    await expect(page.getByRole('region', { name: 'Workshop' })).toBeVisible();
    await page.screenshot({ path: shot(`long-${size.width}.png`) });
    await expectNothingClipped(page);
    // The charts' labels are wrapped or end in "…": none runs off the canvas.
    await expect(matrix.contributionChart).toBeVisible();
    await page.locator('.charts').screenshot({ path: shot(`long-${size.width}-charts.png`) });
    expect(await inkedCanvasEdges(page, '[data-testid="contribution-chart"]'), 'bar chart').toEqual([]);
    expect(await inkedCanvasEdges(page, '[data-testid="profile-chart"]')).toEqual([]);

    // Ellipsized names carry their full text: on hover (title), in the accessible name, and on focus.
    await expect(matrix.title).toHaveAttribute('title', LONG_TITLE);
    await expect(matrix.optionNames).toHaveText(LONG_OPTIONS);
    for (const [i, name] of LONG_OPTIONS.entries()) await expect(matrix.optionNames.nth(i)).toHaveAttribute('title', name);
    for (const [i, name] of LONG_CRITERIA.entries()) await expect(matrix.criterionNames.nth(i)).toHaveAttribute('title', name);
    await expect(matrix.scoreCell(UNBROKEN, LONG_CRITERIA[3])).toHaveAccessibleName(`Score of ${UNBROKEN} on ${LONG_CRITERIA[3]}: 4 of 5`);
    const unbrokenHeader = matrix.optionNames.first();
    const cutShort = (el: Element) => el.scrollHeight > el.clientHeight + 1;
    expect(await unbrokenHeader.evaluate(cutShort)).toBe(true);
    await page.getByRole('button', { name: `Rename ${UNBROKEN}` }).focus();
    expect(await unbrokenHeader.evaluate(cutShort)).toBe(false);
    await page.getByRole('button', { name: `Rename ${UNBROKEN}` }).blur();

    // The matrix scrolls sideways in its own box; the criterion and its weight stay where they were.
    const scroller = page.locator('.matrix-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const criterion = matrix.criterionNames.nth(3);
    const slider = matrix.weightSlider(LONG_CRITERIA[3]);
    const before = { name: await criterion.boundingBox(), slider: await slider.boundingBox() };
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const lastCell = matrix.scoreCell(LONG_OPTIONS[5], LONG_CRITERIA[3]);
    await expect(lastCell).toBeInViewport({ ratio: 1 });
    expect((await criterion.boundingBox())!.x).toBeCloseTo(before.name!.x, 0);
    expect((await slider.boundingBox())!.x).toBeCloseTo(before.slider!.x, 0);
    // The last option's cell is not under the criterion column.
    expect((await lastCell.boundingBox())!.x).toBeGreaterThan(before.slider!.x + before.slider!.width);
    await page.screenshot({ path: shot(`long-${size.width}-scrolled.png`) });
    await page.getByRole('region', { name: 'Results' }).screenshot({ path: shot(`long-${size.width}-results.png`) });

    // The results give way: below the matrix, which then has the whole width.
    const widthBeside = (await scroller.boundingBox())!.width;
    await page.getByRole('button', { name: 'Results below' }).click();
    await expect(page.getByRole('button', { name: 'Results below' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await scroller.boundingBox())!.width).toBeGreaterThan(widthBeside + 300);
    const results = page.getByRole('region', { name: 'Results' });
    expect((await results.boundingBox())!.y).toBeGreaterThan((await scroller.boundingBox())!.y + (await scroller.boundingBox())!.height);
    await page.screenshot({ path: shot(`long-${size.width}-results-below.png`) });
    await expectNothingClipped(page);
    // Kept for the next visit.
    await page.reload();
    await matrix.ready();
    await expect(page.getByRole('button', { name: 'Results below' })).toHaveAttribute('aria-pressed', 'true');
  });
}

test('the report and its PDF draw long option and criterion names on the charts whole or ending in “…”, never cut at the edge', async ({ app, dataDir }) => {
  test.skip(target === 'electron', 'the desktop app prints through its File menu, not the PDF button');
  const { matrix, page } = app;
  await page.getByLabel('Import a decision (.json)').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(longNamesDecision())) });
  await expect(matrix.optionNames).toHaveCount(6);
  await matrix.saved();
  const id = await page.locator('[data-open-decision]').getAttribute('data-open-decision');

  // The PDF, for a person to look at (its first page holds the charts).
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  const pdf = join(dataDir, 'long.pdf');
  await (await downloading).saveAs(pdf);
  execFileSync('pdftoppm', ['-r', '110', '-png', '-f', '1', '-l', '2', pdf, shot("long-report")]);

  // The page the PDF is printed from, as printed: A4's width, print styles.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${new URL(page.url()).origin}/report.html?decision=${id}`);
  await expect(page.locator('html[data-report-ready="true"]')).toBeAttached();
  await page.locator('.charts-section').screenshot({ path: shot("long-report-charts.png") });
  expect(await inkedCanvasEdges(page, '[data-testid="report-contribution-chart"]'), 'bar chart').toEqual([]);
  expect(await inkedCanvasEdges(page, '[data-testid="report-profile-chart"]'), 'radar').toEqual([]);
});

test('with six criteria and every weight at zero, the radar asks for a weight, not for more criteria', async ({ app }) => {
  const { matrix, page } = app;
  for (const criterion of DIMENSIONS) await matrix.setWeight(criterion, 0);
  await expect(page.getByTestId('profile-needs-criteria')).toHaveText('A profile needs weights: give at least one criterion a weight above zero to draw it.');
  await expect(matrix.profileChart).toHaveCount(0);
  await matrix.setWeight(DIMENSIONS[2], 30);
  await expect(matrix.profileChart).toBeVisible();
  await expect(page.getByTestId('profile-needs-criteria')).toHaveCount(0);
});

test('on a phone (390 × 844) with long names: nothing clipped, no sideways page scroll, the criterion name stays in view', async ({ app }) => {
  const { matrix, page } = app;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Import a decision (.json)').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(longNamesDecision())) });
  await expect(matrix.optionNames).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Workshop' })).toBeVisible();
  await expectNothingClipped(page);
  // Only the name sticks (the weights would leave no room for an option); the first option's cell is in view beside it.
  const scroller = page.locator('.matrix-scroll');
  const name = matrix.criterionNames.first();
  const x = (await name.boundingBox())!.x;
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  expect((await name.boundingBox())!.x).toBeCloseTo(x, 0);
  await matrix.scoreCell(LONG_OPTIONS[5], LONG_CRITERIA[0]).scrollIntoViewIfNeeded();
  await expect(matrix.scoreCell(LONG_OPTIONS[5], LONG_CRITERIA[0])).toBeInViewport({ ratio: 1 });
  await page.locator('.workspace').screenshot({ path: shot("long-phone.png") });
});
