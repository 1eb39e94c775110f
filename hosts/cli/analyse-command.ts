import { parseArgs } from 'node:util';
import { weighedCriteria } from '../../core/weighting/inputs';
import { ACCEPTABILITY_MODES, DEFAULT_ACCEPTABILITY, MAX_DRAWS, MAX_SEED, rankAcceptability, type AcceptabilityMode } from '../../core/acceptability';
import { prepareDecision } from '../../core/decision-scoring';
import { draftAsDecision, type DecisionDraft } from '../../core/interchange';
import { analyseSensitivity, robustnessMatrix } from '../../core/sensitivity';

/** `decision-matrix analyse`: how robust a decision file's ranking is to its weights, as JSON. */

export const ANALYSE_USAGE = `decision-matrix analyse <decision.json|.xlsx|.csv> [--draws N] [--seed N] [--mode uniform|ordinal|interval] [--within P]
                                            print how robust the ranking is to the weights, as JSON`;

export interface AnalyseSettings {
  draws: number;
  seed: number;
  mode: AcceptabilityMode;
  /** Interval mode's half-width, as a share of 1 (--within takes points of 100). */
  within: number;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  return value;
}

function readSettings(args: string[]): { file: string; settings: AnalyseSettings } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { draws: { type: 'string' }, seed: { type: 'string' }, mode: { type: 'string' }, within: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new UsageError(`analyse takes one file: ${ANALYSE_USAGE.split('\n')[0]}`);
  const mode = (values.mode ?? DEFAULT_ACCEPTABILITY.mode) as AcceptabilityMode;
  if (!ACCEPTABILITY_MODES.includes(mode)) throw new UsageError(`--mode must be one of ${ACCEPTABILITY_MODES.join(', ')} (got "${values.mode}")`);
  if (values.within !== undefined && mode !== 'interval') throw new UsageError('--within applies to --mode interval only');
  const points = values.within === undefined ? DEFAULT_ACCEPTABILITY.within * 100 : Number(values.within);
  if (!(points > 0 && points <= 100)) throw new UsageError(`--within must be a number of points above 0 and at most 100 (got "${values.within}")`);
  return {
    file: positionals[0],
    settings: {
      draws: wholeNumber('--draws', values.draws, DEFAULT_ACCEPTABILITY.draws, 1, MAX_DRAWS),
      seed: wholeNumber('--seed', values.seed, DEFAULT_ACCEPTABILITY.seed, 0, MAX_SEED),
      mode,
      within: points / 100,
    },
  };
}

/**
 * The analysis in the fields, every option and criterion named by its id in the file and
 * every share a fraction of 1. A note (options left out for missing scores, interval draws that
 * could not all be found) is returned beside it, for stderr, so stdout holds exactly these fields.
 */
export function analyseReport(draft: DecisionDraft, settings: AnalyseSettings) {
  const decision = draftAsDecision(draft);
  const prepared = prepareDecision(decision);
  if (!prepared.ok) throw new Error(prepared.error.message);
  const matrix = robustnessMatrix(
    prepared.value.matrix,
    draft.options.map((o) => o.id),
    draft.criteria.map((c) => c.id),
  );
  if (!matrix.ok) throw new Error(matrix.error.message);
  // The file's own method gives the weights (rank order, AHP …), as `score` uses them.
  const effective = weighedCriteria(decision.weighting, decision.criteria);
  if (!effective.ok) throw new Error(effective.error.message);
  const weights = effective.value.criteria.map((c) => c.weight);
  const sensitivity = analyseSensitivity(matrix.value, weights);
  if (!sensitivity.ok) throw new Error(sensitivity.error.message);
  const acceptability = rankAcceptability(matrix.value, { ...settings, weights });
  if (!acceptability.ok) throw new Error(acceptability.error.message);
  const s = sensitivity.value;
  const a = acceptability.value;
  const report = {
    leader: s.leader,
    headline: s.headline,
    fragile: s.fragile,
    criteria: s.criteria.map((c) => ({
      criterion: c.criterion,
      name: c.name,
      weight: c.weight,
      winner: { from: c.winner.from, to: c.winner.to, below: c.winner.below, above: c.winner.above },
      ranking: { from: c.ranking.from, to: c.ranking.to },
    })),
    tornado: s.tornado.map((t) => ({ criterion: t.criterion, low: t.low, high: t.high })),
    acceptability: {
      mode: a.mode,
      draws: a.draws,
      seed: a.seed,
      options: a.options.map((o) => ({
        option: o.option,
        name: o.name,
        ranks: o.ranks,
        centralWeights: o.centralWeights && Object.fromEntries(a.criteria.map((id, j) => [id, o.centralWeights![j]])),
      })),
    },
  };
  // The acceptability's note repeats the matrix's (options left out) and adds any shortfall of draws.
  return { report, note: a.note };
}

/** Runs the command; a usage mistake exits 2 here, a file or analysis problem is thrown (exit 1). */
export async function analyseCommand(args: string[], readDecisionFile: (path: string) => Promise<DecisionDraft>, io: Io): Promise<number> {
  let request;
  try {
    request = readSettings(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`decision-matrix: ${error.message}\n`);
    return 2;
  }
  const draft = await readDecisionFile(request.file);
  let analysed;
  try {
    analysed = analyseReport(draft, request.settings);
  } catch (error) {
    throw new Error(`${request.file}: ${(error as Error).message}`, { cause: error });
  }
  if (analysed.note) io.err(`decision-matrix: note: ${analysed.note}\n`);
  io.out(`${JSON.stringify(analysed.report, null, 2)}\n`);
  return 0;
}
