import type { Result } from '../../../core/result';
import { readTypedNumber } from '../../../core/number-text';
import { DEFAULT_WEIGHT } from '../../../core/weight-range';
import { PARTICIPANT_TOKEN_HEADER } from '../../../core/transport';
import type { ParticipantRoundView, ParticipantScores } from '../../../core/workshop';
import { POINTS_TOTAL } from '../../../core/weighting/points';
import { placeWeights } from '../../../core/weighting/rank';

/** 100 points shared as evenly as whole points allow, the first criteria taking the remainder. */
export function evenPoints(count: number): number[] {
  const each = Math.floor(POINTS_TOTAL / count);
  return Array.from({ length: count }, (_, i) => each + (i < POINTS_TOTAL - each * count ? 1 : 0));
}

const POLL_MS = 3000;

/**
 * The token is kept in this browser's localStorage under the round's code, so opening the link
 * again (a new tab, the browser restarted) returns the same participant instead of a second one.
 */
const tokenKey = (code: string) => `workshop-token:${code.trim().toUpperCase()}`;
function storedToken(code: string): string | null {
  try {
    return code.trim() ? localStorage.getItem(tokenKey(code)) : null;
  } catch {
    return null;
  }
}
function storeToken(code: string, token: string | null): void {
  try {
    if (token) localStorage.setItem(tokenKey(code), token);
    else localStorage.removeItem(tokenKey(code));
  } catch {
    // Storage refused (private mode): the session still works until the tab closes.
  }
}

async function post<T>(path: string, body: unknown, token?: string): Promise<Result<T>> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { [PARTICIPANT_TOKEN_HEADER]: token } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Result<T>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The facilitator’s computer did not answer. Check the Wi-Fi and try again.' } };
  }
}

/** One participant on their phone: join by code, weigh each criterion, submit, revise. */
export class ParticipantSession {
  code = $state('');
  name = $state('');
  token = $state<string | null>(null);
  view = $state<ParticipantRoundView | null>(null);
  /** Slider values or points, by criterion id (a rank order keeps `order` instead). */
  weights = $state<Record<number, number>>({});
  /** Criterion ids, most important first (rank-order rounds). */
  order = $state<number[]>([]);
  /** Scores as typed, by criterion id then option id ('' is unscored), each with its reason (rounds that ask for scores). */
  scores = $state<Record<number, Record<number, { text: string; reason: string }>>>({});
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  /** The phone's own clock, ticking each second, and when the round's timer runs out by it. */
  now = $state(Date.now());
  #deadline = $state<number | null>(null);
  #scoreRefused: string | null = null;
  #poll: ReturnType<typeof setInterval> | undefined;

