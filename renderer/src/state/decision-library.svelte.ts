import type { BulkProgress, Client, DecisionAdded, Workspace } from '../../../core/contract';
import type { Result } from '../../../core/result';
import { MAX_IMPORT_FILE_BYTES, sizeInWords } from '../../../core/transport';
import type { Decision, DecisionSummary } from '../../../core/model';
import { fileAsBase64 } from './base64';
import { DecisionEditor } from './decision-editor.svelte';
import { ScenarioList } from './scenarios.svelte';
import { VersionList } from './versions.svelte';
import { WorkshopState, type Subscribe } from './workshop.svelte';

/** The files the spreadsheet import reads, by name. */
const SPREADSHEET_FILE = /\.(csv|tsv|xlsx)$/i;
/** How often the app asks how far a big import or copy is, while it waits for one. */
const PROGRESS_POLL_MS = 200;
/**
 * An imported decision with more score cells than this is listed but not opened at once: the
 * matrix draws every cell, and a decision this size holds the page for seconds (150,000 cells,
 * half a minute on our machines). Opening it from the list is the user's choice, asked first.
 */
export const OPEN_AFTER_IMPORT_MAX_CELLS = 20_000;

/** Its size in words, when a decision is too big to open without asking (null when it is not). */
export function largeDecisionSize(summary: Pick<DecisionSummary, 'optionCount' | 'criterionCount'>): string | null {
  const cells = summary.optionCount * summary.criterionCount;
  if (cells <= OPEN_AFTER_IMPORT_MAX_CELLS) return null;
  return `${cells.toLocaleString('en-US')} score cells (${summary.optionCount.toLocaleString('en-US')} options × ${summary.criterionCount.toLocaleString('en-US')} criteria)`;
}

/** The list of decisions and the one that is open. */
export class DecisionLibrary {
  summaries = $state<DecisionSummary[]>([]);
  editor = $state<DecisionEditor | null>(null);
  /** The workshop round panel of the open decision. */
  workshop = $state<WorkshopState | null>(null);
  /** The open decision's named weight sets. */
  scenarios = $state<ScenarioList | null>(null);
  versions = $state<VersionList | null>(null);
  ready = $state(false);
  error = $state<string | null>(null);
  /** What the last spreadsheet import says about how the file was read (columns left out, scales not given). */
  notes = $state<{ file: string; lines: string[] } | null>(null);
  /** An import or copy this window waits for, and how far the host says it is ("Importing… 40 %"). */
  adding = $state<{ kind: BulkProgress['kind']; percent: number | null } | null>(null);
  /** The list as shown: the open decision's entry follows its edits (title, options, criteria) at once. */
  listed = $derived.by(() => {
    const open = this.editor?.decision;
    if (!open) return this.summaries;
    return this.summaries.map((s) => (s.id === open.id ? { ...s, title: open.title, optionCount: open.options.length, criterionCount: open.criteria.length } : s));
  });

  readonly client: Client;
  readonly subscribe: Subscribe | null;

  constructor(client: Client, subscribe: Subscribe | null = null) {
    this.client = client;
    this.subscribe = subscribe;
  }

  dismissError(): void {
    this.error = null;
  }

  dismissNotes(): void {
    this.notes = null;
  }

  /** Opens the decision the address names (#decision=ID, as the desktop menu sends), else the latest. */
  async load(requestedId: number | null = null): Promise<void> {
    // One call for all the first screen shows: a chain of four was most of a cold start.
    const workspace = await this.client.openWorkspace({ decisionId: requestedId });
    if (!workspace.ok) this.error = workspace.error.message;
    else {
      this.summaries = workspace.value.decisions;
      const { decision, scenarios, rounds, history } = workspace.value;
      if (decision && !this.editor) this.#setEditor(decision, { scenarios, rounds, history });
    }
    this.ready = true;
  }

  async refresh(): Promise<void> {
    const result = await this.client.listDecisions({});
    if (result.ok) this.summaries = result.value;
    else this.error = result.error.message;
  }

