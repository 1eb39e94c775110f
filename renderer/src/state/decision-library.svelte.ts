import type { Client } from '../../../core/contract';
import type { DecisionSummary } from '../../../core/model';
import { DecisionEditor } from './decision-editor.svelte';

/** The list of decisions and the one that is open. */
export class DecisionLibrary {
  summaries = $state<DecisionSummary[]>([]);
  editor = $state<DecisionEditor | null>(null);
  ready = $state(false);
  error = $state<string | null>(null);

  readonly client: Client;

  constructor(client: Client) {
    this.client = client;
  }

  async load(): Promise<void> {
    await this.refresh();
    const first = this.summaries[0];
    if (first && !this.editor) await this.open(first.id);
    this.ready = true;
  }

  async refresh(): Promise<void> {
    const result = await this.client.listDecisions({});
    if (result.ok) this.summaries = result.value;
    else this.error = result.error.message;
  }

  async open(decisionId: number): Promise<void> {
    await this.editor?.flushWeights();
    const result = await this.client.getDecision({ decisionId });
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    this.editor = new DecisionEditor(this.client, result.value);
  }

  async #openResult(result: Awaited<ReturnType<Client['createDecision']>>): Promise<boolean> {
    if (!result.ok) {
      this.error = result.error.message;
      return false;
    }
    this.error = null;
    await this.refresh();
    this.editor = new DecisionEditor(this.client, result.value);
    return true;
  }

  create(title: string): Promise<boolean> {
    return this.client.createDecision({ title }).then((r) => this.#openResult(r));
  }

  createFromTemplate(name: string): Promise<boolean> {
    return this.client.createFromTemplate({ name }).then((r) => this.#openResult(r));
  }

  duplicate(decisionId: number): Promise<boolean> {
    return this.client.duplicateDecision({ decisionId }).then((r) => this.#openResult(r));
  }

  async rename(decisionId: number, title: string): Promise<boolean> {
    const ok = this.editor?.id === decisionId ? await this.editor.change('updateDecision', { decisionId, title }) : (await this.client.updateDecision({ decisionId, title })).ok;
    await this.refresh();
    return ok;
  }

  async remove(decisionId: number): Promise<void> {
    const result = await this.client.deleteDecision({ decisionId });
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    if (this.editor?.id === decisionId) this.editor = null;
    await this.refresh();
    if (!this.editor && this.summaries[0]) await this.open(this.summaries[0].id);
  }
}
