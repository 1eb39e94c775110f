import type { Direction } from '../core/model';
import { WEIGHTING_METHOD_NAMES, type WeightingMethod } from '../core/weighting';

/**
 * The label of each step to undo, in the person's words: the app shows "Undid: remove option
 * “JAX”". Names are quoted as typed (the renderer shows them as text).
 */
export const q = (name: string) => `“${name}”`;

export const stepLabels = {
  renameDecision: (title: string) => `rename the decision to ${q(title)}`,
  editContext: () => 'edit the context',
  markDecided: () => 'mark the decision decided',
  reopen: () => 'reopen the decision',
  choose: (option: string | null) => (option === null ? 'clear the chosen option' : `choose ${q(option)}`),
  editReason: () => 'edit the reason for the choice',

  addOption: (name: string) => `add option ${q(name)}`,
  renameOption: (from: string, to: string) => `rename option ${q(from)} to ${q(to)}`,
  describeOption: (name: string) => `edit the description of option ${q(name)}`,
  moveOption: (name: string) => `move option ${q(name)}`,
  removeOption: (name: string) => `remove option ${q(name)}`,

  addCriterion: (name: string) => `add criterion ${q(name)}`,
  renameCriterion: (from: string, to: string) => `rename criterion ${q(from)} to ${q(to)}`,
  describeCriterion: (name: string) => `edit the description of criterion ${q(name)}`,
  direct: (name: string, direction: Direction) => `make ${q(name)} ${direction === 'cost' ? 'a cost (lower is better)' : 'a benefit (higher is better)'}`,
  rescale: (name: string) => `change the scale of ${q(name)}`,
  moveCriterion: (name: string) => `move criterion ${q(name)}`,
  removeCriterion: (name: string) => `remove criterion ${q(name)}`,

  score: (option: string, criterion: string) => `score ${q(option)} on ${q(criterion)}`,
  rationale: (option: string, criterion: string) => `edit the rationale for ${q(option)} on ${q(criterion)}`,
  source: (option: string, criterion: string) => `edit the source for ${q(option)} on ${q(criterion)}`,

  weight: (criterion: string) => `change the weight of ${q(criterion)}`,
  weights: (count: number) => `change ${count} weights`,
  // "switch to rank order", "switch to AHP pairwise comparison": a capital only where the name needs one.
  method: (method: WeightingMethod) => `switch to ${WEIGHTING_METHOD_NAMES[method].replace(/^[A-Z][a-z]/, (start) => start.toLowerCase())}`,
  points: () => 'change the points',
  rankOrder: () => 'change the rank order',
  rankRule: () => 'change how ranks become weights',
  swing: () => 'change the swing weights',
  judgments: () => 'change the pairwise comparisons',

  keepScenario: (name: string) => `keep scenario ${q(name)}`,
  applyScenario: (name: string) => `apply scenario ${q(name)}`,
  deleteScenario: (name: string) => `delete scenario ${q(name)}`,
  applyGroupWeights: (code: string) => `apply the group’s weights from round ${code}`,
  keepGroupWeights: (name: string) => `keep the group’s weights as ${q(name)}`,
  applyGroupScores: (code: string) => `apply the group’s scores from round ${code}`,

  restoreVersion: (name: string) => `restore version ${q(name)}`,
};

/** Slider rests this close together on the same criteria are one step to undo. */
export const WEIGHT_STEP_JOIN_MS = 2000;