  constructor(code: string) {
    this.code = code;
    this.token = storedToken(code);
    if (this.token) void this.refresh();
    this.#poll = setInterval(() => {
      if (this.token) void this.refresh();
    }, POLL_MS);
    setInterval(() => (this.now = Date.now()), 1000);
  }

  /** Seconds left on the round's timer, counted down on the phone between polls (null without a timebox). */
  get secondsLeft(): number | null {
    return this.#deadline === null ? null : Math.max(0, Math.ceil((this.#deadline - this.now) / 1000));
  }

  /** Whether sending is possible now: the round open, its time not run out, this person not removed. */
  get accepting(): boolean {
    return this.view !== null && this.view.accepting && this.secondsLeft !== 0;
  }

  async join(): Promise<void> {
    this.busy = true;
    // A browser that joined this round before sends its token: the server returns the same participant.
    const joined = await post<{ token: string }>('/w/join', { code: this.code, name: this.name }, storedToken(this.code) ?? undefined);
    this.busy = false;
    if (!joined.ok) return void (this.error = joined.error.message);
    this.error = null;
    this.token = joined.value.token;
    storeToken(this.code, this.token);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const view = await post<ParticipantRoundView>('/w/round', {}, this.token ?? undefined);
    if (!view.ok) {
      // A token this round does not know (another store, a mistyped link): join again.
      if (view.error.code === 'forbidden' && this.view === null) {
        storeToken(this.code, null);
        this.token = null;
      }
      return void (this.error = view.error.message);
    }
    if (this.error?.startsWith('The facilitator’s computer did not answer')) this.error = null;
    const first = this.view === null;
    // "Sent. You can … send again until the round closes" is over once the round is.
    if (view.value.state !== 'open') this.message = null;
    this.view = view.value;
    this.now = Date.now();
    this.#deadline = view.value.secondsLeft === null ? null : this.now + view.value.secondsLeft * 1000;
    // Nothing more will change for a closed round or a removed person: stop asking.
    if (view.value.state === 'closed' || view.value.removed) clearInterval(this.#poll);
    if (first) this.#start(view.value);
    else this.#follow(view.value.criteria.map((c) => c.id));
  }

  /** The facilitator may add or remove criteria while the round is open: the controls follow. */
  #follow(ids: number[]): void {
    const present = new Set(ids);
    const order = this.order.filter((id) => present.has(id));
    const added = ids.filter((id) => !order.includes(id));
    if (order.length !== this.order.length || added.length > 0) this.order = [...order, ...added];
    const weights = Object.fromEntries(Object.entries(this.weights).filter(([id]) => present.has(Number(id))));
    for (const id of ids) if (!Object.hasOwn(weights, id)) weights[id] = this.view?.weighing === 'points' ? (this.view?.minWeight ?? 0) : DEFAULT_WEIGHT;
    if (Object.keys(weights).length !== Object.keys(this.weights).length || ids.some((id) => !Object.hasOwn(this.weights, id))) this.weights = weights;
  }

  /** Where each control starts: the person's last submission, else an even start for the round's way of weighing. */
  #start(view: ParticipantRoundView): void {
    const ids = view.criteria.map((c) => c.id);
    const mine = view.myWeights;
    if (view.weighing === 'rank') {
      this.order = mine ? [...ids].sort((a, b) => (mine[b] ?? 0) - (mine[a] ?? 0)) : ids;
      return;
    }
    this.scores = Object.fromEntries(
      view.scoreCriteria.map((c) => [c, Object.fromEntries(view.options.map((o) => {
        const given = view.myScores[c]?.[o.id];
        return [o.id, { text: given ? String(given.value) : '', reason: given?.reason ?? '' }];
      }))]),
    );
    if (mine) this.weights = { ...mine };
    else if (view.weighing === 'points') this.weights = Object.fromEntries(evenPoints(ids.length).map((points, i) => [ids[i], points]));
    else this.weights = Object.fromEntries(ids.map((id) => [id, DEFAULT_WEIGHT]));
  }

  /** Points still to share out of 100 (negative when too many are given). */
  get pointsLeft(): number {
    // Rounded: 0.1 + 64.1 + 35.8 is 99.99999999999999 in floating point, and must read as 100.
    return Math.round((POINTS_TOTAL - Object.values(this.weights).reduce((a, b) => a + b, 0)) * 1e9) / 1e9;
  }

  /** Moves a criterion one place up (toward most important) or down the order. */
  move(criterionId: number, by: -1 | 1): void {
    const from = this.order.indexOf(criterionId);
    const to = from + by;
    if (from < 0 || to < 0 || to >= this.order.length) return;
    const order = [...this.order];
    [order[from], order[to]] = [order[to], order[from]];
    this.order = order;
  }

  /** What is sent: slider values or points as they are, a rank order as its rank-order centroid weights. */
  get submission(): Record<number, number> {
    if (this.view?.weighing !== 'rank') return { ...this.weights };
    const places = placeWeights('roc', this.order.length);
    return Object.fromEntries(this.order.map((id, k) => [id, places[k] * 100]));
  }

  /** Types into one score cell (its number or its reason). */
  setScore(criterionId: number, optionId: number, field: 'text' | 'reason', value: string): void {
    const cell = this.scores[criterionId]?.[optionId] ?? { text: '', reason: '' };
    // The phone's own refusal of a typed score goes once the person types again.
    if (this.#scoreRefused) this.error = this.#scoreRefused = null;
    this.scores[criterionId] = { ...this.scores[criterionId], [optionId]: { ...cell, [field]: value } };
  }

  /**
   * The scores to send, read as typed: a blank cell is left unscored; a number off the criterion's
   * scale, or text, is refused here, in words, before anything is sent.
   */
  scoreSubmission(): Result<ParticipantScores> {
    const view = this.view;
    const scores: ParticipantScores = {};
    for (const criterionId of view?.scoreCriteria ?? []) {
      const criterion = view!.criteria.find((c) => c.id === criterionId);
      if (!criterion) continue;
      for (const option of view!.options) {
        const cell = this.scores[criterionId]?.[option.id];
        const typed = readTypedNumber(cell?.text ?? '');
        const problem = `Your score for “${option.name}” on “${criterion.name}” must be a number from ${criterion.min} to ${criterion.max}, or left empty.`;
        if (!typed.ok) return { ok: false, error: { code: 'invalid-input', message: `${typed.error.message} ${problem}` } };
        if (typed.value === null) continue;
        if (typed.value < criterion.min || typed.value > criterion.max) return { ok: false, error: { code: 'invalid-input', message: problem } };
        (scores[criterionId] ??= {})[option.id] = { value: typed.value, reason: cell?.reason ?? '' };
      }
    }
    return { ok: true, value: scores };
  }

  async submit(): Promise<void> {
    const scores = this.scoreSubmission();
    if (!scores.ok) {
      this.error = this.#scoreRefused = scores.error.message;
      this.message = null;
      return;
    }
    this.busy = true;
    const body = Object.keys(scores.value).length > 0 ? { weights: this.submission, scores: scores.value } : { weights: this.submission };
    const sent = await post<{ submitted: true }>('/w/submit', body, this.token ?? undefined);
    this.busy = false;
    if (!sent.ok) {
      this.error = sent.error.message;
      this.message = null;
      return;
    }
    this.error = null;
    this.message = this.view?.scoreCriteria.length
      ? 'Sent. You can change your weights and scores and send again until the round closes.'
      : 'Sent. You can change your weights and send again until the round closes.';
    await this.refresh();
  }

  /** Each person's weights as shares of their own total, as the group maths sees them. */
  share(criterionId: number): number {
    const weights = this.submission;
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    return total > 0 ? (weights[criterionId] ?? 0) / total : 0;
  }
}