  /** Opens a decision; its scenarios and rounds are read now unless they came with it. */
  #setEditor(decision: Decision, known?: Pick<Workspace, 'scenarios' | 'rounds' | 'history'>): void {
    this.workshop?.stop();
    const editor = new DecisionEditor(this.client, decision, known?.history);
    this.editor = editor;
    this.workshop = new WorkshopState(this.client, editor, this.subscribe);
    const scenarios = new ScenarioList(this.client, editor);
    this.scenarios = scenarios;
    this.versions = new VersionList(this.client, editor);
    // An undo, redo or restore may bring back or take away a scenario, or a title: both lists are read again.
    editor.onrewound = () => {
      void scenarios.load();
      void this.refresh();
    };
    if (known) {
      this.scenarios.items = known.scenarios;
      void this.workshop.resumeFrom(known.rounds);
    } else {
      void this.workshop.resume();
      void this.scenarios.load();
    }
  }

  async open(decisionId: number): Promise<void> {
    await this.editor?.flushWeights();
    this.notes = null;
    const result = await this.client.getDecision({ decisionId });
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    this.#setEditor(result.value);
  }

  async #openResult(result: Awaited<ReturnType<Client['createDecision']>>): Promise<boolean> {
    // Notes belong to the import that opened a decision; opening another one puts them away.
    this.notes = null;
    if (!result.ok) {
      this.error = result.error.message;
      return false;
    }
    this.error = null;
    await this.refresh();
    this.#setEditor(result.value);
    return true;
  }

  /**
   * Waits for an import or copy, asking the host meanwhile how far it got (a big one is written
   * by a worker thread; the host answers other calls, this one included, while it runs).
   */
  async #adding(kind: BulkProgress['kind'], call: Promise<Result<DecisionAdded>>): Promise<Result<DecisionAdded>> {
    this.adding = { kind, percent: null };
    let waiting = true;
    const poll = async () => {
      while (waiting) {
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
        if (!waiting) break;
        const progress = await this.client.bulkProgress({});
        if (waiting && progress.ok && progress.value && progress.value.kind === kind) this.adding = { kind, percent: progress.value.percent };
      }
    };
    void poll();
    try {
      return await call;
    } finally {
      waiting = false;
      this.adding = null;
    }
  }

  /** Opens the decision an import or copy added (read whole only now: the answer carries its list entry). */
  async #openAdded(result: Result<DecisionAdded>, file?: string): Promise<boolean> {
    this.notes = null;
    if (!result.ok) {
      this.error = file ? `${file}: ${result.error.message}` : result.error.message;
      return false;
    }
    await this.refresh();
    const { decision, notes } = result.value;
    const size = largeDecisionSize(decision);
    if (file && size) {
      this.notes = { file, lines: [...notes, `Not opened: “${decision.title}” has ${size}, which takes the app a long time to draw. It is in the list; open it from there when you need it.`] };
      return true;
    }
    await this.open(decision.id);
    if (this.error) return false;
    if (file && notes.length > 0) this.notes = { file, lines: notes };
    return true;
  }

  create(title: string): Promise<boolean> {
    return this.client.createDecision({ title }).then((r) => this.#openResult(r));
  }

  createFromTemplate(name: string): Promise<boolean> {
    return this.client.createFromTemplate({ name }).then((r) => this.#openResult(r));
  }

  /** Imports a decision-matrix/v1 file; a bad file is named with its problem and changes nothing. */
  async importFile(file: File): Promise<boolean> {
    // A spreadsheet given to the JSON import (or the other way round) is read as what it is.
    if (SPREADSHEET_FILE.test(file.name)) return this.importSpreadsheet(file);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      this.error = `${file.name}: ${file.size} bytes is over the ${sizeInWords(MAX_IMPORT_FILE_BYTES)} limit.`;
      return false;
    }
    // The host reads and checks the file (a big one on a worker thread), with the format's messages.
    const text = await file.text();
    return this.#openAdded(await this.#adding('import', this.client.importDecision({ text })), file.name);
  }

  /**
   * Imports the spreadsheet layout (one row per criterion) from a workbook (.xlsx) or a CSV file;
   * the file's name becomes the title. What the import notes is shown beside the opened decision.
   */
  async importSpreadsheet(file: File): Promise<boolean> {
    if (/\.json$/i.test(file.name)) return this.importFile(file);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      this.error = `${file.name}: ${file.size} bytes is over the ${sizeInWords(MAX_IMPORT_FILE_BYTES)} limit.`;
      return false;
    }
    const title = file.name.replace(SPREADSHEET_FILE, '') || 'Imported decision';
    const call = /\.xlsx$/i.test(file.name) ? this.client.importXlsx({ title, base64: await fileAsBase64(file) }) : this.client.importCsv({ title, text: await file.text() });
    return this.#openAdded(await this.#adding('import', call), file.name);
  }

  async duplicate(decisionId: number): Promise<boolean> {
    return this.#openAdded(await this.#adding('duplicate', this.client.duplicateDecision({ decisionId })));
  }

  async rename(decisionId: number, title: string): Promise<boolean> {
    const ok = this.editor?.id === decisionId ? await this.editor.change('updateDecision', { decisionId, title }) : (await this.client.updateDecision({ decisionId, title })).ok;
    await this.refresh();
    return ok;
  }

  async remove(decisionId: number): Promise<void> {
    const result = await this.client.deleteDecision({ decisionId });
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    if (this.editor?.id === decisionId) {
      this.workshop?.stop();
      this.workshop = null;
      this.editor = null;
    }
    await this.refresh();
    if (!this.editor && this.summaries[0]) await this.open(this.summaries[0].id);
  }
}
