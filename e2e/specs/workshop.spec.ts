import { aggregateWeights } from '../../core/aggregation';
import { DIMENSIONS } from '../seeded-decision';
import { docsScreenshot } from '../docs-pictures';
import { expect, test } from '../fixtures';


const PEOPLE: { name: string; weights: number[] }[] = [
  { name: 'Researcher Rosa', weights: [30, 30, 10, 5, 15, 10] },
  { name: 'SRE Sam', weights: [5, 5, 20, 35, 15, 20] },
  { name: '<img src=x onerror=alert(1)>', weights: [20, 10, 20, 20, 20, 10] },
];

test('three people join by code, weigh the dimensions from their own browsers, and the revealed result matches the maths', async ({ app, browser }) => {
  const { page } = app;
  const scriptDialogs = app.matrix.countScriptDialogs();
  const panel = page.getByRole('region', { name: 'Workshop' });
  await panel.getByRole('button', { name: 'Start a round' }).click();
  // The browser host is told to use 127.0.0.1; the desktop app picks the LAN address.
  await expect(panel.getByTestId('join-url')).toHaveText(/^http:\/\/[\d.]+:\d+\/join\?code=[A-Z2-9]{6}$/);
  await expect(panel.getByRole('img', { name: 'QR code to join the round' })).toBeVisible();
  const joinUrl = (await panel.getByTestId('join-url').textContent())!;
  await docsScreenshot(page, 'workshop-join');

  for (const person of PEOPLE) {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    p.on('dialog', () => {
      throw new Error('a script ran on the participant page');
    });
    await p.goto(joinUrl);
    await p.getByLabel('Your name').fill(person.name);
    await p.getByRole('button', { name: 'Join' }).click();
    await expect(p.getByRole('heading', { name: 'PyTorch vs TensorFlow' })).toBeVisible();
    for (const [i, dimension] of DIMENSIONS.entries()) await p.getByRole('slider', { name: `Weight of ${dimension}` }).fill(String(person.weights[i]));
    await p.getByRole('button', { name: 'Send my weights' }).click();
    await expect(p.getByText(/^Sent. You can change/)).toBeVisible();
    await phone.close();
  }

  await expect(panel.getByTestId('submitted-count')).toHaveText('3 of 3 submitted');
  await expect(panel.getByText(PEOPLE[2].name, { exact: false })).toBeVisible();
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(panel.getByRole('heading', { name: 'Group result (geometric mean)' })).toBeVisible();
  // How far to trust it: the group weights' headline, and the people's own rankings — Rosa's
  // weights put PyTorch first; Sam's and the third person's put TensorFlow first.
  await expect(panel.getByTestId('group-headline')).toHaveText(/^(PyTorch|TensorFlow) stays first unless /);
  await expect(panel.getByTestId('people-ranks').locator('tbody tr')).toHaveText(['PyTorch33%67%', 'TensorFlow67%33%']);

  const expected = aggregateWeights(
    [1, 2, 3, 4, 5, 6],
    PEOPLE.map((p, i) => ({ participantId: String(i), weights: Object.fromEntries(p.weights.map((w, c) => [c + 1, w])) })),
    'geometric-mean',
  );
  if (!expected.ok) throw new Error(expected.error.message);
  const shares = [1, 2, 3, 4, 5, 6].map((c) => `${(expected.value.weights[c] * 100).toFixed(1)}%`);
  await expect(panel.getByTestId('group-weight')).toHaveText(shares);
  const spreads = [1, 2, 3, 4, 5, 6].map((c) => `${(expected.value.spread[c].standardDeviation * 100).toFixed(1)}%`);
  await expect(panel.getByTestId('spread')).toHaveText(spreads);
  const firstToDiscuss = DIMENSIONS[expected.value.discussionQueue[0] - 1];
  await expect(panel.getByTestId('discussion-queue').locator('li').first()).toHaveText(firstToDiscuss);
  await expect(panel.getByTestId('heatmap').locator('th', { hasText: PEOPLE[2].name })).toHaveText(PEOPLE[2].name);
  // Criterion names stay readable in the narrow side column: wrapped between words, never a letter a line.
  const nameCell = panel.getByTestId('heatmap').getByRole('cell', { name: 'Ease of use', exact: true });
  expect((await nameCell.boundingBox())!.width).toBeGreaterThan(80);
  await docsScreenshot(page, 'workshop-result', { fullPage: true });

  await panel.getByRole('button', { name: 'Keep as scenario' }).click();
  await expect(page.getByRole('region', { name: 'Scenarios' }).locator('li .name').last()).toHaveText('Workshop group weights');

  await panel.getByRole('button', { name: 'Apply group weights' }).click();
  await app.matrix.saved();
  await expect(app.matrix.weightShare('Deployment and production')).toHaveText(shares[3]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(scriptDialogs()).toBe(0);
});

test('in a rank-order round a phone orders the dimensions, and one in a points round shares 100 points', async ({ app, browser }) => {
  const { page } = app;
  const panel = page.getByRole('region', { name: 'Workshop' });
  await panel.getByLabel('People weigh with').selectOption({ label: 'Rank order' });
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await expect(panel.getByTestId('join-url')).toHaveText(/join\?code=/);
  const joinUrl = (await panel.getByTestId('join-url').textContent())!;

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const p = await phone.newPage();
  await p.goto(joinUrl);
  await p.getByRole('button', { name: 'Join' }).click();
  const order = p.getByTestId('rank-order').locator('.name');
  await expect(order).toHaveText(DIMENSIONS);
  // Deployment and production (4th) to the top, by keyboard-reachable buttons.
  for (let i = 0; i < 3; i++) await p.getByRole('button', { name: 'Move Deployment and production up' }).click();
  await expect(order.first()).toHaveText('Deployment and production');
  await expect(p.getByTestId('rank-order').locator('output').first()).toHaveText('41%');
  await p.getByRole('button', { name: 'Send my order' }).click();
  await expect(p.getByText(/^Sent. You can change/)).toBeVisible();
  await phone.close();

  await expect(panel.getByTestId('submitted-count')).toHaveText('1 of 1 submitted');
  await panel.getByRole('button', { name: 'Reveal' }).click();
  // One person's rank-order centroid weights are the group's: 40.8 % for the first of six.
  await expect(panel.getByTestId('group-weight').nth(3)).toHaveText('40.8%');
  await panel.getByRole('button', { name: 'Close round' }).click();
  await panel.getByRole('button', { name: 'New round' }).click();

  await panel.getByLabel('People weigh with').selectOption({ label: '100 points' });
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await expect(panel.getByTestId('join-url')).toHaveText(/join\?code=/);
  const pointsUrl = (await panel.getByTestId('join-url').textContent())!;
  const second = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const q = await second.newPage();
  await q.goto(pointsUrl);
  await q.getByRole('button', { name: 'Join' }).click();
  await expect(q.getByTestId('points-left')).toHaveText('All 100 points given.');
  await q.getByLabel('Points for Ease of use').fill('40');
  await q.getByLabel('Points for Ease of use').blur();
  await expect(q.getByTestId('points-left')).toHaveText('23 points too many.');
  await expect(q.getByRole('button', { name: 'Send my points' })).toBeDisabled();
  // Under the geometric mean (the round's rule) each criterion keeps at least 1 point: a typed 0 is not taken.
  await q.getByLabel('Points for Dynamic vs static computation graphs').fill('0');
  await q.getByLabel('Points for Dynamic vs static computation graphs').blur();
  await expect(q.getByLabel('Points for Dynamic vs static computation graphs')).toHaveValue('17');
  await q.getByLabel('Points for Dynamic vs static computation graphs').fill('1');
  await q.getByLabel('Points for Dynamic vs static computation graphs').blur();
  // The even start was 17, 17, 17, 17, 16, 16: 40 + 1 + 17 + 17 + 16 + 16 is 7 too many.
  await expect(q.getByTestId('points-left')).toHaveText('7 points too many.');
  await q.getByLabel('Points for Ecosystem and tools').fill('10');
  await q.getByLabel('Points for Ecosystem and tools').blur();
  await expect(q.getByTestId('points-left')).toHaveText('All 100 points given.');
  await q.getByRole('button', { name: 'Send my points' }).click();
  await expect(q.getByText(/^Sent. You can change/)).toBeVisible();
  await second.close();
});

test('a real room: a named round, two people called Ana told apart, a rejoin from the same browser, a removal, "+1 min" on the phones, and a closed round’s link', async ({ app, browser }) => {
  const { page } = app;
  const panel = page.getByRole('region', { name: 'Workshop' });
  await panel.getByLabel('Round name').fill('Offsite, round 1');
  // A time limit past 4 hours is refused where the facilitator sees it, and no round starts.
  await panel.getByLabel('Minutes').fill('999');
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await expect(panel.getByRole('alert')).toHaveText('The time limit must be at most 240.');
  await expect(panel.getByTestId('join-screen')).toHaveCount(0);
  await panel.getByLabel('Minutes').fill('3');
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await expect(panel.getByTestId('round-title')).toHaveText('Offsite, round 1');
  await expect(panel.getByTestId('join-url')).toHaveText(/join\?code=/);
  const joinUrl = (await panel.getByTestId('join-url').textContent())!;

  const phones = await Promise.all([0, 1].map(() => browser.newContext({ viewport: { width: 390, height: 844 } })));
  const [ana, other] = await Promise.all(phones.map((phone) => phone.newPage()));
  for (const p of [ana, other]) {
    await p.goto(joinUrl);
    await p.getByLabel('Your name').fill('Ana');
    await p.getByRole('button', { name: 'Join' }).click();
    await expect(p.getByTestId('round-name')).toHaveText('Offsite, round 1');
  }
  await expect(ana.getByTestId('my-name')).toHaveText('Ana');
  await expect(other.getByTestId('my-name')).toHaveText('Ana (2)');
  await expect(panel.locator('.people li span')).toHaveText(['Ana', 'Ana (2)']);

  // The phone explains what a weight is, with the criterion's description, and no score-scale labels.
  const fieldset = ana.locator('fieldset', { hasText: 'Ease of use' });
  await expect(fieldset.getByText('How much does this matter to you?')).toBeVisible();
  await expect(ana.getByText(/Scores run from/)).toHaveCount(0);
  // Under the geometric mean the slider cannot reach 0 (one 0 would make the group weight 0).
  await expect(ana.getByRole('slider', { name: 'Weight of Ease of use' })).toHaveAttribute('min', '1');
  await ana.screenshot({ path: '/tmp/facil-shots/phone-sliders-390.png', fullPage: true });

  // The timer is on the phones, and "+1 min" reaches them at their next poll.
  const seconds = async (p: typeof ana) => {
    const [m, s] = (await p.getByTestId('phone-timer').textContent())!.replace(' left', '').split(':').map(Number);
    return m * 60 + s;
  };
  await expect(ana.getByTestId('phone-timer')).toHaveText(/^[23]:\d\d left$/);
  await panel.getByRole('button', { name: '+1 min' }).click();
  await expect.poll(() => seconds(ana), { timeout: 8000 }).toBeGreaterThan(3 * 60);

  // Ana opens the link again in a new tab of the same browser: the same participant, not a third.
  await ana.getByRole('slider', { name: 'Weight of Ease of use' }).fill('80');
  await ana.getByRole('button', { name: 'Send my weights' }).click();
  await expect(ana.getByText(/^Sent. You can change/)).toBeVisible();
  const again = await phones[0].newPage();
  await again.goto(joinUrl);
  await expect(again.getByTestId('my-name')).toHaveText('Ana');
  await expect(again.getByRole('button', { name: 'Send again' })).toBeVisible();
  await expect(again.getByRole('slider', { name: 'Weight of Ease of use' })).toHaveValue('80');
  await expect(panel.getByTestId('submitted-count')).toHaveText('1 of 2 submitted');

  // The facilitator removes the duplicate: it leaves the panel, and that phone says so.
  await panel.getByRole('button', { name: 'Remove Ana (2)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.locator('.people li span')).toHaveText(['Ana']);
  await expect(panel.getByTestId('submitted-count')).toHaveText('1 of 1 submitted');
  await expect(other.getByTestId('phone-status')).toHaveText('The facilitator has removed you from this round; your weights no longer count.');
  await expect(other.getByRole('button', { name: /^Send/ })).toHaveCount(0);
  await other.screenshot({ path: '/tmp/facil-shots/phone-removed-390.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await panel.screenshot({ path: '/tmp/facil-shots/panel-open-1280.png' });

  // Closed: open phones update, and the link serves a page saying so (the server lingers).
  await panel.getByRole('button', { name: 'Close round' }).click();
  await expect(again.getByTestId('phone-status')).toHaveText(/^This round is closed/);
  const late = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const latePage = await late.newPage();
  const answer = await latePage.goto(joinUrl);
  expect(answer?.status()).toBe(410);
  await expect(latePage.getByRole('heading', { name: 'This round is closed' })).toBeVisible();
  await latePage.screenshot({ path: '/tmp/facil-shots/phone-closed-390.png' });
  for (const context of [...phones, late]) await context.close();
});

test('in a round that asks for scores, a phone scores the options on the criterion’s own scale with a reason; a score off the scale is refused in words; the group score shows after the reveal', async ({ app, browser }) => {
  const { page } = app;
  const panel = page.getByRole('region', { name: 'Workshop' });
  await panel.getByRole('group', { name: /People also score the options on/ }).getByLabel('Ease of use', { exact: true }).check();
  await panel.getByLabel('Combine each cell’s scores by').selectOption({ label: 'Mean' });
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await expect(panel.getByTestId('join-url')).toHaveText(/join\?code=/);
  const joinUrl = (await panel.getByTestId('join-url').textContent())!;

  const given = [
    { name: 'Ana', pytorch: '5', tensorflow: '2', reason: 'Plain <b>Python</b>' },
    { name: 'Bo', pytorch: '2', tensorflow: '3', reason: '' },
  ];
  const phones = [];
  for (const person of given) {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    phones.push({ phone, p });
    await p.goto(joinUrl);
    await p.getByLabel('Your name').fill(person.name);
    await p.getByRole('button', { name: 'Join' }).click();
    const scoring = p.getByRole('region', { name: 'Score the options' });
    await expect(scoring).toBeVisible();
    // The score scale's labels appear where people score, and not beside the importance slider.
    const scale = scoring.getByTestId('score-criterion');
    await expect(scale).toHaveCount(1);
    await expect(scale).toContainText('From 1 (steep learning curve, hard to debug) to 5 (plain Python, debug with pdb)');
    await expect(p.locator('fieldset', { has: p.getByRole('slider', { name: 'Weight of Ease of use' }) })).not.toContainText('steep learning curve');
    await scoring.getByLabel('Score of PyTorch on Ease of use').fill('6');
    await p.getByRole('button', { name: 'Send my weights and scores' }).click();
    await expect(p.getByRole('alert')).toHaveText('Your score for “PyTorch” on “Ease of use” must be a number from 1 to 5, or left empty.');
    await scoring.getByLabel('Score of PyTorch on Ease of use').fill(person.pytorch);
    await scoring.getByLabel('Score of TensorFlow on Ease of use').fill(person.tensorflow);
    if (person.reason) await scoring.getByLabel('Why PyTorch scores so on Ease of use (optional)').fill(person.reason);
    if (person.name === 'Ana') await p.screenshot({ path: '/tmp/facil-shots/phone-scores-390.png', fullPage: true });
    await p.getByRole('button', { name: 'Send my weights and scores' }).click();
    await expect(p.getByText('Sent. You can change your weights and scores and send again until the round closes.')).toBeVisible();
  }
  await expect(panel.getByTestId('submitted-count')).toHaveText('2 of 2 submitted');
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(panel.getByRole('heading', { name: 'Group scores (mean)' })).toBeVisible();
  await expect(panel.getByTestId('score-grid').getByTestId('group-score')).toHaveText([/^3\.5\s*SD 1\.50 · n 2\s*discuss$/, /^2\.5\s*SD 0\.50 · n 2\s*discuss$/]);
  await panel.getByText('Reasons given (1)').click();
  await expect(panel.locator('.reasons li')).toHaveText('PyTorch on Ease of use, 5 (Ana): Plain <b>Python</b>');
  await panel.screenshot({ path: '/tmp/facil-shots/panel-scores-1280.png' });

  // Shared with the room, each phone shows the group's score of each cell and how many scored it; never who said what, nor why.
  await panel.getByLabel('Show the result on phones').check();
  const { p: ana } = phones[0];
  const shown = ana.getByTestId('group-scores');
  await expect(shown.getByRole('listitem')).toHaveText([/^PyTorch\s*3\.5\s*\(2 people\)$/, /^TensorFlow\s*2\.5\s*\(2 people\)$/]);
  await expect(shown.getByRole('heading', { name: 'Ease of use (1–5)' })).toBeVisible();
  await expect(ana.locator('body')).not.toContainText('Plain <b>Python</b>');
  await expect(ana.getByText(/send again until the round closes/)).toHaveCount(0);
  await ana.screenshot({ path: '/tmp/facil-shots/phone-group-scores-390.png', fullPage: true });
  for (const { phone } of phones) await phone.close();
});
