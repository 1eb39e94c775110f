import type { Client, ScenarioSummary } from '../../../core/contract';
import type { WeightingMethod } from '../../../core/weighting';
import type { DecisionEditor } from './decision-editor.svelte';

/** The weights on screen before a scenario was applied: what "bring back" restores. */
export interface WeightsBefore {
  /** The scenario applied over them. */
  applied: string;
  /** Slider value per criterion id. */
  weights: Record<number, number>;
  method: WeightingMethod;
}

/** Named weight sets of the open decision: keep the current weights, apply one, delete one. */
export class ScenarioList {
  items = $state<ScenarioSummary[]>([]);
  /**
   * Applying a scenario replaces the weights on screen; until the next one is applied they can be
   * brought back in one step (restoreBefore). Null when there is nothing to bring back.
   */
  before = $state.raw<WeightsBefore | null>(null);
  readonly #client: Client;
  readonly #editor: DecisionEditor;

  constructor(client: Client, editor: DecisionEditor) {
    this.#client = client;
    this.#editor = editor;
  }

  async load(): Promise<void> {
    const listed = await this.#client.listScenarios({ decisionId: this.#editor.id });
    if (listed.ok) this.items = listed.value;
  }

  /** The refusal this panel last put in the editor's banner: a later success takes it away. */
  #refusal: string | null = null;

  #take(result: Awaited<ReturnType<Client['listScenarios']>>): boolean {
    if (!result.ok) {
      this.#editor.error = this.#refusal = result.error.message;
      return false;
    }
    if (this.#refusal !== null && this.#editor.error === this.#refusal) this.#editor.error = null;
    this.#refusal = null;
    this.items = result.value;
    // Keeping or deleting a scenario is a step to undo.
    this.#editor.historyChanged();
    return true;
  }

  async keepCurrent(name: string): Promise<boolean> {
    await this.#editor.flushWeights();
    return this.#take(await this.#client.saveScenario({ decisionId: this.#editor.id, name }));
  }

  async keepGroupWeights(roundId: number, name: string): Promise<boolean> {
    return this.#take(await this.#client.keepGroupWeights({ roundId, name }));
  }

  /**
   * A scenario holds slider values: kept under another method it holds the weights that method
   * gives (the store converts them), and applying one switches to direct weights. The app says so.
   */
  get slidersInUse(): boolean {
    return this.#editor.weighting.method === 'direct';
  }


  get editor(): DecisionEditor {
    return this.#editor;
  }

  /**
   * Applying one moves the sliders and switches to direct weights, in the one transaction the store
   * runs (a refusal changes nothing); the weights it replaced can be brought back in one step.
   */
  async apply(scenarioId: number): Promise<boolean> {
    const editor = this.#editor;
    const before: WeightsBefore = {
      applied: this.items.find((s) => s.id === scenarioId)?.name ?? '',
      weights: Object.fromEntries(editor.decision.criteria.map((c) => [c.id, editor.weightOf(c.id)])),
      method: editor.weighting.method,
    };
    const applied = await editor.change('applyScenario', { scenarioId });
    if (applied) this.before = before;
    return applied;
  }

  /** Brings back the weights (and the weighting method) the last applied scenario replaced. */
  async restoreBefore(): Promise<boolean> {
    const before = this.before;
    if (!before) return false;
    const editor = this.#editor;
    for (const c of editor.decision.criteria) if (Object.hasOwn(before.weights, c.id)) editor.setWeight(c.id, before.weights[c.id]);
    if (editor.weighting.method !== before.method) editor.setWeighting({ method: before.method });
    await editor.flushWeights();
    if (editor.error !== null) return false;
    this.before = null;
    return true;
  }

  async remove(scenarioId: number): Promise<boolean> {
    return this.#take(await this.#client.deleteScenario({ scenarioId }));
  }
}
