import { parseArgs } from 'node:util';
import { ACCEPTABILITY_MODES, DEFAULT_ACCEPTABILITY, MAX_DRAWS, MAX_SEED, type AcceptabilityMode } from '../../core/acceptability';
import type { DecisionDraft } from '../../core/interchange';
import { analyseDraft, type AnalyseSettings } from '../../core/robustness-document';

/** `decision-matrix analyse`: how robust a decision file's ranking is to its weights, as JSON. */

export const ANALYSE_USAGE = `decision-matrix analyse <decision.json|.xlsx|.csv> [--draws N] [--seed N] [--mode uniform|ordinal|interval] [--within P]
                                            print how robust the ranking is to the weights, as JSON`;


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

/** The analysis of a file (core/robustness-document.ts); a problem with the decision is thrown. */
export function analyseReport(draft: DecisionDraft, settings: AnalyseSettings) {
  const analysed = analyseDraft(draft, settings);
  if (!analysed.ok) throw new Error(analysed.error.message);
  return analysed.value;
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
