import type { Client, HistoryState, MethodInput, MethodName, MethodOutput } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { EffectiveWeights, WeightingMethod } from '../../../core/weighting';
import { decisionWeights, type WeightingInputs } from '../../../core/weighting/inputs';
import type { Criterion, Decision, Score } from '../../../core/model';
import { prepareDecision, weighDecision, type OptionScore } from '../../../core/decision-scoring';
import { switchTo } from './weighting-seed';
import { analyseSensitivity, robustnessMatrixOfDecision, type RobustnessMatrix, type Sensitivity } from '../../../core/sensitivity';
import { chartedCriteria, contributionSeries, profileSeries, type ChartSeries, type ChartedCriteria } from '../charts/chart-data';

export type SaveState = 'saved' | 'saving' | 'error';

/** A change to the weighting: each part given replaces that part of the inputs. */
export type WeightingChange = Partial<WeightingInputs>;

const definedParts = (change: WeightingChange): WeightingChange => Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));

/** The inputs as setWeighting takes them. */
function weightingInput(change: WeightingChange) {
  return {
    method: change.method,
    rule: change.rule,
    order: change.order,
    judgments: change.judgments,
    points: change.points && Object.entries(change.points).map(([criterionId, points]) => ({ criterionId: Number(criterionId), points })),
    swing: change.swing && Object.entries(change.swing).map(([criterionId, points]) => ({ criterionId: Number(criterionId), points })),
  };
}

/** How long a slider may rest before its weight is written; the totals never wait for this. */
export const WEIGHT_SAVE_DELAY_MS = 250;

type DecisionMethod = {
  [K in MethodName]: MethodOutput<K> extends Decision ? K : never;
}[MethodName];

/**
 * One open decision. Totals, ranks and charts are derived with core's scoring in the same frame
 * as the input; the store is written through the client and its answer (the committed
 * decision) replaces the local copy.
 *
 * The committed decision is held raw (replaced whole, never mutated), and slider positions live
 * in a small overlay beside it: a weight change then invalidates only what depends on weights,
 * not every cell of the matrix.
 */
export class DecisionEditor {
  decision = $state.raw() as Decision;
  /** Slider positions that differ from the committed decision, by criterion id. */
  liveWeights = $state<Record<number, number>>({});
  saveState = $state<SaveState>('saved');
  #error = $state<string | null>(null);
  /** Counts what is shown as the error, so a change answered later cannot clear a newer one. */
  #errorsShown = 0;
  /**
   * The last refusal or failure, shown to the user until the next successful change — one asked
   * for after it: a save already in flight when a typed number is refused does not clear the
   * refusal when it is answered.
   */
  get error(): string | null {
    return this.#error;
  }
  set error(message: string | null) {
    this.#error = message;
    this.#errorsShown++;
  }

