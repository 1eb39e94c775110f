import type { DecisionReport, ReportCell } from './report';

/**
 * A decision record in the MADR layout engineering teams keep beside their code. Every piece of
 * user text is escaped so that it reads back as the literal text that was typed.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+\-!|~&]/g;

/** Every line break Markdown (or an editor showing it) may honour: CRLF, a lone CR or LF, VT, FF, NEL, U+2028, U+2029. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/** User text as one line of literal text: no name can open a heading, a table row or a code block. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_BREAK, ' ')
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;

/** Placed value 0..1 of a scored cell, so "best" and "worst" respect each criterion's direction. */
function placed(cell: ReportCell): number {
  const { min, max } = cell.criterion.scale;
  const x = (cell.value! - min) / (max - min);
  return cell.criterion.direction === 'cost' ? 1 - x : x;
}

function prosAndCons(report: DecisionReport, optionId: number): string[] {
  const cells = report.cells.filter((c) => c.option.id === optionId && c.value !== null);
  if (cells.length === 0) return ['* No scores yet.'];
  const best = cells.reduce((a, b) => (placed(b) > placed(a) ? b : a));
  const worst = cells.reduce((a, b) => (placed(b) < placed(a) ? b : a));
  const line = (kind: string, cell: ReportCell) =>
    `* ${kind}, because ${escapeMarkdown(cell.rationale || 'no rationale was written')} (${escapeMarkdown(cell.criterion.name)}: ${cell.value} on ${cell.criterion.scale.min}–${cell.criterion.scale.max})`;
  return best === worst ? [line('Good', best)] : [line('Good', best), line('Bad', worst)];
}

export function decisionRecordMarkdown(report: DecisionReport, date: Date): string {
  const leaders = report.leaders.map((name) => `“${escapeMarkdown(name)}”`).join(' and ');
  const lines = [
    `# ${escapeMarkdown(report.title)}`,
    '',
    `* Status: ${report.status}`,
    `* Date: ${date.toISOString().slice(0, 10)}`,
    `* Method: weighted sum of scores normalised to each criterion’s scale`,
    '',
    '## Context and Problem Statement',
    '',
    report.context ? escapeMarkdown(report.context) : '_No context was written._',
    '',
    '## Decision Drivers',
    '',
    ...report.weighting.map((line) => escapeMarkdown(line)),
    '',
    ...report.criteria.map(
      (c) => `* ${escapeMarkdown(c.name)} — weight ${percent(c.share)}, ${c.direction}${c.description ? `: ${escapeMarkdown(c.description)}` : ''}`,
    ),
    '',
    '## Considered Options',
    '',
    ...report.options.map((o) => `* ${escapeMarkdown(o.name)}`),
    '',
    '## Decision Outcome',
    '',
    ...(report.status === 'decided' && report.chosenOption !== null
      ? [`Chosen option: “${escapeMarkdown(report.chosenOption)}”${report.outcomeReason ? `, because ${escapeMarkdown(report.outcomeReason)}` : ''}.`, '']
      : []),
    leaders ? `Leading option under these weights: ${leaders}${report.leaders.length > 1 ? ' (tied)' : ''}.` : 'No option is fully scored yet.',
    '',
    '| Rank | Option | Weighted total |',
    '| ---: | --- | ---: |',
    ...report.ranking.map((r) => `| ${r.rank ?? '—'} | ${escapeMarkdown(r.name)} | ${percent(r.total)}${r.complete ? '' : ' (partial)'} |`),
    '',
    ...report.ranking
      .filter((r) => !r.complete)
      .map((r) => `Missing scores for ${escapeMarkdown(r.name)}: ${r.missingCriterionNames.map(escapeMarkdown).join(', ')}.`),
    '',
    '## Pros and Cons of the Options',
    '',
    ...report.options.flatMap((o) => [`### ${escapeMarkdown(o.name)}`, '', ...prosAndCons(report, o.id), '']),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
