import { z } from 'zod';
import {
  decisionStatusSchema,
  directionSchema,
  finiteNumberSchema,
  nameSchema,
  scaleSchema,
  textSchema,
  weightSchema,
  type Decision,
  type DecisionSummary,
} from './model';
import type { Result } from './result';
import type { ExportedDocument } from './robustness-document';
import type { VersionReason } from './versions';
import { RANK_RULES, SAATY_MAX, SAATY_MIN, SWING_TOP, WEIGHTING_METHODS } from './weighting';
import { apiRoute, MAX_IMPORT_FILE_BYTES, sizeInWords } from './transport';
import { aggregationRuleSchema, roundNameSchema, roundWeighingSchema, scoreRuleSchema, type FacilitatorRoundView } from './workshop';

/**
 * The API contract: each method declared once, with its input schema and its result type.
 * The IPC channels, the preload bridge, the HTTP routes, the renderer client and the
 * validation at every boundary are all derived from this object.
 */
export interface MethodSpec<Input extends z.ZodType, Output, Later extends boolean = false> {
  input: Input;
  /** Phantom field: carries the result type, never set at run time. */
  readonly output?: Output;
  /** The handler answers with a promise (reading and writing a workbook is asynchronous). */
  readonly later?: Later;
}

function method<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input });
}

/** A method whose handler answers later: every host awaits the answer, so callers see no difference. */
function laterMethod<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output, true> => ({ input, later: true });
}

const id = z.number().int().positive();
const decisionRef = { decisionId: id };
const position = z.number().int().min(0);

/** The CSV and JSON import limit, in characters (files over the import limit are refused before they are read). */
export const MAX_CSV_CHARACTERS = MAX_IMPORT_FILE_BYTES;
const importTextSchema = z.string().max(MAX_CSV_CHARACTERS, `is larger than the ${sizeInWords(MAX_IMPORT_FILE_BYTES)} limit`);
/** The workbook import limit: the file limit, in base64 (four characters for every three bytes). */
export const MAX_XLSX_BASE64_CHARACTERS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

/**
 * A whole decision added (imported or duplicated): its entry in the list, and what the person
 * should know about how a spreadsheet was read. The decision itself is read with getDecision, so
 * the answer to a big import stays small.
 */
export interface DecisionAdded {
  decision: DecisionSummary;
  /** Columns left out, scales not given, sheets not read …, each naming its place in the file (none for JSON and copies). */
  notes: string[];
}

/** A big import or copy under way, written by a worker thread (service/bulk/): what the app shows as "Importing… 40 %". */
export interface BulkProgress {
  kind: 'import' | 'duplicate';
  /** How much of the decision is written, 0–100. */
  percent: number;
}

/** A round as the facilitator sees it, with where participants join (null when no workshop server runs). */
export interface WorkshopRound extends FacilitatorRoundView {
  joinUrl: string | null;
}

/** A named set of weights kept for a decision. */
export interface ScenarioSummary {
  id: number;
  name: string;
  createdAt: string;
  /** Weight per criterion id. */
  weights: Record<number, number>;
}

/** What setWeights answers: the weights are in; the decision's new modification time. */
export interface WeightsSaved {
  decisionId: number;
  updatedAt: string;
}

export interface TemplateSummary {
  name: string;
  title: string;
}

const roundRef = { roundId: id };

/** Everything the app shows when it starts, in one answer: no chain of requests before the first picture. */
export interface Workspace {
  decisions: DecisionSummary[];
  /** The decision asked for if it exists, else the most recently changed one; null when there is none. */
  decision: Decision | null;
  scenarios: ScenarioSummary[];
  rounds: WorkshopRound[];
  /** What undo and redo would take back in the open decision. */
  history: HistoryState;
}

/** The app's first call. */
export const workspaceMethods = {
  openWorkspace: method<Workspace>()(z.strictObject({ decisionId: id.nullable().default(null) })),
};

/** Decisions as a whole: list, open, create (blank or from a template), rename, outcome, delete. */
export const decisionMethods = {
  listDecisions: method<DecisionSummary[]>()(z.strictObject({})),
  getDecision: method<Decision>()(z.strictObject(decisionRef)),
  createDecision: method<Decision>()(z.strictObject({ title: nameSchema })),
  /** Answers later: a big decision is copied by a worker thread, and the host answers other calls meanwhile. */
  duplicateDecision: laterMethod<DecisionAdded>()(z.strictObject(decisionRef)),
  updateDecision: method<Decision>()(
    z.strictObject({
      ...decisionRef,
      title: nameSchema.optional(),
      context: textSchema.optional(),
      status: decisionStatusSchema.optional(),
      chosenOptionId: id.nullable().optional(),
      outcomeReason: textSchema.optional(),
    }),
  ),
  deleteDecision: method<{ deletedId: number }>()(z.strictObject(decisionRef)),
  listTemplates: method<TemplateSummary[]>()(z.strictObject({})),
  createFromTemplate: method<Decision>()(z.strictObject({ name: z.string().min(1).max(200) })),
};

