import { contract, type Client, type MethodInput, type MethodName, type MethodOutput, type ParsedInput, type ScenarioSummary, type WorkshopRound } from '../../../../core/contract';
import { describeIssue, draftAsDecision } from '../../../../core/interchange';
import { DEFAULT_SCALE, DEFAULT_WEIGHT, type Decision } from '../../../../core/model';
import { fail, ok, type AppError, type Result } from '../../../../core/result';
import { pytorchVsTensorflow } from '../../../../core/templates/pytorch-vs-tensorflow';

/**
 * A stand-in for the host, for testing the renderer's state classes without a browser or a
 * database: it keeps one decision (and its scenarios and workshop rounds) in memory, answers the
 * methods the state classes use the way the store does, records every call, and can hold a call's
 * answer back (to test what happens while a save is in flight) or refuse it.
 */

/** Ids in the PyTorch vs TensorFlow template as a decision (ids by position, as draftAsDecision gives them). */
export const PYTORCH = 1;
export const TENSORFLOW = 2;
export const EASE_OF_USE = 1;
export const DEPLOYMENT = 4;

/** The built-in PyTorch vs TensorFlow decision as the store would hold it. PyTorch leads until deployment weighs ~100. */
export function templateDecision(id = 7): Decision {
  const draft = structuredClone(pytorchVsTensorflow.decision);
  return { id, context: draft.context, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', ...draftAsDecision(draft) };
}

export interface Call<K extends MethodName = MethodName> {
  method: K;
  input: MethodInput<K>;
}

/** A call whose answer is held back until the test lets it go. */
export interface Held<K extends MethodName> {
  /** Whether the call has been made yet. */
  readonly called: boolean;
  /** What the call was made with (throws before it is made). */
  readonly input: MethodInput<K>;
  /** The host handles the call now and answers it; resolves once the caller has taken the answer. */
  release(): Promise<void>;
  /** Answers the call with a refusal instead (the store is untouched). */
  refuse(message: string): Promise<void>;
}

type Handler<K extends MethodName> = (input: ParsedInput<K>) => Result<MethodOutput<K>>;
type Handlers = { [K in MethodName]?: Handler<K> };

interface Gate {
  method: MethodName;
  answer: ((result: Result<unknown> | null) => void) | null;
  input?: unknown;
}

// Taken before a test fakes the timers: a real macrotask runs only once every promise job queued
// before it (and every job those queue) has run.
const realSetImmediate = globalThis.setImmediate;

/** Lets every pending promise continuation run (the client's answers, the class's awaits after them). */
export function settle(): Promise<void> {
  return new Promise((resolve) => realSetImmediate(resolve));
}

export class FakeHost {
  decision: Decision;
  scenarios: ScenarioSummary[] = [];
  rounds: WorkshopRound[] = [];
  /** Where participants join the rounds started from now on (null: no workshop server runs). */
  joinUrl: string | null = null;
  /** Every call made, in order. */
  readonly calls: Call[] = [];
  readonly client: Client;

  #gates: Gate[] = [];
  #refusals = new Map<MethodName, AppError[]>();
  #nextId = 100;
  #handlers: Handlers;

  constructor(decision: Decision = templateDecision()) {
    this.decision = decision;
    this.#handlers = this.#storeHandlers();
    const call = (method: MethodName, input: unknown) => this.#call(method, input);
    this.client = new Proxy({} as Client, { get: (_, method) => (input: unknown) => call(method as MethodName, input) });
  }

  /** The inputs of every call to one method, in order. */
  callsTo<K extends MethodName>(method: K): MethodInput<K>[] {
    return this.calls.filter((c): c is Call<K> => c.method === method).map((c) => c.input);
  }

  /** The names of the methods called, in order. */
  get methods(): MethodName[] {
    return this.calls.map((c) => c.method);
  }

  /**
   * The next call to `method` waits, unhandled, until the test releases it: as if the request
   * reached the host late. Calls made meanwhile are handled (and answered) first.
   */
  hold<K extends MethodName>(method: K): Held<K> {
    const gate: Gate = { method, answer: null };
    this.#gates.push(gate);
    const open = async (result: Result<unknown> | null) => {
      if (!gate.answer) throw new Error(`${method} was not called, so there is nothing to release`);
      gate.answer(result);
      await settle();
    };
    return {
      get called() {
        return gate.answer !== null;
      },
      get input() {
        if (!gate.answer) throw new Error(`${method} has not been called`);
        return gate.input as MethodInput<K>;
      },
      release: () => open(null),
      refuse: (message) => open(fail('invalid-input', message)),
    };
  }

  /** The next call to `method` is refused with this message (the store is untouched). */
  refuseNext(method: MethodName, message: string, code: AppError['code'] = 'invalid-input'): void {
    this.#refusals.set(method, [...(this.#refusals.get(method) ?? []), { code, message }]);
  }

  /** Replaces how the host answers one method (e.g. to script a round's progress). */
  answer<K extends MethodName>(method: K, handler: Handler<K>): void {
    (this.#handlers as Record<K, Handler<K>>)[method] = handler;
  }

  /** The weight the store holds for a criterion. */
  storedWeight(criterionId: number): number | undefined {
    return this.decision.criteria.find((c) => c.id === criterionId)?.weight;
  }

  /** How many times the editor asked where undo and redo stand (not in `calls`: a read after every change, beside the point of most tests). */
  historyReads = 0;

  #call(method: MethodName, input: unknown): Promise<Result<unknown>> {
    if (method === 'historyState') this.historyReads++;
    else this.calls.push({ method, input: structuredClone(input) } as Call);
    const gateIndex = this.#gates.findIndex((g) => g.method === method && !g.answer);
    if (gateIndex === -1) return Promise.resolve(this.#handle(method, input));
    const gate = this.#gates[gateIndex];
    gate.input = structuredClone(input);
    return new Promise((resolve) => {
      gate.answer = (result) => {
        this.#gates.splice(this.#gates.indexOf(gate), 1);
        resolve(result ?? this.#handle(method, input));
      };
    });
  }

  /** As the host does: the input is checked against the contract, then handled; answers are copies. */
  #handle(method: MethodName, input: unknown): Result<unknown> {
    const refusal = this.#refusals.get(method)?.shift();
    if (refusal) return { ok: false, error: refusal };
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) return fail('invalid-input', describeIssue(parsed.error.issues[0]));
    const handler = this.#handlers[method] as Handler<MethodName> | undefined;
    if (!handler) throw new Error(`the fake host does not answer ${method}`);
    return structuredClone(handler(parsed.data as never));
  }

  /** The decisions before each change (undo) and before each undo (redo), as the store's steps: whole copies here. */
  readonly #undo: Decision[] = [];
  readonly #redo: Decision[] = [];

  #changed(change: (decision: Decision) => void): Result<Decision> {
    const next = structuredClone(this.decision);
    change(next);
    next.updatedAt = new Date(Date.parse(next.updatedAt) + 1000).toISOString();
    this.#undo.push(this.decision);
    this.#redo.length = 0;
    this.decision = next;
    return ok(next);
  }

  #historyState() {
    return { undo: this.#undo.length > 0 ? 'change' : null, redo: this.#redo.length > 0 ? 'change' : null };
  }

  #move(from: Decision[], to: Decision[], nothing: string) {
    const previous = from.pop();
    if (!previous) return fail('conflict', nothing);
    to.push(this.decision);
    this.decision = { ...structuredClone(previous), updatedAt: new Date(Date.parse(this.decision.updatedAt) + 1000).toISOString() };
    return ok({ decision: this.decision, label: 'change', history: this.#historyState() });
  }

  #own(decisionId: number): Result<Decision> {
    return decisionId === this.decision.id ? ok(this.decision) : fail('not-found', `There is no decision with id ${decisionId}.`);
  }

  #setWeight(decision: Decision, criterionId: number, weight: number): void {
    const criterion = decision.criteria.find((c) => c.id === criterionId);
    if (criterion) criterion.weight = weight;
  }

  #storeHandlers(): Handlers {
    return {
      historyState: () => ok(this.#historyState()),
      undo: () => this.#move(this.#undo, this.#redo, 'There is nothing to undo.'),
      redo: () => this.#move(this.#redo, this.#undo, 'There is nothing to redo.'),
      getDecision: ({ decisionId }) => this.#own(decisionId),
      updateDecision: ({ decisionId, ...fields }) => {
        const found = this.#own(decisionId);
        if (!found.ok) return found;
        return this.#changed((d) => {
          if (fields.title !== undefined) d.title = fields.title;
          if (fields.context !== undefined) d.context = fields.context;
          if (fields.status !== undefined) d.status = fields.status;
          if (fields.chosenOptionId !== undefined) d.chosenOptionId = fields.chosenOptionId;
          if (fields.outcomeReason !== undefined) d.outcomeReason = fields.outcomeReason;
        });
      },
      setWeights: ({ decisionId, weights }) => {
        const found = this.#own(decisionId);
        if (!found.ok) return found;
        const foreign = weights.find((w) => !found.value.criteria.some((c) => c.id === w.criterionId));
        if (foreign) return fail('not-found', `Criterion ${foreign.criterionId} is not part of decision ${decisionId}.`);
        const changed = this.#changed((d) => weights.forEach((w) => this.#setWeight(d, w.criterionId, w.weight)));
        return changed.ok ? ok({ decisionId, updatedAt: changed.value.updatedAt }) : changed;
      },
      setWeighting: ({ decisionId, points, swing, ...parts }) => {
        const found = this.#own(decisionId);
        if (!found.ok) return found;
        const record = (list: { criterionId: number; points: number }[] | undefined) => list && Object.fromEntries(list.map((p) => [p.criterionId, p.points]));
        const given = Object.fromEntries(Object.entries({ ...parts, points: record(points), swing: record(swing) }).filter(([, v]) => v !== undefined));
        const changed = this.#changed((d) => (d.weighting = { ...d.weighting, ...given }));
        return changed.ok ? ok({ decisionId, updatedAt: changed.value.updatedAt }) : changed;
      },
      addOption: ({ decisionId, name }) => {
        const found = this.#own(decisionId);
        if (!found.ok) return found;
        return this.#changed((d) => d.options.push({ id: this.#nextId++, name, description: '' }));
      },
      addCriterion: ({ decisionId, name, description, direction, scale }) => {
        const found = this.#own(decisionId);
        if (!found.ok) return found;
        return this.#changed((d) =>
          d.criteria.push({ id: this.#nextId++, name, description: description ?? '', direction: direction ?? 'benefit', scale: scale ?? DEFAULT_SCALE, weight: DEFAULT_WEIGHT }),
        );
      },
      listScenarios: ({ decisionId }) => ok(this.scenarios.filter(() => decisionId === this.decision.id)),
      saveScenario: ({ decisionId, name }) => {
        const found = this.#own(decisionId);
        if (!found.ok) return found;
        if (this.scenarios.some((s) => s.name === name)) return fail('conflict', `This decision already has a scenario named “${name}”: choose another name, or delete that one first.`);
        const weights = Object.fromEntries(found.value.criteria.map((c) => [c.id, c.weight]));
        this.scenarios = [...this.scenarios, { id: this.#nextId++, name, createdAt: this.decision.updatedAt, weights }];
        return ok(this.scenarios);
      },
      applyScenario: ({ scenarioId }) => {
        const scenario = this.scenarios.find((s) => s.id === scenarioId);
        if (!scenario) return fail('not-found', `There is no scenario with id ${scenarioId}.`);
        // As the store does: the sliders take the scenario's weights and direct weighting is in use.
        return this.#changed((d) => {
          Object.entries(scenario.weights).forEach(([id, weight]) => this.#setWeight(d, Number(id), weight));
          d.weighting = { ...d.weighting, method: 'direct' };
        });
      },
      deleteScenario: ({ scenarioId }) => {
        if (!this.scenarios.some((s) => s.id === scenarioId)) return fail('not-found', `There is no scenario with id ${scenarioId}.`);
        this.scenarios = this.scenarios.filter((s) => s.id !== scenarioId);
        return ok(this.scenarios);
      },
      listRounds: ({ decisionId }) => ok(this.rounds.filter((r) => r.decisionId === decisionId)),
      startRound: ({ decisionId, name, anonymous, rule, weighing, scoreRule, scoreCriteria, minutes }) => {
        const found = this.#own(decisionId);
        if (!found.ok) return found;
        const round: WorkshopRound = {
          id: this.#nextId++,
          decisionId,
          code: 'ABC234',
          name: name ?? '',
          state: 'open',
          weighing,
          anonymous,
          rule,
          scoreRule: scoreRule ?? 'median',
          scoreCriteria: scoreCriteria ?? [],
          shareResult: false,
          endsAt: minutes === null ? null : new Date(Date.now() + minutes * 60_000).toISOString(),
          createdAt: new Date(Date.now()).toISOString(),
          closedAt: null,
          participants: [],
          outcomes: [],
          result: null,
          scores: null,
          resultProblem: null,
          asRevealed: null,
          joinUrl: this.joinUrl,
        };
        this.rounds = [...this.rounds, round];
        return ok(round);
      },
      getRound: ({ roundId }) => {
        const round = this.rounds.find((r) => r.id === roundId);
        return round ? ok(round) : fail('not-found', `There is no round with id ${roundId}.`);
      },
      updateRound: ({ roundId, state, addMinutes, shareResult, name }) => {
        const round = this.rounds.find((r) => r.id === roundId);
        if (!round) return fail('not-found', `There is no round with id ${roundId}.`);
        const endsAt = addMinutes && round.endsAt ? new Date(Date.parse(round.endsAt) + addMinutes * 60_000).toISOString() : round.endsAt;
        const updated = { ...round, state: state ?? round.state, shareResult: shareResult ?? round.shareResult, endsAt, name: name ?? round.name };
        this.rounds = this.rounds.map((r) => (r.id === roundId ? updated : r));
        return ok(updated);
      },
      removeParticipant: ({ roundId, participantId }) => {
        const round = this.rounds.find((r) => r.id === roundId);
        if (!round || !round.participants.some((p) => p.id === participantId)) return fail('not-found', 'That person is not in this round.');
        const updated = { ...round, participants: round.participants.filter((p) => p.id !== participantId) };
        this.rounds = this.rounds.map((r) => (r.id === roundId ? updated : r));
        return ok(updated);
      },
    };
  }
}
