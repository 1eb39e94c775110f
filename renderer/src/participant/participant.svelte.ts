import type { Result } from '../../../core/result';
import { DEFAULT_WEIGHT } from '../../../core/weight-range';
import { PARTICIPANT_TOKEN_HEADER } from '../../../core/transport';
import type { ParticipantRoundView } from '../../../core/workshop';

const POLL_MS = 3000;

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
  weights = $state<Record<number, number>>({});
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(code: string) {
    this.code = code;
    this.token = code ? sessionStorage.getItem(`workshop-token:${code.toUpperCase()}`) : null;
    if (this.token) void this.refresh();
    setInterval(() => {
      if (this.token) void this.refresh();
    }, POLL_MS);
  }

  async join(): Promise<void> {
    this.busy = true;
    const joined = await post<{ token: string }>('/w/join', { code: this.code, name: this.name });
    this.busy = false;
    if (!joined.ok) return void (this.error = joined.error.message);
    this.error = null;
    this.token = joined.value.token;
    sessionStorage.setItem(`workshop-token:${this.code.trim().toUpperCase()}`, this.token);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const view = await post<ParticipantRoundView>('/w/round', {}, this.token ?? undefined);
    if (!view.ok) return void (this.error = view.error.message);
    const first = this.view === null;
    this.view = view.value;
    if (first) this.weights = view.value.myWeights ?? Object.fromEntries(view.value.criteria.map((c) => [c.id, DEFAULT_WEIGHT]));
  }

  async submit(): Promise<void> {
    this.busy = true;
    const sent = await post<{ submitted: true }>('/w/submit', { weights: Object.fromEntries(Object.entries(this.weights).map(([k, v]) => [k, v])) }, this.token ?? undefined);
    this.busy = false;
    if (!sent.ok) {
      this.error = sent.error.message;
      this.message = null;
      return;
    }
    this.error = null;
    this.message = 'Sent. You can change your weights and send again until the round closes.';
    await this.refresh();
  }

  /** Each person's weights as shares of their own total, as the group maths sees them. */
  share(criterionId: number): number {
    const total = Object.values(this.weights).reduce((a, b) => a + b, 0);
    return total > 0 ? (this.weights[criterionId] ?? 0) / total : 0;
  }
}
