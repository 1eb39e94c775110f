import type { DecisionDocument } from './interchange';
import { DIRECT_WEIGHTING, translateWeightingIds } from './weighting';
import { inputsFromWeighting } from './weighting/inputs';
import type { Decision } from './model';

/**
 * Named versions of a decision (see docs/history.md). A version is stored as the decision-matrix/v2
 * document toDocument writes (without scenarios and rounds), whose keys carry the store's row
 * ids ("o12", "c7"): read back here as the decision it was, so it can be viewed, compared and
 * put back row for row.
 */

/** Why a version was taken. */
export type VersionReason = 'manual' | 'reveal' | 'decided';

/** The parts of a decision a version holds and a restore puts back. */
export type VersionDecision = Pick<Decision, 'title' | 'context' | 'status' | 'chosenOptionId' | 'outcomeReason' | 'options' | 'criteria' | 'scores' | 'weighting'>;

const rowId = (key: string, index: number): number => {
  const match = /^[oc]([1-9]\d{0,15})$/.exec(key);
  // A key that is not one of ours (never written by toDocument) gets an id no row has.
  return match ? Number(match[1]) : -(index + 1);
};

/** A version's document as the decision it was, with the store's row ids. */
export function documentAsDecision(document: DecisionDocument): VersionDecision {
  const d = document.decision;
  const optionIds = new Map(d.options.map((o, i) => [o.id, rowId(o.id, i)]));
  const criterionIds = new Map(d.criteria.map((c, i) => [c.id, rowId(c.id, i)]));
  const byRow = (record: Readonly<Record<string, number>> | undefined): Record<number, number> =>
    Object.fromEntries(Object.entries(record ?? {}).flatMap(([key, value]) => (criterionIds.has(key) ? [[criterionIds.get(key)!, value]] : [])));
  const active = translateWeightingIds(d.weighting ?? DIRECT_WEIGHTING, criterionIds);
  const inputs = inputsFromWeighting(active, d.criteria.map((c) => ({ id: criterionIds.get(c.id)!, name: c.name, weight: c.weight })));
  // The active method's inputs came with `weighting`; the others' are in `saved` (as on import).
  const saved = d.saved ?? {};
  const weighting = { ...inputs, points: { ...inputs.points }, swing: { ...inputs.swing } };
  if (inputs.method !== 'points' && saved.points) weighting.points = byRow(saved.points);
  if (inputs.method !== 'swing' && saved.swing) weighting.swing = byRow(saved.swing);
  if (inputs.method !== 'rank' && saved.rank) {
    const rank = translateWeightingIds({ method: 'rank', rule: saved.rank.rule, order: saved.rank.order }, criterionIds);
    if (rank.method === 'rank') Object.assign(weighting, { rule: rank.rule, order: rank.order });
  }
  if (inputs.method !== 'ahp' && saved.judgments) {
    const ahp = translateWeightingIds({ method: 'ahp', judgments: saved.judgments }, criterionIds);
    if (ahp.method === 'ahp') weighting.judgments = ahp.judgments;
  }
  const sliders = byRow(saved.sliders);
  return {
    title: d.title,
    context: d.context,
    status: d.outcome.status,
    chosenOptionId: d.outcome.chosenOption === null ? null : (optionIds.get(d.outcome.chosenOption) ?? null),
    outcomeReason: d.outcome.reason,
    options: d.options.map((o) => ({ id: optionIds.get(o.id)!, name: o.name, description: o.description })),
    criteria: d.criteria.map((c) => {
      const id = criterionIds.get(c.id)!;
      // Under another method the file's weight is that method's (points) and the sliders are saved apart.
      const weight = inputs.method === 'direct' || !Object.hasOwn(sliders, id) ? c.weight : sliders[id];
      return { id, name: c.name, description: c.description, direction: c.direction, scale: { ...c.scale }, weight };
    }),
    scores: d.scores.map((s) => ({ optionId: optionIds.get(s.option)!, criterionId: criterionIds.get(s.criterion)!, value: s.value, rationale: s.rationale, source: s.source })),
    weighting,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/**
 * What changed from one version to the next, in a few short lines: the title and context; options
 * and criteria added, removed, renamed, reordered, their descriptions; a criterion's direction and
 * scale; how many scores, rationales, sources and weights changed; the method; the outcome. Rows are
 * matched by their ids, so a renamed option counts as renamed, not removed and added.
 */
export function versionChanges(before: VersionDecision | null, after: VersionDecision): string[] {
  if (!before) return [`${plural(after.options.length, 'option')}, ${plural(after.criteria.length, 'criterion', 'criteria')}, ${plural(after.scores.filter((s) => s.value !== null).length, 'score')}`];
  const lines: string[] = [];
  const rows = <R extends { id: number; name: string }>(what: string, one: string, a: R[], b: R[]) => {
    const was = new Map(a.map((r) => [r.id, r]));
    const now = new Map(b.map((r) => [r.id, r]));
    const added = b.filter((r) => !was.has(r.id)).map((r) => r.name);
    const removed = a.filter((r) => !now.has(r.id)).map((r) => r.name);
    const renamed = b.filter((r) => was.has(r.id) && was.get(r.id)!.name !== r.name).length;
    if (added.length) lines.push(`${what} added: ${quoted(added)}`);
    if (removed.length) lines.push(`${what} removed: ${quoted(removed)}`);
    if (renamed) lines.push(`${plural(renamed, one, what.toLowerCase())} renamed`);
    // The order of the rows in both versions (added and removed ones are said above).
    const kept = (rs: R[], other: Map<number, R>) => rs.filter((r) => other.has(r.id)).map((r) => r.id).join(',');
    if (kept(a, now) !== kept(b, was)) lines.push(`${what} reordered`);
  };
  if (before.title !== after.title) lines.push(`Title changed to “${after.title}”`);
  if (before.context !== after.context) lines.push(after.context.trim() === '' ? 'Context removed' : 'Context edited');
  rows('Options', 'option', before.options, after.options);
  rows('Criteria', 'criterion', before.criteria, after.criteria);
  const described = <R extends { id: number; name: string; description: string }>(a: R[], b: R[]) => {
    const was = new Map(a.map((r) => [r.id, r.description]));
    return b.filter((r) => was.has(r.id) && was.get(r.id) !== r.description).map((r) => r.name);
  };
  const descriptions = [...described(before.options, after.options), ...described(before.criteria, after.criteria)];
  if (descriptions.length) lines.push(`${descriptions.length === 1 ? 'Description' : 'Descriptions'} edited: ${quoted(descriptions)}`);
  const criterionBefore = new Map(before.criteria.map((c) => [c.id, c]));
  const turned = (direction: 'benefit' | 'cost') => after.criteria.filter((c) => criterionBefore.has(c.id) && criterionBefore.get(c.id)!.direction !== c.direction && c.direction === direction).map((c) => c.name);
  for (const [direction, one, many, meaning] of [['cost', 'a cost criterion', 'cost criteria', 'lower is better'], ['benefit', 'a benefit criterion', 'benefit criteria', 'higher is better']] as const) {
    const names = turned(direction);
    if (names.length) lines.push(`Now ${names.length === 1 ? one : many} (${meaning}): ${quoted(names)}`);
  }
  const scales = after.criteria.flatMap((c) => {
    const was = criterionBefore.get(c.id)?.scale;
    if (!was) return [];
    if (was.min !== c.scale.min || was.max !== c.scale.max) return [`“${c.name}” (now ${c.scale.min} to ${c.scale.max})`];
    return was.minLabel !== c.scale.minLabel || was.maxLabel !== c.scale.maxLabel ? [`“${c.name}” (its labels)`] : [];
  });
  if (scales.length) lines.push(`${scales.length === 1 ? 'Scale' : 'Scales'} changed: ${scales.join(', ')}`);
  const cell = (s: { optionId: number; criterionId: number }) => `${s.optionId}:${s.criterionId}`;
  const was = new Map(before.scores.map((s) => [cell(s), s]));
  const now = new Map(after.scores.map((s) => [cell(s), s]));
  let scores = 0;
  let rationales = 0;
  let sources = 0;
  // Cells of options and criteria in both versions: those of rows added or removed are said above.
  const inBoth = (ids: (d: VersionDecision) => number[]) => new Set(ids(before).filter((id) => ids(after).includes(id)));
  const options = inBoth((d) => d.options.map((o) => o.id));
  const criteria = inBoth((d) => d.criteria.map((c) => c.id));
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const [optionId, criterionId] = key.split(':').map(Number);
    if (!options.has(optionId) || !criteria.has(criterionId)) continue;
    const a = was.get(key);
    const b = now.get(key);
    if ((a?.value ?? null) !== (b?.value ?? null)) scores++;
    if ((a?.rationale ?? '') !== (b?.rationale ?? '')) rationales++;
    if ((a?.source ?? '') !== (b?.source ?? '')) sources++;
  }
  if (scores) lines.push(`${plural(scores, 'score')} changed`);
  if (rationales) lines.push(`${plural(rationales, 'rationale')} edited`);
  if (sources) lines.push(`${plural(sources, 'source')} edited`);
  const weightOf = new Map(before.criteria.map((c) => [c.id, c.weight]));
  const weights = after.criteria.filter((c) => weightOf.has(c.id) && weightOf.get(c.id) !== c.weight).length;
  if (weights) lines.push(`${plural(weights, 'weight')} changed`);
  if (before.weighting.method !== after.weighting.method) lines.push('Weighting method changed');
  else if (JSON.stringify(before.weighting) !== JSON.stringify(after.weighting)) lines.push('Weighting inputs changed');
  if (before.status !== after.status || before.chosenOptionId !== after.chosenOptionId) {
    const chosen = after.options.find((o) => o.id === after.chosenOptionId)?.name;
    lines.push(after.status === 'decided' ? `Decided${chosen ? `: “${chosen}”` : ''}` : 'Reopened');
  } else if (before.outcomeReason !== after.outcomeReason) lines.push('Reason for the decision edited');
  return lines.length ? lines : ['No changes'];
}
