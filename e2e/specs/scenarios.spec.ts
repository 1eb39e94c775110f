import { expect, test } from '../fixtures';
import { ScenariosPanel } from '../pages/scenarios-panel';

const DEPLOYMENT = 'Deployment and production';

test('the current weights and every scenario side by side, with rank changes marked and the matching scenario named', async ({ app }) => {
  const scenarios = new ScenariosPanel(app.page);
  await expect(scenarios.comparisonHeaders).toHaveText(['Option', 'Current weights', 'Research and prototyping', 'Large-scale production']);
  await expect(scenarios.sameAsCurrent).toContainText('The current weights are not any saved scenario.');
  // Seeded weights: PyTorch 83.8 %, first; the production weighting puts TensorFlow first.
  await expect(scenarios.comparisonCells('PyTorch')).toHaveText([/^#1 83\.8%\s*$/, /^#1 88\.8%\s*$/, /^#2 68\.8% ▼1$/]);
  await expect(scenarios.comparisonCells('TensorFlow')).toHaveText([/^#2 78\.8%\s*$/, /^#2 73\.8%\s*$/, /^#1 92\.5% ▲1$/]);
  await expect(scenarios.comparisonCells('TensorFlow').nth(2).locator('.change')).toHaveAttribute('aria-label', '1 place higher than now');

  await scenarios.apply('Large-scale production').click();
  await expect(scenarios.sameAsCurrent).toContainText('The current weights are the scenario “Large-scale production”.');
  await expect(app.matrix.rankingNames.first()).toHaveText('TensorFlow');
});

test('applying a scenario keeps the weights it replaced, to bring back in one step', async ({ app }) => {
  const { matrix } = app;
  const scenarios = new ScenariosPanel(app.page);
  await matrix.setWeight(DEPLOYMENT, 40);
  await expect(matrix.weightShare(DEPLOYMENT)).toHaveText('30.8%');
  await matrix.saved();
  await scenarios.apply('Research and prototyping').click();
  await expect(scenarios.restoreNote).toContainText('“Research and prototyping” replaced the weights you had.');
  await expect(matrix.weightShare(DEPLOYMENT)).not.toHaveText('30.8%');

  await scenarios.restore.click();
  await expect(matrix.weightShare(DEPLOYMENT)).toHaveText('30.8%');
  await expect(scenarios.restoreNote).toBeHidden();
  await matrix.saved();
  await app.page.reload();
  await matrix.ready();
  await expect(matrix.weightShare(DEPLOYMENT)).toHaveText('30.8%');
});

test('scenario names are unique within a decision, and deleting one asks first', async ({ app }) => {
  const scenarios = new ScenariosPanel(app.page);
  await scenarios.nameField.fill(' large-scale PRODUCTION');
  await scenarios.keep.click();
  await expect(app.matrix.errorMessage).toHaveText('This decision already has a scenario named “Large-scale production”: choose another name, or delete that one first.');
  await expect(scenarios.names).toHaveText(['Research and prototyping', 'Large-scale production']);

  await scenarios.remove('Research and prototyping').click();
  await expect(scenarios.confirm).toContainText('Delete the scenario “Research and prototyping”? Undo (Ctrl+Z) brings it back.');
  await scenarios.confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(scenarios.names).toHaveText(['Research and prototyping', 'Large-scale production']);
  await scenarios.remove('Research and prototyping').click();
  await scenarios.confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(scenarios.names).toHaveText(['Large-scale production']);
  await expect(scenarios.comparisonHeaders).toHaveText(['Option', 'Current weights', 'Large-scale production']);
  // As it said: undo brings it back, with its weights.
  await app.page.locator('body').press('Control+z');
  await expect(app.page.getByTestId('history-message')).toHaveText('Undid: delete scenario “Research and prototyping”');
  await expect(scenarios.names).toHaveText(['Research and prototyping', 'Large-scale production']);
  await scenarios.apply('Research and prototyping').click();
  await expect(app.matrix.rankingNames.first()).toHaveText('PyTorch');
});
