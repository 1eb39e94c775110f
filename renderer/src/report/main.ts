import { mount, tick } from 'svelte';
import { buildReport } from '../../../core/report';
import { createClient } from '../client';
import Report from './Report.svelte';
import ReportProblem from './ReportProblem.svelte';
import './report.css';

/**
 * The report page: renders one decision from data (report.html?decision=ID), then marks the
 * document ready once its charts are drawn, so printing waits for them.
 */
async function start(): Promise<void> {
  const target = document.getElementById('report')!;
  const decisionId = Number(new URLSearchParams(location.search).get('decision'));
  const client = createClient();
  const loaded = Number.isInteger(decisionId) && decisionId > 0 ? await client.getDecision({ decisionId }) : null;
  if (!loaded?.ok) {
    mount(ReportProblem, { target, props: { message: loaded ? loaded.error.message : 'No decision was named (report.html?decision=ID).' } });
    document.documentElement.dataset.reportReady = 'error';
    return;
  }
  // The record carries the decision's workshop rounds; a store that cannot list them prints the rest.
  const rounds = await client.listRounds({ decisionId });
  const report = buildReport(loaded.value, rounds.ok ? rounds.value : []);
  if (!report.ok) {
    mount(ReportProblem, { target, props: { message: report.error.message } });
    document.documentElement.dataset.reportReady = 'error';
    return;
  }
  document.title = report.value.title;
  mount(Report, { target, props: { report: report.value, generatedAt: new Date() } });
  await tick();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  document.documentElement.dataset.reportReady = 'true';
}

void start();
