import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, target, test } from '../fixtures';
import { docsScreenshot } from '../docs-pictures';
import { pdfText } from '../pdf-text';
import { HistoryPanel } from '../pages/history-panel';

/** Twelve people, seven production-minded (TensorFlow first) and five research-minded (PyTorch first); one long name. */
const RESEARCH = [30, 30, 10, 5, 15, 10];
const PRODUCTION = [5, 5, 20, 35, 15, 20];
const PEOPLE: { name: string; weights: number[] }[] = [
  ['Researcher Rosa', RESEARCH],
  ['SRE Sam', PRODUCTION],
  ['Maximiliane Oberhauser-Lindqvist', PRODUCTION],
  ['Priya', RESEARCH],
  ['Jean-Baptiste Okonkwo', PRODUCTION],
  ['Kim', PRODUCTION],
  ['Product Owner Pat', PRODUCTION],
  ['Data Scientist Dana', RESEARCH],
  ['Ola Nordmann', PRODUCTION],
  ['Tomás García Márquez', RESEARCH],
  ['Wei', PRODUCTION],
  ['Security Lead Siobhán', RESEARCH],
].map(([name, weights]) => ({ name: name as string, weights: weights as number[] }));

/**
 * They also score the two options on two criteria (1–5). Research-minded people: PyTorch 5 and
 * TensorFlow 2 on ease of use, 3 and 4 on deployment; production-minded: 3 and 3, then 1 and 5.
 * Medians of the twelve: PyTorch 3 and 1, TensorFlow 3 and 5; PyTorch's two cells are the most
 * disputed (SD 0.99 of a 1–5 range), then TensorFlow on ease of use (0.49; ties go in the
 * decision's order).
 */
const SCORED = ['Ease of use', 'Deployment and production'];
const scoresOf = (weights: number[]) => (weights === RESEARCH ? { PyTorch: [5, 3], TensorFlow: [2, 4] } : { PyTorch: [3, 1], TensorFlow: [3, 5] });

const SHOTS = '/tmp/record-shots';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** One person joining and sending weights through the participant endpoints, as a phone does. */
async function joinAndSubmit(api: APIRequestContext, code: string, person: { name: string; weights: number[] }): Promise<void> {
  const joined = await api.post('/w/join', { data: { code, name: person.name } });
  expect(joined.status()).toBe(200);
  const token = (await joined.json()).value.token as string;
  const headers = { 'x-participant-token': token };
  const view = (await (await api.post('/w/round', { data: {}, headers })).json()).value as {
    criteria: { id: number; name: string }[];
    scoreCriteria: number[];
    options: { id: number; name: 'PyTorch' | 'TensorFlow' }[];
  };
  const ids = view.criteria.map((c) => c.id);
  const weights = Object.fromEntries(ids.map((id, i) => [String(id), person.weights[i]]));
  // In a round that asks for scores, each person scores the options too, and some say why.
  const scores = Object.fromEntries(
    view.scoreCriteria.map((criterionId) => {
      const k = SCORED.indexOf(view.criteria.find((c) => c.id === criterionId)!.name);
      return [String(criterionId), Object.fromEntries(view.options.map((o) => [String(o.id), { value: scoresOf(person.weights)[o.name][k], reason: k === 1 && o.name === 'PyTorch' ? `${person.name}: we deploy with it` : '' }]))];
    }),
  );
  const sent = await api.post('/w/submit', { data: view.scoreCriteria.length > 0 ? { weights, scores } : { weights }, headers });
  expect(sent.status()).toBe(200);
}