  /** The criteria with their current (live) weights. */
  criteria: Criterion[] = $derived(
    this.decision.criteria.map((c) => (this.liveWeights[c.id] === undefined ? c : { ...c, weight: this.liveWeights[c.id] })),
  );
  /** Scores checked and placed on their scales: redone when the committed decision changes, not when a slider moves. */
  #prepared = $derived(prepareDecision(this.decision));
  /** The current (live) slider value of every criterion, by id. */
  #weights = $derived(new Map(this.criteria.map((c) => [c.id, c.weight])));
  /** How the weights are elicited, with every method's inputs, including changes not yet written. */
  weighting = $state.raw() as WeightingInputs;
  /** The weights the active method gives: what the totals, charts and exports use. */
  effective: Result<EffectiveWeights<number>> = $derived(decisionWeights(this.weighting, this.criteria));
  scores = $derived.by(() => {
    if (!this.#prepared.ok) return this.#prepared;
    if (this.weighting.method === 'direct') return weighDecision(this.#prepared.value, (id) => this.weightOf(id));
    const effective = this.effective;
    return effective.ok ? weighDecision(this.#prepared.value, (id) => effective.value.weights[id] ?? 0) : effective;
  });
  /** The criteria with the weights the totals use (the sliders' own values under direct weighting). */
  weighedCriteria: Criterion[] = $derived.by(() => {
    if (this.weighting.method === 'direct') return this.criteria;
    const effective = this.effective;
    return this.criteria.map((c) => ({ ...c, weight: effective.ok ? (effective.value.weights[c.id] ?? 0) : 0 }));
  });
  #scoreIndex = $derived(new Map(this.decision.scores.map((s) => [`${s.optionId}:${s.criterionId}`, s])));
  /**
   * The weights that decide which criteria the charts draw one by one: the live weights as they
   * were when a slider was last let go (settleCharts). A drag never reshuffles the charts' series
   * (segments changing colour under the pointer as a criterion enters the heaviest); they follow
   * on release.
   */
  #chartedBy = $state.raw<Record<number, number>>({});
  /** Which criteria the charts draw one by one, and which they sum as "Other criteria". */
  charted: ChartedCriteria = $derived(chartedCriteria(this.weighedCriteria, this.#chartedBy));
  contributionChart: ChartSeries = $derived(
    this.scores.ok ? contributionSeries(this.decision, this.scores.value, this.charted) : { labels: [], series: [] },
  );
  profileChart: ChartSeries = $derived(this.scores.ok ? profileSeries(this.scores.value, this.charted) : { labels: [], series: [] });
  /** Options best first (complete ones by total, then incomplete ones); empty when unscorable. */
  ranking: OptionScore[] = $derived.by(() => {
    if (!this.scores.ok) return [];
    const byId = new Map(this.scores.value.options.map((o) => [o.optionId, o]));
    return this.scores.value.ranking.map((id) => byId.get(id)!);
  });
  /** Normalised weight per criterion id (all zero while the weights cannot be scored). */
  normalisedWeights = $derived(this.scores.ok ? this.scores.value.weights : {});
  /** The complete options' scores on 0..1, as the robustness analyses read them: redone when the committed decision changes, not when a slider moves. */
  robustnessMatrix: Result<RobustnessMatrix> = $derived(this.#prepared.ok ? robustnessMatrixOfDecision(this.#prepared.value) : this.#prepared);
  /** The effective weights (raw, as weighedCriteria gives them) in the matrix's criterion order. */
  robustnessWeights: number[] = $derived.by(() => {
    const weight = new Map(this.weighedCriteria.map((c) => [c.id, c.weight]));
    return this.robustnessMatrix.ok ? this.robustnessMatrix.value.criteria.map((c) => weight.get(c.id as number) ?? 0) : [];
  });
  /** One weight at a time: intervals, headline, fragile flag, tornado. Cheap enough for every slider input. */
  sensitivity: Result<Sensitivity> = $derived(this.robustnessMatrix.ok ? analyseSensitivity(this.robustnessMatrix.value, this.robustnessWeights) : this.robustnessMatrix);

  /** What undo and redo would take back (their labels), as the store last said. */
  history = $state.raw<HistoryState>({ undo: null, redo: null });
  /** What the last undo or redo did, in the person's words ("Undid: remove option “JAX”"); null once anything else changes. */
  historyMessage = $state<string | null>(null);
  /** Called after an undo, a redo or a restore changed the decision behind the editor's back (the scenario list reloads). */
  onrewound: () => void = () => {};
  #historyAsked = 0;
  #lastLabel = '';

  readonly #client: Client;
  #pendingWeights = new Map<number, number>();
  /** A weighting change not yet written: the parts given replace those of the stored inputs. */
  #pendingWeighting: WeightingChange | null = null;
  #weightTimer: ReturnType<typeof setTimeout> | undefined;
  #inFlight = 0;
  /** The last weight save sent, so a change waits for it to be answered. */
  #weightSave: Promise<unknown> = Promise.resolve();

  /** `history`: where undo and redo stood when the decision was read with it (the workspace); else it is asked for. */
  constructor(client: Client, decision: Decision, history?: HistoryState) {
    this.#client = client;
    this.decision = decision;
    this.weighting = decision.weighting;
    this.settleCharts();
    if (history) this.history = history;
    else void this.refreshHistory();
  }

  /** Asks the store where undo and redo stand; an older answer never replaces a newer one. */
  async refreshHistory(): Promise<void> {
    const asked = ++this.#historyAsked;
    const state = await this.#client.historyState({ decisionId: this.id });
    if (state.ok && asked === this.#historyAsked) this.history = state.value;
  }

  /**
   * Undoes (or redoes) the decision's last step in the store, then shows the decision as the store
   * has it. Slider positions not yet written are written first, as their own step, so a drag
   * undone at once is the drag — never a slider the store does not know about pulled back later.
   */
  async undo(): Promise<boolean> {
    return this.#move('undo');
  }

  async redo(): Promise<boolean> {
    return this.#move('redo');
  }

  async #move(direction: 'undo' | 'redo'): Promise<boolean> {
    const pending = this.#pendingWeights.size > 0 || this.#pendingWeighting !== null;
    // Nothing to take back (as the store last said, and nothing unsent): a key press does nothing.
    if (!pending && this.history[direction] === null) return false;
    await this.flushWeights();
    await this.#weightSave;
    this.#historyAsked++;
    const moved = await this.#send(
      () => this.#client[direction]({ decisionId: this.id }),
      ({ decision, label, history }) => {
        this.#adopt(decision);
        this.history = history;
        this.#lastLabel = label;
      },
    );
    if (moved) {
      this.historyMessage = `${direction === 'undo' ? 'Undid' : 'Redid'}: ${this.#lastLabel}`;
      this.onrewound();
    }
    return moved;
  }

  get id(): number {
    return this.decision.id;
  }

  score(optionId: number, criterionId: number): Score | undefined {
    return this.#scoreIndex.get(`${optionId}:${criterionId}`);
  }

  weightOf(criterionId: number): number {
    return this.#weights.get(criterionId) ?? 0;
  }

  /** Called on every slider input: the UI updates now, the write follows when the slider rests. */
  setWeight(criterionId: number, weight: number): void {
    if (!this.decision.criteria.some((c) => c.id === criterionId) || !Number.isFinite(weight) || weight < 0) return;
    this.liveWeights[criterionId] = weight;
    this.#pendingWeights.set(criterionId, weight);
    this.saveState = 'saving';
    clearTimeout(this.#weightTimer);
    this.#weightTimer = setTimeout(() => void this.flushWeights(), WEIGHT_SAVE_DELAY_MS);
  }

  /**
   * Changes the method or a method's inputs (each part given replaces that part whole). Like a
   * slider: the totals follow now, the write follows when the inputs rest.
   */
  setWeighting(change: WeightingChange): void {
    this.weighting = { ...this.weighting, ...definedParts(change) };
    this.#pendingWeighting = { ...this.#pendingWeighting, ...definedParts(change) };
    this.saveState = 'saving';
    clearTimeout(this.#weightTimer);
    this.#weightTimer = setTimeout(() => void this.flushWeights(), WEIGHT_SAVE_DELAY_MS);
  }

  /**
   * Switches method. A method with no inputs yet starts from the weights in use (points, rank
   * order and swings seeded from them; AHP left for the team to judge); one with inputs finds
   * them as it left them.
   */
  chooseMethod(method: WeightingMethod): void {
    if (method === this.weighting.method) return;
    this.setWeighting(switchTo(method, this.weighting, this.criteria, this.effective));
    this.settleCharts();
  }

  async flushWeights(): Promise<void> {
    clearTimeout(this.#weightTimer);
    if (this.#pendingWeights.size === 0 && this.#pendingWeighting === null) return;
    const weights = [...this.#pendingWeights].map(([criterionId, weight]) => ({ criterionId, weight }));
    const weighting = this.#pendingWeighting;
    this.#pendingWeights.clear();
    this.#pendingWeighting = null;
    // The answers say only that the weights are in: what is on screen is already what was sent.
    // Both go out at once: as the page closes, nothing that waits for an answer is sent. (The hosts
    // handle one call at a time, in the order received, so a newer save does not land first.)
    this.#weightSave = Promise.all([
      weights.length > 0 ? this.#send(() => this.#client.setWeights({ decisionId: this.id, weights }), () => {}) : null,
      weighting ? this.#send(() => this.#client.setWeighting({ decisionId: this.id, ...weightingInput(weighting) }), () => {}) : null,
    ]);
    await this.#weightSave;
    this.historyChanged();
  }

  /** Runs a change that returns the decision; returns false (and shows why) when it was refused. */
  async change<K extends DecisionMethod>(name: K, input: MethodInput<K>): Promise<boolean> {
    await this.flushWeights();
    // A host need not answer in the order it was asked: the decision this change returns must
    // already hold the weights, or adopting it would move the sliders back.
    await this.#weightSave;
    const call = this.#client[name] as (input: MethodInput<K>) => Promise<Result<Decision>>;
    const changed = await this.#send(
      () => call(input),
      (decision) => this.#adopt(decision),
    );
    this.historyChanged();
    return changed;
  }

  /** Puts the decision back as a version has it: one step, which undo takes back. */
  async restoreVersion(versionId: number, name: string): Promise<boolean> {
    const restored = await this.change('restoreVersion', { versionId });
    if (restored) {
      this.historyMessage = `Restored the version “${name}”. Undo takes it back.`;
      this.onrewound();
    }
    return restored;
  }

  /** After a change (here, or one another state class sent, e.g. a scenario kept): what undo would take back is now that change. */
  historyChanged(): void {
    this.historyMessage = null;
    void this.refreshHistory();
  }

  async #send<T>(request: () => Promise<Result<T>>, committed: (value: T) => void): Promise<boolean> {
    this.#inFlight++;
    this.saveState = 'saving';
    const shownBefore = this.#errorsShown;
    const result = await request();
    this.#inFlight--;
    if (!result.ok) {
      this.error = result.error.message;
      // The store is the truth: show what it holds after a refusal. Then what is on screen is
      // saved (the banner says what was not taken); only when the store cannot be read back is
      // anything on screen possibly unsaved.
      const fresh = await this.#client.getDecision({ decisionId: this.id });
      if (fresh.ok) {
        this.#adopt(fresh.value);
        this.#settled();
      } else this.saveState = 'error';
      return false;
    }
    if (this.#errorsShown === shownBefore) this.error = null;
    committed(result.value);
    this.#settled();
    return true;
  }

  #settled(): void {
    if (this.#inFlight === 0 && this.#pendingWeights.size === 0 && this.#pendingWeighting === null) this.saveState = 'saved';
  }

  /** Takes the committed decision, keeping any slider positions not yet written. */
  #adopt(decision: Decision): void {
    this.decision = decision;
    this.liveWeights = Object.fromEntries(this.#pendingWeights);
    this.weighting = { ...decision.weighting, ...this.#pendingWeighting };
    this.settleCharts();
  }

  /** A slider was let go (or stepped from the keyboard): the charts' criteria follow the weights. */
  settleCharts(): void {
    this.#chartedBy = Object.fromEntries(this.weighedCriteria.map((c) => [c.id, c.weight]));
  }

  /** Marks the decision open or decided; deciding starts from the option leading under the current weights. */
  setStatus(status: Decision['status']): Promise<boolean> {
    const chosenOptionId =
      status === 'decided' ? (this.decision.chosenOptionId ?? this.ranking.find((o) => o.rank === 1)?.optionId ?? null) : this.decision.chosenOptionId;
    return this.change('updateDecision', { decisionId: this.id, status, chosenOptionId });
  }

  /**
   * Saves what was typed in a text field of the decision (its context, the reason for the choice).
   * Refused (too long, say), the typed text stays in the field for the person to fix, and the
   * header says "Not saved" instead of claiming all is saved, until a later change goes through.
   */
  async saveText(field: 'context' | 'outcomeReason', text: string): Promise<boolean> {
    const saved = await this.change('updateDecision', { decisionId: this.id, [field]: text });
    if (!saved && this.decision[field] !== text) this.saveState = 'error';
    return saved;
  }

  /** Shows why an edit was not sent (the store is untouched). */
  refuse(message: string): void {
    this.error = message;
  }

  dismissError(): void {
    this.error = null;
    if (this.saveState === 'error') this.saveState = 'saved';
  }
}
