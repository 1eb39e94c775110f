import { z } from 'zod';
import { finiteNumberSchema } from './model';
import { RANK_RULES, SAATY_MAX, SAATY_MIN, SWING_TOP, type Weighting } from './weighting';

/**
 * `decision.weighting` in the interchange format (new in decision-matrix/v2): the method and its
 * inputs, naming criteria by the file's own ids. The shape is checked here; whether the ids name
 * the file's criteria is checked against them by `checkWeightingReferences`, from the draft.
 */
export function weightingSchema(key: z.ZodType<string>) {
  const methods = z.discriminatedUnion(
    'method',
    [
      z.strictObject({ method: z.literal('direct') }),
      z.strictObject({ method: z.literal('points') }),
      z.strictObject({
        method: z.literal('rank'),
        rule: z.enum(RANK_RULES, { error: `must be ${RANK_RULES.slice(0, -1).map((r) => `"${r}"`).join(', ')} or "${RANK_RULES[RANK_RULES.length - 1]}"` }),
        order: z.array(z.union([key, z.array(key).min(1, 'a tie must name at least one criterion')], { error: 'must be a criterion id, or an array of tied criterion ids' })).max(1000, 'must list at most 1000 criteria'),
      }),
      z.strictObject({
        method: z.literal('swing'),
        points: z.record(key, finiteNumberSchema.refine((p) => p >= 0 && p <= SWING_TOP, `must be from 0 to ${SWING_TOP}`)),
      }),
      z.strictObject({
        method: z.literal('ahp'),
        // The ratio's range is checked with the criteria, so that the message can name the pair.
        judgments: z.array(z.strictObject({ more: key, less: key, ratio: finiteNumberSchema })),
      }),
    ],
    { error: (issue) => (issue.code === 'invalid_union' ? 'method must be "direct", "points", "rank", "swing" or "ahp"' : 'must be an object with a method') },
  );
  return methods satisfies z.ZodType<Weighting<string>>;
}

interface Issue {
  path: (string | number)[];
  message: string;
}

/**
 * Problems with what a weighting says about the criteria: ids the file does not have, a rank order
 * that misses or repeats a criterion, swing points missing for one, an AHP judgment outside 1–9,
 * of a criterion against itself or of a pair judged already. Paths start at `weighting`.
 */
export function checkWeightingReferences(weighting: Weighting<string>, criteria: readonly { id: string; name: string }[]): Issue[] {
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const unknown = (id: string) => `no criterion has the id "${id}"`;
  const issues: Issue[] = [];
  const problem = (path: (string | number)[], message: string) => issues.push({ path: ['weighting', ...path], message });
  switch (weighting.method) {
    case 'direct':
    case 'points':
      break;
    case 'rank': {
      const ranked = new Set<string>();
      weighting.order.forEach((entry, i) => {
        const tied = typeof entry === 'string' ? [[entry, ['order', i]] as const] : entry.map((id, j) => [id, ['order', i, j]] as const);
        for (const [id, path] of tied) {
          if (!names.has(id)) problem([...path], unknown(id));
          else if (ranked.has(id)) problem([...path], `criterion "${id}" is ranked twice`);
          ranked.add(id);
        }
      });
      const missing = criteria.filter((c) => !ranked.has(c.id)).map((c) => `"${c.id}"`);
      if (missing.length > 0) problem(['order'], `misses ${missing.length === 1 ? 'criterion' : 'criteria'} ${missing.join(', ')}: every criterion has a place`);
      break;
    }
    case 'swing': {
      for (const id of Object.keys(weighting.points)) if (!names.has(id)) problem(['points', id], unknown(id));
      const missing = criteria.filter((c) => !Object.hasOwn(weighting.points, c.id)).map((c) => `"${c.id}"`);
      if (missing.length > 0) problem(['points'], `has no points for ${missing.length === 1 ? 'criterion' : 'criteria'} ${missing.join(', ')}`);
      break;
    }
    case 'ahp': {
      const judged = new Map<string, number>();
      weighting.judgments.forEach(({ more, less, ratio }, i) => {
        if (!names.has(more)) problem(['judgments', i, 'more'], unknown(more));
        if (!names.has(less)) problem(['judgments', i, 'less'], unknown(less));
        if (!names.has(more) || !names.has(less)) return;
        const pair = `"${names.get(more)}" over "${names.get(less)}"`;
        if (more === less) return void problem(['judgments', i, 'less'], `compares "${names.get(more)}" with itself`);
        if (!(ratio >= SAATY_MIN && ratio <= SAATY_MAX)) problem(['judgments', i, 'ratio'], `the judgment ${pair} must be from ${SAATY_MIN} to ${SAATY_MAX} on Saaty's scale (got ${ratio})`);
        const key = JSON.stringify([more, less].sort());
        const earlier = judged.get(key);
        if (earlier !== undefined) problem(['judgments', i], `"${names.get(more)}" and "${names.get(less)}" are already compared in judgments[${earlier}]`);
        else judged.set(key, i);
      });
      break;
    }
  }
  return issues;
}
