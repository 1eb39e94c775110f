import { FRAGILE_RULE, percentText, shownPercentText, type ItemId } from './sensitivity';
import { points } from './sensitivity/headline';
import type { DecisionReport, ReportCell, ReportRobustness } from './report';
import { scoreText } from './round-record';

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

/** Ends a sentence with a full stop, unless it already ends with one (or with ! ? …): never "..". */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** A margin in points of 100, signed. */
function signed(margin: number): string {
  const text = points(Math.abs(margin));
  return text === '0' ? '0' : `${margin > 0 ? '+' : '−'}${text}`;
}

function robustnessSection(report: DecisionReport): string[] {
  const heading = ['## How robust is this decision', ''];
  if (!report.robustness.ok) return [...heading, sentence(escapeMarkdown(report.robustness.error.message)), ''];
  const { sensitivity: s, acceptability: a, shownRanks }: ReportRobustness = report.robustness.value;
  const nameOf = new Map<ItemId, string>(a.options.map((o) => [o.option, o.name]));
  const name = (id: ItemId | null) => (id === null ? '—' : escapeMarkdown(nameOf.get(id) ?? ''));
  const leader = name(s.leader);
  const mode = a.mode === 'uniform' ? 'uniform over all weights' : a.mode === 'ordinal' ? 'keeping the current order of importance' : `within ± ${points(a.within!)} points of each weight`;
  return [
    ...heading,
    sentence(escapeMarkdown(s.headline)),
    '',
    s.fragile ? `The leader is fragile: ${s.fragileReasons.map((r) => escapeMarkdown(r.text)).join('; ')}.` : 'The leader is not fragile.',
    escapeMarkdown(FRAGILE_RULE),
    '',
    ...(s.note ? [sentence(escapeMarkdown(s.note)), ''] : []),
    '### One weight at a time',
    '',
    `Each weight moved alone, the others keeping their ratios: the range in which ${leader} stays first, who leads past each end, and the range in which the whole ranking holds.`,
    '',
    `| Criterion | Weight | ${leader} first from | to | Below, then | Above, then | Whole ranking holds |`,
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
    ...s.criteria.map(
      (c) =>
        `| ${escapeMarkdown(c.name)} | ${percentText(c.weight)} | ${percentText(c.winner.from)} | ${percentText(c.winner.to)} | ${name(c.winner.below)} | ${name(c.winner.above)} | ${percentText(c.ranking.from)} – ${percentText(c.ranking.to)} |`,
    ),
    '',
    '### Tornado',
    '',
    `The lead of ${leader} over the best other option, in points of 100, with each weight at 0 and at twice its share (capped at 100 %); widest swing first. A negative lead means another option leads.`,
    '',
    '| Criterion | Lead at 0 % | Weight doubled | Lead then |',
    '| --- | ---: | ---: | ---: |',
    ...s.tornado.map((t) => `| ${escapeMarkdown(t.name)} | ${signed(t.low)} | ${percentText(t.highWeight)} | ${signed(t.high)} |`),
    '',
    '### Rank acceptability',
    '',
    `The share of ${a.draws.toLocaleString('en-GB')} random weight vectors (${mode}; seed ${a.seed}) under which each option takes each rank (SMAA-2). Monte Carlo error at most ± ${points(a.maxError)} ${points(a.maxError) === '1' ? 'point' : 'points'} (95 %).`,
    '',
    `| Option | ${a.options.map((_, r) => `Rank ${r + 1}`).join(' | ')} |`,
    `| --- | ${a.options.map(() => '---:').join(' | ')} |`,
    ...a.options.map((o, i) => `| ${escapeMarkdown(o.name)} | ${shownRanks[i].map(shownPercentText).join(' | ')} |`),
    '',
    ...(a.note && a.note !== s.note ? [sentence(escapeMarkdown(a.note)), ''] : []),
  ];
}