/** Nothing needs sideways scrolling, on the page, in the presenter view, and in the result's own box. */
async function expectNoSidewaysScroll(page: Page, ...boxes: Locator[]): Promise<void> {
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(page_.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(page_.client);
  for (const box of boxes) {
    const size = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(size.scroll, `${box} scrolls sideways`).toBeLessThanOrEqual(size.client);
  }
}

test('twelve named people join and send weights and scores; the presenter view shows the join screen and the result at 1280 × 800 and 1440 × 900 with nothing clipped; the group scores go into the matrix as one step to undo; the round goes into the history, the PDF and the Markdown', async ({ app, playwright, dataDir }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const { page } = app;
  const panel = page.getByRole('region', { name: 'Workshop' });
  for (const criterion of SCORED) await panel.getByRole('group', { name: /People also score the options on/ }).getByLabel(criterion, { exact: true }).check();
  await expect(panel.getByLabel('Combine each cell’s scores by')).toHaveValue('median');
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await expect(panel.getByTestId('join-url')).toHaveText(/join\?code=/);
  const joinUrl = (await panel.getByTestId('join-url').textContent())!;
  const code = (await panel.getByTestId('join-code').textContent())!;

  await panel.getByRole('button', { name: 'Presenter view' }).click();
  const presenter = page.getByRole('dialog', { name: 'Presenter view' });
  await expect(presenter).toBeVisible();
  await expect(presenter.getByTestId('presenter-code')).toHaveText(code);
  await expect(presenter.getByTestId('presenter-join-url')).toHaveText(joinUrl);
  await expect(presenter.getByTestId('presenter-timer')).toHaveText(/^\d:\d\d left$/);
  await presenter.getByLabel('Expected people').fill('14');
  await expect(presenter.getByTestId('presenter-counts')).toHaveText('0 of 14 joined · 0 submitted');

  const api = await playwright.request.newContext({ baseURL: new URL(joinUrl).origin });
  for (const person of PEOPLE.slice(0, 4)) await joinAndSubmit(api, code, person);
  await expect(presenter.getByTestId('presenter-counts')).toHaveText('4 of 14 joined · 4 submitted');
  for (const person of PEOPLE.slice(4)) await joinAndSubmit(api, code, person);
  await expect(presenter.getByTestId('presenter-counts')).toHaveText('12 of 14 joined · 12 submitted');
  await api.dispose();

  const qr = presenter.getByRole('img', { name: 'QR code to join the round' });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect(qr).toBeVisible();
    const code_ = (await presenter.getByTestId('presenter-code').boundingBox())!;
    const link = (await presenter.getByTestId('presenter-join-url').boundingBox())!;
    const square = (await qr.boundingBox())!;
    // Big enough for the back of the room, and all of it on the screen.
    expect(square.width).toBeGreaterThanOrEqual(0.55 * size.height - 1);
    expect(code_.height).toBeGreaterThanOrEqual(90);
    for (const box of [code_, link, square]) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }
    await expectNoSidewaysScroll(page, presenter);
    await page.screenshot({ path: join(SHOTS, `presenter-join-${size.width}.png`) });
  }

  await presenter.getByRole('button', { name: 'Reveal' }).click();
  const result = presenter.getByTestId('presenter-result');
  await expect(result).toBeVisible();
  await expect(presenter.getByTestId('presenter-headline')).toHaveText('TensorFlow first for the group · 12 of 14 joined, 12 submitted');
  await expect(presenter.getByTestId('presenter-choices')).toHaveText('7 of 12 preferred TensorFlow, the group’s first choice; 5 preferred PyTorch.');
  const names = result.locator('tbody th.person');
  await expect(names).toHaveText(PEOPLE.map((p) => p.name));
  // The group scores under the weights, and the most disputed cells beside the disputed weights.
  const scoreGrid = presenter.getByTestId('presenter-scores');
  await expect(scoreGrid.getByTestId('group-score')).toHaveText([/^3\s*SD 0\.99 · n 12\s*discuss$/, /^3\s*SD 0\.49 · n 12\s*discuss$/, /^1\s*SD 0\.99 · n 12\s*discuss$/, /^5\s*SD 0\.49 · n 12\s*$/]);
  await expect(presenter.getByTestId('presenter-score-queue').locator('li')).toHaveText([
    'PyTorch on Ease of use (SD 0.99 on 1–5)',
    'PyTorch on Deployment and production (SD 0.99 on 1–5)',
    'TensorFlow on Ease of use (SD 0.49 on 1–5)',
  ]);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `presenter-result-${size.width}.png`) });
    if (size.width === 1280) await docsScreenshot(page, 'workshop-presenter');
    await expectNoSidewaysScroll(page, presenter, result, scoreGrid);
    // The score grid is all there too, once scrolled to: every option's column inside the window, no cell cut off.
    await scoreGrid.scrollIntoViewIfNeeded();
    const lastOption = (await scoreGrid.locator('thead th').last().boundingBox())!;
    expect(lastOption.x + lastOption.width).toBeLessThanOrEqual(size.width);
    const cutCells = await scoreGrid.locator('td').evaluateAll((cells) => cells.filter((el) => el.scrollWidth > el.clientWidth).length);
    expect(cutCells, 'a score cell is cut off').toBe(0);
    await page.screenshot({ path: join(SHOTS, `presenter-scores-${size.width}.png`) });
    await presenter.evaluate((el) => el.scrollTo(0, 0));
    for (let i = 0; i < PEOPLE.length; i++) {
      const name = names.nth(i);
      await expect(name).toBeVisible();
      const box = (await name.boundingBox())!;
      expect(box.x + box.width, `${PEOPLE[i].name} runs off the screen`).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height, `${PEOPLE[i].name} is below the screen`).toBeLessThanOrEqual(size.height);
      // Wrapped if need be, never cut off.
      const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
      expect(cut, `${PEOPLE[i].name} is cut off`).toBe(false);
    }
    // Every criterion's column is on the screen as well.
    const lastHeader = (await result.locator('thead th').last().boundingBox())!;
    expect(lastHeader.x + lastHeader.width).toBeLessThanOrEqual(size.width);
  }

  await page.keyboard.press('Escape');
  await expect(presenter).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Presenter view' })).toBeFocused();

  // The group scores go into the matrix as one step: undo puts the team's scores back, redo the group's.
  const matrix = app.matrix;
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveAccessibleName(/: 5 of 5$/);
  await expect(panel.getByTestId('score-queue').locator('li').first()).toHaveText('PyTorch on Ease of use (SD 0.99 on 1–5)');
  await panel.getByRole('button', { name: 'Apply group scores' }).click();
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveAccessibleName(/: 3 of 5$/);
  await expect(matrix.scoreCell('PyTorch', 'Deployment and production')).toHaveAccessibleName(/: 1 of 5$/);
  await expect(matrix.scoreCell('TensorFlow', 'Deployment and production')).toHaveAccessibleName(/: 5 of 5$/);
  const undoing = new HistoryPanel(page);
  await expect(undoing.undo).toHaveAccessibleDescription(/^Undo apply the group’s scores from round [A-Z2-9]{6} \(Ctrl\+Z\)$/);
  await page.locator('body').press('Control+z');
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveAccessibleName(/: 5 of 5$/);
  await expect(matrix.scoreCell('PyTorch', 'Deployment and production')).toHaveAccessibleName(/: 3 of 5$/);
  // Undone, the round's "Group scores applied" line went with the step; redone, it is back (the record below).
  await page.locator('body').press('Control+Shift+z');
  await expect(matrix.scoreCell('PyTorch', 'Ease of use')).toHaveAccessibleName(/: 3 of 5$/);

  // What became of it goes into the record: kept as a scenario.
  await panel.getByRole('button', { name: 'Keep as scenario' }).click();
  await expect(page.getByRole('region', { name: 'Scenarios' }).locator('li .name').last()).toHaveText('Workshop group weights');
  await panel.getByRole('button', { name: 'Close round' }).click();
  await panel.getByRole('button', { name: 'New round' }).click();

  // The round history: listed, and opened read-only.
  const history = panel.getByRole('region', { name: 'Past rounds' });
  await history.getByRole('button', { name: /^Round 1 · / }).click();
  const past = history.getByTestId('past-round');
  await expect(past.getByTestId('past-round-choices')).toHaveText('7 of 12 preferred TensorFlow, the group’s first choice; 5 preferred PyTorch.');
  await expect(past.getByTestId('past-round-queue').locator('li').first()).toHaveText('Deployment and production');
  await expect(past.getByTestId('round-grid').locator('tbody th.person')).toHaveCount(12);
  await expect(past.getByTestId('past-round-outcome')).toHaveText([/^Group scores applied to the matrix \(/, /^Kept as the scenario “Workshop group weights” \(/]);
  await expect(past.getByTestId('past-round-score-queue').locator('li').first()).toHaveText('PyTorch on Ease of use (SD 0.99 on 1–5)');
  await page.setViewportSize(SIZES[0]);
  await past.screenshot({ path: join(SHOTS, 'history-round.png') });
  // A past round can go up on the screen again.
  await past.getByRole('button', { name: 'Show in presenter view' }).click();
  await expect(presenter.getByTestId('presenter-result').locator('tbody th.person')).toHaveCount(12);
  await page.keyboard.press('Escape');
  await expect(presenter).toBeHidden();

  const download = async (button: string, name: string) => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: button, exact: true }).click();
    const file = join(dataDir, name);
    await (await downloading).saveAs(file);
    return file;
  };
  const markdown = readFileSync(await download('Markdown', 'record.md'), 'utf8');
  expect(markdown).toContain('## Workshop rounds');
  expect(markdown).toMatch(/### Round 1 · \d+ \w+ \d{4}, \d\d:\d\d UTC/);
  expect(markdown).toContain('* How: Geometric mean; weighed with sliders; named');
  expect(markdown).toContain('12 people gave weights of 12 who joined: Researcher Rosa, SRE Sam, Maximiliane Oberhauser\\-Lindqvist');
  expect(markdown).toContain('First choices: 7 of 12 preferred TensorFlow, the group’s first choice; 5 preferred PyTorch.');
  expect(markdown).toContain('* PyTorch: Researcher Rosa, Priya, Data Scientist Dana, Tomás García Márquez, Security Lead Siobhán');
  expect(markdown).toMatch(/\| Deployment and production \| \d+\.\d % \| \d+\.\d % \| \d+\.\d % \|/);
  expect(markdown).toContain('1. Deployment and production');
  expect(markdown).toContain('* What became of it: Kept as the scenario “Workshop group weights”');
  expect(markdown).toContain('* How: Geometric mean; weighed with sliders; named; people also scored the options on Ease of use, Deployment and production \\(median\\)');
  expect(markdown).toContain('* What became of it: Group scores applied to the matrix');
  expect(markdown).toContain('Group scores (median of the people’s scores of each cell):');
  expect(markdown).toContain('| PyTorch | Ease of use | 3 | 1–5 | 0.99 | 2 | 12 |');
  expect(markdown).toContain('| TensorFlow | Deployment and production | 5 | 1–5 | 0.49 | 1 | 12 |');
  expect(markdown).toContain('1. PyTorch on Ease of use \\(SD 0.99 on 1–5\\)');
  expect(markdown).toContain('* PyTorch on Deployment and production, 3 (Researcher Rosa): Researcher Rosa: we deploy with it');

  if (target === 'chromium') {
    const pdf = await download('PDF', 'record.pdf');
    copyFileSync(pdf, join(SHOTS, 'record.pdf'));
    const text = flat(pdfText(pdf));
    expect(text).toContain('Workshop rounds');
    expect(text).toMatch(/Round 1 · \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    expect(text).toContain('Geometric mean; weighed with sliders; named');
    expect(text).toContain('12 people gave weights of 12 who joined: Researcher Rosa, SRE Sam, Maximiliane Oberhauser-Lindqvist');
    expect(text).toContain('7 of 12 preferred TensorFlow, the group’s first choice; 5 preferred PyTorch.');
    expect(text).toContain('Kept as the scenario “Workshop group weights”');
    expect(text).toMatch(/Deployment and production \d+\.\d% \d+\.\d% \d+\.\d%/);
    expect(text).toContain('Discuss first:');
    expect(text).toContain('Group scores (median of the people’s scores of each cell):');
    expect(text).toMatch(/PyTorch Ease of use 3 1–5 0\.99 12/);
    expect(text).toContain('Scores to discuss:');
    expect(text).toContain('PyTorch on Deployment and production, 1 (SRE Sam): SRE Sam: we deploy with it');
    expect(text).toContain('Group scores applied to the matrix');
  }

  // The JSON export carries the round; imported, it is in the new decision's history.
  const json = await download('JSON', 'record.json');
  const exported = JSON.parse(readFileSync(json, 'utf8')).decision.rounds[0];
  expect(exported).toMatchObject({ scoreRule: 'median', outcomes: [{ kind: 'scores-applied' }, { kind: 'scenario', scenarioName: 'Workshop group weights' }] });
  expect(exported.scoreCriteria).toHaveLength(2);
  expect(exported.participants[0].scores).toHaveLength(4);
  await page.getByLabel('Import a decision (.json)').setInputFiles(json);
  await expect(app.matrix.decisionItems).toHaveCount(2);
  await history.getByRole('button', { name: /^Round 1 · / }).click();
  await expect(history.getByTestId('past-round-choices')).toHaveText('7 of 12 preferred TensorFlow, the group’s first choice; 5 preferred PyTorch.');
  await expect(history.getByTestId('score-grid').getByTestId('group-score').first()).toHaveText(/^3\s*SD 0\.99 · n 12/);
});

