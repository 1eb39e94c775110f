import { INTERCHANGE_FORMAT, OPEN_OUTCOME, type DecisionDocument } from '../core/interchange';

/** What the benchmarks weigh: the same generated decisions on every run. */

/** A deterministic pseudo-random generator, so every run scores the same matrix. */
export function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** A decision of `options` × `criteria` with seeded scores and weights. */
export function generatedDocument(options: number, criteria: number): DecisionDocument {
  const next = random(7);
  return {
    format: INTERCHANGE_FORMAT,
    decision: {
      title: `Benchmark ${options} x ${criteria}`,
      context: '',
      options: Array.from({ length: options }, (_, o) => ({ id: `o${o}`, name: `Option ${o + 1}`, description: '' })),
      criteria: Array.from({ length: criteria }, (_, c) => ({
        id: `c${c}`,
        name: `Criterion ${c + 1}`,
        description: '',
        direction: 'benefit' as const,
        scale: { min: 1, max: 5, minLabel: '', maxLabel: '' },
        weight: 1 + Math.floor(next() * 99),
      })),
      scores: Array.from({ length: options }, (_, o) =>
        Array.from({ length: criteria }, (_, c) => ({ option: `o${o}`, criterion: `c${c}`, value: 1 + Math.floor(next() * 5), rationale: '', source: '' })),
      ).flat(),
      outcome: OPEN_OUTCOME,
    },
  };
}
