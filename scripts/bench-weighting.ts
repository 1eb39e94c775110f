import { performance } from 'node:perf_hooks';
import { prepareDecision, weighDecision } from '../core/decision-scoring';
import type { Decision } from '../core/model';
import { decisionWeights, NO_WEIGHTING_INPUTS, type WeightingInputs } from '../core/weighting/inputs';

/**
 * AHP with 10 criteria (45 judgments) recomputed on every input, as the app does while a judgment
 * moves: the eigenvector and consistency, then the weighed totals of 20 options.
 */
export function benchAhp(): void {
  const criteria = Array.from({ length: 10 }, (_, c) => ({ id: c + 1, name: `Criterion ${c + 1}`, description: '', direction: 'benefit' as const, scale: { min: 1, max: 5, minLabel: '', maxLabel: '' }, weight: 10 }));
  const options = Array.from({ length: 20 }, (_, o) => ({ id: o + 1, name: `Option ${o + 1}`, description: '' }));
  const scores = options.flatMap((o) => criteria.map((c) => ({ optionId: o.id, criterionId: c.id, value: 1 + ((o.id * 7 + c.id * 3) % 5), rationale: '', source: '' })));
  const judgments = criteria.flatMap((a, i) => criteria.slice(i + 1).map((b, k) => ({ more: a.id, less: b.id, ratio: 1 + ((i + k) % 9) })));
  const decision = { options, criteria, scores } as Pick<Decision, 'options' | 'criteria' | 'scores'>;
  const prepared = prepareDecision(decision);
  if (!prepared.ok) throw new Error(prepared.error.message);
  const samples: number[] = [];
  for (let i = 0; i < 1300; i++) {
    // One judgment moves a step, as a person dragging its control would.
    judgments[i % judgments.length] = { ...judgments[i % judgments.length], ratio: 1 + (i % 9) };
    const inputs: WeightingInputs = { ...NO_WEIGHTING_INPUTS, method: 'ahp', judgments };
    const t0 = performance.now();
    const weights = decisionWeights(inputs, criteria);
    if (!weights.ok) throw new Error(weights.error.message);
    const scored = weighDecision(prepared.value, (id) => weights.value.weights[id]);
    if (!scored.ok) throw new Error(scored.error.message);
    if (i >= 300) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  console.log(`AHP, 10 criteria (45 judgments) recomputed per input, then 20 options weighed (Node): median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms (n=${samples.length} after 300 warm-up; the whole slider budget is 8 ms)`);
}
