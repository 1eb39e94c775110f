import type { Client, WorkshopRound } from '../../../core/contract';
import { recordRounds, type RecordedRound } from '../../../core/round-record';
import type { DecisionEditor } from './decision-editor.svelte';

/**
 * The open decision's past workshop rounds, read-only: the list in the workshop panel and the
 * round opened from it. The same record (core/round-record.ts) the PDF and the Markdown carry.
 */
export class RoundHistory {
  rounds = $state<readonly WorkshopRound[]>([]);
  /** The round opened read-only, by id. */
  openId = $state<number | null>(null);
  error = $state<string | null>(null);

  readonly #client: Client;
  readonly #editor: DecisionEditor;

  /** Every round, oldest first and numbered so; under the decision's current names. */
  recorded: RecordedRound[] = $derived.by(() => recordRounds(this.#editor.decision, this.rounds));
  opened: RecordedRound | null = $derived(this.recorded.find((r) => r.id === this.openId) ?? null);

  constructor(client: Client, editor: DecisionEditor) {
    this.#client = client;
    this.#editor = editor;
  }

  /** The rounds other than the one the panel is running, newest first. */
  past(liveId: number | null): RecordedRound[] {
    return this.recorded.filter((r) => r.id !== liveId).reverse();
  }

  async load(): Promise<void> {
    const listed = await this.#client.listRounds({ decisionId: this.#editor.id });
    if (!listed.ok) return void (this.error = listed.error.message);
    this.error = null;
    this.rounds = listed.value;
    if (this.openId !== null && !listed.value.some((r) => r.id === this.openId)) this.openId = null;
  }

  open(id: number | null): void {
    this.openId = id;
  }
}