test('an anonymous round’s record counts people and names nobody', async ({ app, playwright, dataDir }) => {
  const { page } = app;
  const panel = page.getByRole('region', { name: 'Workshop' });
  await panel.getByLabel('Anonymous').check();
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await expect(panel.getByTestId('join-url')).toHaveText(/join\?code=/);
  const joinUrl = (await panel.getByTestId('join-url').textContent())!;
  const code = (await panel.getByTestId('join-code').textContent())!;
  const api = await playwright.request.newContext({ baseURL: new URL(joinUrl).origin });
  for (const person of PEOPLE.slice(0, 3)) await joinAndSubmit(api, code, person);
  await api.dispose();
  await expect(panel.getByTestId('submitted-count')).toHaveText('3 of 3 submitted');
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await panel.getByRole('button', { name: 'Apply group weights' }).click();
  await app.matrix.saved();
  await panel.getByRole('button', { name: 'Close round' }).click();
  await panel.getByRole('button', { name: 'New round' }).click();

  const history = panel.getByRole('region', { name: 'Past rounds' });
  await history.getByRole('button', { name: /^Round 1 · / }).click();
  await expect(history.getByTestId('past-round-outcome')).toHaveText([/^Applied to the decision’s weights \(/]);
  await expect(history.getByTestId('round-grid').locator('tbody th.person')).toHaveText(['Participant 1', 'Participant 2', 'Participant 3']);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  const file = join(dataDir, 'anonymous.md');
  await (await downloading).saveAs(file);
  const markdown = readFileSync(file, 'utf8');
  expect(markdown).toContain('3 people gave weights of 3 who joined \\(anonymous: no names are kept\\)');
  // The weights are still the ones the round applied: the record says where they came from.
  expect(markdown).toMatch(/These are the group weights of workshop round 1 \\\(\d+ \w+ \d{4}, \d\d:\d\d UTC\\\), as applied\./);
  expect(markdown).toContain('First choices: 2 of 3 preferred TensorFlow, the group’s first choice; 1 preferred PyTorch.');
  for (const person of PEOPLE.slice(0, 3)) expect(markdown).not.toContain(person.name);
});
