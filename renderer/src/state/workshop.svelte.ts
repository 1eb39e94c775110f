import type { AggregationRule, ScoreRule } from '../../../core/aggregation';
import type { Client, WorkshopRound } from '../../../core/contract';
import type { RoundWeighing } from '../../../core/workshop';
import { groupRobustness, type GroupRobustness } from '../../../core/group-robustness';
import type { DecisionEditor } from './decision-editor.svelte';
import { RoundHistory } from './round-history.svelte';

/** Without live events (the desktop app) the panel polls; with them it only re-checks now and then. */
const POLL_MS = 1000;
const SAFETY_POLL_MS = 10_000;
export type Subscribe = (event: string, listener: () => void) => () => void;

/**
 * The facilitator's side of a workshop round for the open decision: start, watch who has
 * submitted, reveal, extend, close, and use the result.
 */
export class WorkshopState {
  round = $state<WorkshopRound | null>(null);
  qrDataUrl = $state<string | null>(null);
  anonymous = $state(false);
  rule = $state<AggregationRule>('geometric-mean');
  /** How people weigh on their phones. */
  weighing = $state<RoundWeighing>('sliders');
  /** The criteria people also score the options on (none: weights only), and how each cell's scores combine. */
  scoreCriteria = $state<number[]>([]);
  scoreRule = $state<ScoreRule>('median');
  minutes = $state(5);
  /** The next round's name, as typed (optional). */
  name = $state('');
  now = $state(Date.now());
  error = $state<string | null>(null);
  /** The decision's past rounds, to open read-only. */
  readonly history: RoundHistory;

  readonly #client: Client;
  readonly #editor: DecisionEditor;
  readonly #subscribe: Subscribe | null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;

  /** How far to trust the revealed result: the group weights' headline, and how each person's own weights rank the options. */
  robustness: GroupRobustness | null = $derived.by(() => {
    const result = this.round?.result;
    return result ? groupRobustness(this.#editor.robustnessMatrix, result.weights.weights, result.group, result.participants) : null;
  });

  /** Who has submitted, in joining order: the columns of the result's heatmap. */
  submitted = $derived(this.round?.participants.filter((p) => p.submitted) ?? []);
  submittedCount = $derived(this.submitted.length);
  secondsLeft = $derived(this.round?.endsAt ? Math.max(0, Math.round((new Date(this.round.endsAt).getTime() - this.now) / 1000)) : null);

  constructor(client: Client, editor: DecisionEditor, subscribe: Subscribe | null) {
    this.#client = client;
    this.#editor = editor;
    this.#subscribe = subscribe;
    this.history = new RoundHistory(client, editor);
  }

  /** Picks up a round still live for this decision (after a reload), and starts watching. */
  async resume(): Promise<void> {
    const rounds = await this.#client.listRounds({ decisionId: this.#editor.id });
    if (rounds.ok) await this.resumeFrom(rounds.value);
  }

  /** The same, from the decision's rounds already read (the app's first call brings them). */
  async resumeFrom(rounds: readonly WorkshopRound[]): Promise<void> {
    const live = rounds.find((r) => r.state !== 'closed');
    if (live) await this.#show(live);
  }

  async start(): Promise<void> {
    const started = await this.#client.startRound({
      decisionId: this.#editor.id,
      name: this.name,
      anonymous: this.anonymous,
      rule: this.rule,
      weighing: this.weighing,
      // Only criteria the decision still has (one may have been removed since it was ticked).
      scoreCriteria: this.scoreCriteria.filter((id) => this.#editor.decision.criteria.some((c) => c.id === id)),
      scoreRule: this.scoreRule,
      minutes: this.minutes > 0 ? this.minutes : null,
    });
    if (!started.ok) return void (this.error = started.error.message);
    this.error = null;
    await this.#show(started.value);
  }

  async #show(round: WorkshopRound): Promise<void> {
    await this.#adopt(round);
    this.stop();
    this.#unsubscribe = this.#subscribe?.('rounds', () => void this.refresh());
    this.#timer = setInterval(() => void this.refresh(), this.#subscribe ? SAFETY_POLL_MS : POLL_MS);
    this.#clock = setInterval(() => (this.now = Date.now()), 1000);
    // Catch anything that changed before the listener was attached (e.g. the join link).
    void this.refresh();
  }

  async #adopt(round: WorkshopRound): Promise<void> {
    const urlChanged = round.joinUrl !== this.round?.joinUrl;
    this.round = round;
    this.now = Date.now();
    // The QR code library is loaded with the first round, not at start.
    if (urlChanged) this.qrDataUrl = round.joinUrl ? await (await import('qrcode')).default.toDataURL(round.joinUrl, { margin: 1, width: 220 }) : null;
  }

  async refresh(): Promise<void> {
    if (!this.round) return;
    const round = await this.#client.getRound({ roundId: this.round.id });
    if (round.ok) await this.#adopt(round.value);
    if (round.ok && round.value.state === 'closed') this.stop();
  }

  async update(change: { state?: 'revealed' | 'closed'; addMinutes?: number; shareResult?: boolean }): Promise<void> {
    if (!this.round) return;
    const updated = await this.#client.updateRound({ roundId: this.round.id, ...change });
    if (!updated.ok) return void (this.error = updated.error.message);
    this.error = null;
    await this.#adopt(updated.value);
    if (updated.value.state === 'closed') this.stop();
  }

  /** Takes a person out of the round: their weights stop counting and their phone says so. */
  async remove(participantId: number): Promise<void> {
    if (!this.round) return;
    const updated = await this.#client.removeParticipant({ roundId: this.round.id, participantId });
    if (!updated.ok) return void (this.error = updated.error.message);
    this.error = null;
    await this.#adopt(updated.value);
  }

  async applyGroupWeights(): Promise<void> {
    if (!this.round) return;
    await this.#editor.change('applyGroupWeights', { roundId: this.round.id });
  }

  /** Puts the group's score of every cell people scored into the matrix: one step to undo. */
  async applyGroupScores(): Promise<void> {
    if (!this.round) return;
    await this.#editor.change('applyGroupScores', { roundId: this.round.id });
    await this.refresh();
  }

  /** Ticks or unticks a criterion for people to score. */
  toggleScored(criterionId: number, on: boolean): void {
    this.scoreCriteria = on ? [...new Set([...this.scoreCriteria, criterionId])] : this.scoreCriteria.filter((id) => id !== criterionId);
  }

  /** Display name for a participant: their name, or "Participant n" in anonymous rounds (n given at join, never changed). */
  label(index: number): string {
    const person = this.round?.participants[index];
    return person?.name ? person.name : `Participant ${person?.number ?? index + 1}`;
  }

  stop(): void {
    clearInterval(this.#timer);
    clearInterval(this.#clock);
    this.#unsubscribe?.();
    this.#timer = this.#clock = this.#unsubscribe = undefined;
  }

  dismiss(): void {
    this.stop();
    this.round = null;
    this.qrDataUrl = null;
  }
}
