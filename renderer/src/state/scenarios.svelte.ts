import type { Client, ScenarioSummary } from '../../../core/contract';
import type { DecisionEditor } from './decision-editor.svelte';

/** Named weight sets of the open decision: keep the current weights, apply one, delete one. */
export class ScenarioList {
  items = $state<ScenarioSummary[]>([]);
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

  #take(result: Awaited<ReturnType<Client['listScenarios']>>): boolean {
    if (!result.ok) {
      this.#editor.error = result.error.message;
      return false;
    }
    this.items = result.value;
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

  /**
   * Applying one moves the sliders and switches to direct weights, in the one transaction the store
   * runs (a refusal changes nothing); the decision it answers with carries both.
   */
  apply(scenarioId: number): Promise<boolean> {
    return this.#editor.change('applyScenario', { scenarioId });
  }

  async remove(scenarioId: number): Promise<boolean> {
    return this.#take(await this.#client.deleteScenario({ scenarioId }));
  }
}