/** The matrix: options, criteria and scores. */
export const matrixMethods = {
  addOption: method<Decision>()(z.strictObject({ ...decisionRef, name: nameSchema })),
  updateOption: method<Decision>()(
    z.strictObject({ optionId: id, name: nameSchema.optional(), description: textSchema.optional() }),
  ),
  moveOption: method<Decision>()(z.strictObject({ optionId: id, toIndex: position })),
  removeOption: method<Decision>()(z.strictObject({ optionId: id })),

  addCriterion: method<Decision>()(
    z.strictObject({
      ...decisionRef,
      name: nameSchema,
      description: textSchema.optional(),
      direction: directionSchema.optional(),
      scale: scaleSchema.optional(),
    }),
  ),
  updateCriterion: method<Decision>()(
    z.strictObject({
      criterionId: id,
      name: nameSchema.optional(),
      description: textSchema.optional(),
      direction: directionSchema.optional(),
      scale: scaleSchema.optional(),
    }),
  ),
  moveCriterion: method<Decision>()(z.strictObject({ criterionId: id, toIndex: position })),
  removeCriterion: method<Decision>()(z.strictObject({ criterionId: id })),

  setScore: method<Decision>()(
    z.strictObject({
      optionId: id,
      criterionId: id,
      value: finiteNumberSchema.nullable().optional(),
      rationale: textSchema.optional(),
      source: textSchema.optional(),
    }),
  ),
};

/** The weights: slider values and how the weights are elicited (the method and its inputs). */
export const weightingMethods = {
  /** Run whenever a slider rests: answers only when the change was committed, not the whole decision. */
  setWeights: method<WeightsSaved>()(
    z.strictObject({
      ...decisionRef,
      weights: z.array(z.strictObject({ criterionId: id, weight: weightSchema })).min(1).max(1000),
    }),
  ),
  /**
   * How the weights are elicited: the method, and any method's inputs (each part given replaces
   * that method's inputs whole; the others are kept). Answers like setWeights.
   */
  setWeighting: method<WeightsSaved>()(
    z.strictObject({
      ...decisionRef,
      method: z.enum(WEIGHTING_METHODS).optional(),
      rule: z.enum(RANK_RULES).optional(),
      points: z.array(z.strictObject({ criterionId: id, points: weightSchema })).max(1000).optional(),
      order: z.array(z.union([id, z.array(id).min(1).max(1000)])).max(1000).optional(),
      swing: z.array(z.strictObject({ criterionId: id, points: z.number().min(0, 'must be 0 or more').max(SWING_TOP, `must be at most ${SWING_TOP}`) })).max(1000).optional(),
      judgments: z.array(z.strictObject({ more: id, less: id, ratio: z.number().min(SAATY_MIN, `must be at least ${SAATY_MIN}`).max(SAATY_MAX, `must be at most ${SAATY_MAX}`) })).max(50_000).optional(),
    }),
  ),
};

