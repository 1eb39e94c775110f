import type { PreparedDecision } from '../decision-scoring';
import { fail, ok, type Result } from '../result';
import type { PreparedMatrix } from '../scoring';

/**
 * What the robustness analyses read: the complete options' scores on 0..1 (cost criteria already
 * inverted by prepareMatrix), with the ids and names the results are given in. It is plain data
 * (arrays, strings, one Float64Array), so it can be posted to a Web Worker unchanged. Build it
 * once per prepared decision, not per slider input.
 */

/** Numbers in the app and the store; the strings of a decision file in the CLI. */
export type ItemId = number | string;

export interface RobustnessItem {
  readonly id: ItemId;
  readonly name: string;
}

export interface RobustnessMatrix {
  /** The complete options, in the decision's order. */
  readonly options: readonly RobustnessItem[];
  readonly criteria: readonly RobustnessItem[];
  /** unit[option * criteria.length + criterion]: the complete options' scores on 0..1. */
  readonly unit: Float64Array;
  /** Options left out because some score is missing. */
  readonly leftOut: readonly RobustnessItem[];
  /** Says which options were left out and why; null when none were. */
  readonly note: string | null;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** From scoring's prepared matrix, with the ids of its options and criteria (in its order). */
export function robustnessMatrix(prepared: PreparedMatrix, optionIds: readonly ItemId[], criterionIds: readonly ItemId[]): Result<RobustnessMatrix> {
  const { optionNames, criterionNames, unit, missing } = prepared;
  const m = criterionNames.length;
  const criteria = criterionNames.map((name, c) => ({ id: criterionIds[c], name }));
  const options: RobustnessItem[] = [];
  const leftOut: RobustnessItem[] = [];
  optionNames.forEach((name, o) => (missing[o].length === 0 ? options : leftOut).push({ id: optionIds[o], name }));
  const compact = new Float64Array(options.length * m);
  for (let o = 0, row = 0; o < optionNames.length; o++) {
    if (missing[o].length > 0) continue;
    compact.set(unit.subarray(o * m, o * m + m), row * m);
    row++;
  }
  return finish(options, criteria, compact, leftOut);
}

/** From a prepared decision, keyed by its option and criterion ids. */
export function robustnessMatrixOfDecision(prepared: PreparedDecision): Result<RobustnessMatrix> {
  return robustnessMatrix(
    prepared.matrix,
    prepared.options.map((o) => o.id),
    prepared.criterionIds,
  );
}

/** From plain rows of values already on 0..1 (null where unscored), one row per option. */
export function robustnessMatrixFromRows(input: {
  options: readonly RobustnessItem[];
  criteria: readonly RobustnessItem[];
  rows: readonly (readonly (number | null)[])[];
}): Result<RobustnessMatrix> {
  const { options, criteria, rows } = input;
  const m = criteria.length;
  if (m === 0) return fail('invalid-input', 'There are no criteria to analyse.');
  if (rows.length !== options.length) return fail('invalid-input', `Expected ${options.length} rows of scores, got ${rows.length}.`);
  const complete: RobustnessItem[] = [];
  const leftOut: RobustnessItem[] = [];
  const values: number[] = [];
  for (let o = 0; o < rows.length; o++) {
    const row = rows[o];
    if (row.length !== m) return fail('invalid-input', `"${options[o].name}" has ${row.length} scores for ${m} criteria.`);
    if (row.some((x) => x === null)) {
      leftOut.push(options[o]);
      continue;
    }
    for (let c = 0; c < m; c++) {
      const x = row[c]!;
      if (!(x >= 0 && x <= 1)) return fail('invalid-input', `"${options[o].name}" on "${criteria[c].name}": ${x} is not a value from 0 to 1.`);
    }
    complete.push(options[o]);
    values.push(...(row as number[]));
  }
  return finish(complete, criteria, Float64Array.from(values), leftOut);
}

function finish(options: RobustnessItem[], criteria: readonly RobustnessItem[], unit: Float64Array, leftOut: RobustnessItem[]): Result<RobustnessMatrix> {
  const names = leftOut.map((o) => o.name);
  const missingWords = `${listInWords(names)} ${names.length === 1 ? 'has' : 'have'} missing scores`;
  if (options.length < 2 && leftOut.length === 0) return fail('invalid-input', 'How robust the ranking is needs at least two options to compare.');
  if (options.length < 2) {
    const have = options.length === 0 ? 'no option has' : `only ${options[0].name} has`;
    return fail('invalid-input', `How robust the ranking is needs two options with every score; ${have} them (${missingWords}).`);
  }
  const note = leftOut.length === 0 ? null : `Left out: ${missingWords}.`;
  return ok({ options, criteria, unit, leftOut, note });
}
