/** An unbroken name: nothing to wrap at, so it must end in an ellipsis wherever it is too wide. */
export const UNBROKEN = 'SystemNameWithoutAnySpacesAtAllForTesting';

/** Six option names, five of them 60 characters long (words), one unbroken. */
export const LONG_OPTIONS = [
  UNBROKEN,
  ...['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((w) => `${w} managed message broker with cross region replication v2`.padEnd(60, '!').slice(0, 60)),
];

export const LONG_CRITERIA = [
  'Ease of use for a team that has never operated this before',
  UNBROKEN,
  'Throughput',
  'Latency at the ninety-ninth percentile under sustained load',
  'Operational cost per month',
  'Ecosystem, connectors and community support over the years',
  'Security',
  'Vendor lock-in and the cost of leaving later',
];

export const LONG_TITLE = 'Which message broker should the payments platform adopt for the next five years of growth across all regions?';

/** 6 options × 8 criteria with long names, every cell scored, in the interchange format for the UI's import. */
export function longNamesDecision() {
  return {
    format: 'decision-matrix/v1',
    decision: {
      title: LONG_TITLE,
      context: '',
      options: LONG_OPTIONS.map((name, o) => ({ id: `o${o}`, name, description: '' })),
      criteria: LONG_CRITERIA.map((name, c) => ({
        id: `c${c}`,
        name,
        description: '',
        direction: c === 4 ? 'cost' : 'benefit',
        scale: { min: 1, max: 5, minLabel: '', maxLabel: '' },
        weight: 10 + c * 5,
      })),
      scores: LONG_OPTIONS.flatMap((_, o) =>
        LONG_CRITERIA.map((__, c) => ({ option: `o${o}`, criterion: `c${c}`, value: 1 + ((o * 3 + c) % 5), rationale: '', source: '' })),
      ),
    },
  };
}