/** Whole decisions in and out: the interchange document and the spreadsheet layout. */
export const transferMethods = {
  /**
   * A decision file's text (the interchange format): read, checked and stored by a worker thread
   * where the host has one, so a big file neither parses nor writes on the thread answering calls.
   */
  importDecision: laterMethod<DecisionAdded>()(z.strictObject({ text: importTextSchema })),
  exportDecision: method<ExportedDocument>()(z.strictObject(decisionRef)),
  importCsv: laterMethod<DecisionAdded>()(z.strictObject({ title: nameSchema, text: importTextSchema })),
  exportCsv: method<{ text: string }>()(z.strictObject(decisionRef)),
  /** An .xlsx workbook's bytes, base64-encoded, so the file travels as JSON and through IPC alike. */
  importXlsx: laterMethod<DecisionAdded>()(
    z.strictObject({
      title: nameSchema,
      base64: z
        .string()
        .max(MAX_XLSX_BASE64_CHARACTERS, `is larger than the ${sizeInWords(MAX_IMPORT_FILE_BYTES)} limit`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
    }),
  ),
  exportXlsx: laterMethod<{ base64: string }>()(z.strictObject(decisionRef)),
  /** Where the big import or copy under way stands; null when none is. The app asks while it waits for one. */
  bulkProgress: method<BulkProgress | null>()(z.strictObject({})),
};

/** Workshop rounds, as the facilitator runs them (participants have their own routes). */
export const roundMethods = {
  startRound: method<WorkshopRound>()(
    z.strictObject({
      ...decisionRef,
      name: roundNameSchema.optional(),
      anonymous: z.boolean().default(false),
      rule: aggregationRuleSchema.default('geometric-mean'),
      weighing: roundWeighingSchema.default('sliders'),
      /** The criteria people also score the options on (none: a round of weights only), and how each cell's scores are combined. */
      scoreCriteria: z.array(id).max(1000, 'must pick at most 1000 criteria').optional(),
      scoreRule: scoreRuleSchema.optional(),
      minutes: z.number().int().min(1).max(240).nullable().default(null),
    }),
  ),
  getRound: method<WorkshopRound>()(z.strictObject(roundRef)),
  listRounds: method<WorkshopRound[]>()(z.strictObject(decisionRef)),
  updateRound: method<WorkshopRound>()(
    z.strictObject({
      ...roundRef,
      state: z.enum(['revealed', 'closed']).optional(),
      addMinutes: z.number().int().min(1).max(60).optional(),
      shareResult: z.boolean().optional(),
      name: roundNameSchema.optional(),
    }),
  ),
  /** Takes a participant out of a round that is not closed: their weights stop counting, their phone says so. */
  removeParticipant: method<WorkshopRound>()(z.strictObject({ ...roundRef, participantId: id })),
  applyGroupWeights: method<Decision>()(z.strictObject(roundRef)),
  keepGroupWeights: method<ScenarioSummary[]>()(z.strictObject({ ...roundRef, name: nameSchema })),
  /** Puts a revealed round's group scores into the matrix, every cell someone scored, as one step to undo. */
  applyGroupScores: method<Decision>()(z.strictObject(roundRef)),
};

/** Where undo and redo stand for a decision: the label of the step each would take back, or null. */
export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

/** What undo and redo answer: the decision as committed, the step taken back, and where the stacks stand now. */
export interface HistoryMove {
  decision: Decision;
  /** The step in the person's words ("remove option “JAX”"). */
  label: string;
  history: HistoryState;
}

/** A named version in a decision's history, with what changed since the one before it. */
export interface VersionSummary {
  id: number;
  name: string;
  reason: VersionReason;
  createdAt: string;
  /** Short lines: options and criteria added or removed, scores and weights changed, … */
  changes: string[];
}

/** One version opened to be looked at: the decision as it was (read only). */
export interface VersionView {
  id: number;
  name: string;
  reason: VersionReason;
  createdAt: string;
  decision: Decision;
}

/**
 * Undo, redo and named versions (see docs/history.md). Every change to a decision is one step to
 * undo, kept in the store; creating, importing, duplicating and deleting whole decisions, workshop
 * rounds and participants' submissions, and saving a version, are not.
 */
export const historyMethods = {
  historyState: method<HistoryState>()(z.strictObject(decisionRef)),
  undo: method<HistoryMove>()(z.strictObject(decisionRef)),
  redo: method<HistoryMove>()(z.strictObject(decisionRef)),
  listVersions: method<VersionSummary[]>()(z.strictObject(decisionRef)),
  saveVersion: method<VersionSummary[]>()(z.strictObject({ ...decisionRef, name: nameSchema })),
  getVersion: method<VersionView>()(z.strictObject({ versionId: id })),
  /** Puts the decision back as the version has it: one step, which undo takes back. */
  restoreVersion: method<Decision>()(z.strictObject({ versionId: id })),
};

/** Named sets of weights. */
export const scenarioMethods = {
  listScenarios: method<ScenarioSummary[]>()(z.strictObject(decisionRef)),
  saveScenario: method<ScenarioSummary[]>()(z.strictObject({ ...decisionRef, name: nameSchema })),
  applyScenario: method<Decision>()(z.strictObject({ scenarioId: id })),
  deleteScenario: method<ScenarioSummary[]>()(z.strictObject({ scenarioId: id })),
};

export const contract = { ...workspaceMethods, ...decisionMethods, ...matrixMethods, ...weightingMethods, ...transferMethods, ...roundMethods, ...scenarioMethods, ...historyMethods };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults are applied). */
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, infer Output, boolean> ? Output : never;
/** What a handler returns: the result, or for a method that answers later a promise of it. */
export type HandlerAnswer<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, unknown, true> ? Promise<Result<MethodOutput<K>>> : Result<MethodOutput<K>>;

export type Handlers = { [K in MethodName]: (input: ParsedInput<K>) => HandlerAnswer<K> };
/** The handlers of one domain's methods (e.g. `HandlersOf<typeof matrixMethods>`); the domains' maps join into Handlers. */
export type HandlersOf<Methods> = Pick<Handlers, keyof Methods & MethodName>;
export type Client = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>> };

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export const ipcChannel = (name: MethodName) => `decision-matrix:${name}`;
export const httpRoute = (name: MethodName) => apiRoute(name);