/** A round's group scores: each cell's group score with its spread, the cells to discuss, and the reasons people gave. */
function scoresLines(round: DecisionReport['rounds'][number]): string[] {
  const scores = round.scores;
  if (!scores) return [];
  const lines = [`Group scores (${escapeMarkdown(scores.ruleInWords.toLowerCase())}):`, ''];
  lines.push('| Option | Criterion | Group score | Scale | Spread (SD) | Interquartile range | People |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  lines.push(
    ...scores.cells.map(
      (c) => `| ${escapeMarkdown(c.option)} | ${escapeMarkdown(c.criterion)} | ${c.shown} | ${c.scale} | ${c.standardDeviation.toFixed(2)} | ${scoreText(c.interquartileRange)} | ${c.count} |`,
    ),
    '',
  );
  if (scores.disputed.length > 0) lines.push('Scores to discuss (largest spread for their scale first):', '', ...scores.disputed.map((d, i) => `${i + 1}. ${escapeMarkdown(d)}`), '');
  if (scores.reasons.length > 0) {
    lines.push('Reasons given:', '');
    lines.push(...scores.reasons.map((r) => `* ${escapeMarkdown(r.cell)}, ${r.value}${r.who ? ` (${escapeMarkdown(r.who)})` : ''}: ${escapeMarkdown(r.reason)}`), '');
  }
  return lines;
}

/** Every workshop round: how it ran, who took part (a count only when anonymous), the group weights and what became of them. */
function roundsSection(report: DecisionReport): string[] {
  if (report.rounds.length === 0) return [];
  const lines = ['## Workshop rounds', ''];
  for (const round of report.rounds) {
    lines.push(`### ${escapeMarkdown(round.title)}`, '');
    lines.push(`* How: ${escapeMarkdown(round.how)}`);
    lines.push(`* ${escapeMarkdown(round.status)}`);
    lines.push(`* Participants: ${escapeMarkdown(round.participants)}`);
    lines.push(...round.outcome.map((o) => `* What became of it: ${escapeMarkdown(o)}`), '');
    if (round.problem) lines.push(sentence(escapeMarkdown(round.problem)), '');
    const result = round.result;
    if (!result) continue;
    lines.push(`First choices: ${escapeMarkdown(result.choicesInWords)}`, '');
    if (!round.anonymous) {
      lines.push(...result.choices.map((c) => `* ${escapeMarkdown(c.option)}: ${c.names.map(escapeMarkdown).join(', ')}`), '');
    }
    lines.push('| Criterion | Group weight | Spread (SD) | Interquartile range |', '| --- | ---: | ---: | ---: |');
    lines.push(...result.criteria.map((c) => `| ${escapeMarkdown(c.name)} | ${c.shownPercent.toFixed(1)} % | ${percent(c.standardDeviation)} | ${percent(c.interquartileRange)} |`), '');
    lines.push('Discuss first (most disputed first):', '', ...result.discussionQueue.map((name, i) => `${i + 1}. ${escapeMarkdown(name)}`), '');
    lines.push(...scoresLines(round));
  }
  return lines;
}

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
    ...report.weighting.map((line) => sentence(escapeMarkdown(line))),
    '',
    ...report.criteria.map(
      (c) => `* ${escapeMarkdown(c.name)} — weight ${c.shownPercent.toFixed(1)} %, ${c.direction}${c.description ? `: ${escapeMarkdown(c.description)}` : ''}`,
    ),
    '',
    '## Considered Options',
    '',
    ...report.options.map((o) => `* ${escapeMarkdown(o.name)}`),
    '',
    '## Decision Outcome',
    '',
    ...(report.status === 'decided' && report.chosenOption !== null
      ? [sentence(`Chosen option: “${escapeMarkdown(report.chosenOption)}”${report.outcomeReason ? `, because ${escapeMarkdown(report.outcomeReason)}` : ''}`), '']
      : report.status === 'decided'
        ? // Decided, then the chosen option was removed: the reason given still belongs in the record.
          [sentence(`Decided, but the chosen option has since been removed${report.outcomeReason ? `; the reason given was: ${escapeMarkdown(report.outcomeReason)}` : ''}`), '']
        : []),
    leaders ? `Leading option under these weights: ${leaders}${report.leaders.length > 1 ? ' (tied)' : ''}.` : 'No option is fully scored yet.',
    '',
    '| Rank | Option | Weighted total |',
    '| ---: | --- | ---: |',
    ...report.ranking.map((r) => `| ${r.rank ?? '—'} | ${escapeMarkdown(r.name)} | ${percent(r.total)}${r.complete ? '' : ' (partial)'} |`),
    '',
    ...report.ranking
      .filter((r) => !r.complete)
      .map((r) => sentence(`Missing scores for ${escapeMarkdown(r.name)}: ${r.missingCriterionNames.map(escapeMarkdown).join(', ')}`)),
    '',
    ...robustnessSection(report),
    ...roundsSection(report),
    '## Pros and Cons of the Options',
    '',
    ...report.options.flatMap((o) => [`### ${escapeMarkdown(o.name)}`, '', ...prosAndCons(report, o.id), '']),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
