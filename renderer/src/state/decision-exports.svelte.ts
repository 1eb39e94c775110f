import { fileNameFor } from '../../../core/file-name';
import type { Connection } from '../client';
import { bytesFromBase64 } from './base64';
import type { DecisionEditor } from './decision-editor.svelte';

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports of the open decision: Markdown made here, JSON, CSV and XLSX by the service, the PDF printed by the host. */
export class DecisionExports {
  busy = $state<string | null>(null);
  readonly #connection: Connection;

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  get canPrintPdf(): boolean {
    return this.#connection.fetchReportPdf !== null;
  }

  async json(editor: DecisionEditor): Promise<void> {
    await editor.flushWeights();
    const result = await this.#connection.client.exportDecision({ decisionId: editor.id });
    if (!result.ok) return void (editor.error = result.error.message);
    save(fileNameFor(editor.decision.title, 'json'), new Blob([`${JSON.stringify(result.value, null, 2)}\n`], { type: 'application/json' }));
  }

  async csv(editor: DecisionEditor): Promise<void> {
    await editor.flushWeights();
    const result = await this.#connection.client.exportCsv({ decisionId: editor.id });
    if (!result.ok) return void (editor.error = result.error.message);
    save(fileNameFor(editor.decision.title, 'csv'), new Blob([result.value.text], { type: 'text/csv' }));
  }

  /** The workbook is written by the host (exceljs stays out of the page) and comes back as base64. */
  async xlsx(editor: DecisionEditor): Promise<void> {
    await editor.flushWeights();
    const result = await this.#connection.client.exportXlsx({ decisionId: editor.id });
    if (!result.ok) return void (editor.error = result.error.message);
    save(fileNameFor(editor.decision.title, 'xlsx'), new Blob([bytesFromBase64(result.value.base64)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  }

  /** The record's builders are loaded on the first export, not at start. */
  async markdown(editor: DecisionEditor): Promise<void> {
    const [{ buildReport }, { decisionRecordMarkdown }, rounds] = await Promise.all([
      import('../../../core/report'),
      import('../../../core/markdown'),
      this.#connection.client.listRounds({ decisionId: editor.id }),
    ]);
    const report = buildReport({ ...editor.decision, criteria: editor.criteria, weighting: editor.weighting }, rounds.ok ? rounds.value : []);
    if (!report.ok) return void (editor.error = report.error.message);
    save(fileNameFor(editor.decision.title, 'md'), new Blob([decisionRecordMarkdown(report.value, new Date())], { type: 'text/markdown' }));
  }

  async pdf(editor: DecisionEditor): Promise<void> {
    if (!this.#connection.fetchReportPdf) return;
    await editor.flushWeights();
    this.busy = 'Rendering the PDF…';
    try {
      const result = await this.#connection.fetchReportPdf(editor.id);
      if (!result.ok) return void (editor.error = result.error.message);
      save(fileNameFor(editor.decision.title, 'pdf'), result.value);
    } finally {
      this.busy = null;
    }
  }
}
