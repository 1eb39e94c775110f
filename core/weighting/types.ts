/**
 * What every weighting method shares. Methods are generic in the criterion id: the app keys
 * criteria by number (their row id), an interchange file by its own strings, and the same
 * arithmetic serves both.
 */
export type CriterionKey = string | number;

/** A criterion as the weighting methods see it: the name for messages, the raw weight for direct and points. */
export interface WeighedCriterion<Id extends CriterionKey = number> {
  id: Id;
  name: string;
  /** The slider value (direct) or the points given (points); other methods ignore it. */
  weight: number;
}

/**
 * A plain record of weights, in the criteria's order. Built with Object.fromEntries, which defines
 * own properties, so even an id such as "__proto__" is stored as data rather than as a prototype.
 */
export function weightRecord<Id extends CriterionKey>(criteria: readonly { id: Id }[], weightAt: (index: number) => number): Record<Id, number> {
  return Object.fromEntries(criteria.map((c, i) => [c.id, weightAt(i)])) as Record<Id, number>;
}

/** The value a record holds for an id as its own property (never one inherited, like "constructor"). */
export function ownValue<Id extends CriterionKey>(record: Readonly<Record<Id, number>>, id: Id): number | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Names for a message: "Cost", "Cost" and "Speed", "Cost", "Speed" and "Docs". */
export function quotedNames(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
