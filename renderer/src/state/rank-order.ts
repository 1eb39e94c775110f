import type { RankEntry } from '../../../core/weighting';
import { activeWeighting, type WeightingInputs } from '../../../core/weighting/inputs';

/**
 * Editing a rank order. The order is a list of places, most important first; a place holds one
 * criterion or several tied. The editor shows one row per criterion, each tied to the row above
 * or not, and moves a criterion one step at a time:
 *  - a criterion alone at its place swaps places with the place above (or below);
 *  - a criterion in a tie leaves the tie, taking a place of its own just above (or below) it.
 */

/** A place in the order: the ids tied there (one when nothing is tied). */
export type Places = number[][];

interface Criterion {
  id: number;
  name: string;
  weight: number;
}

/** The stored order fitted to the criteria there are now (newcomers tied last, the gone left out), as places. */
export function placesOf(inputs: WeightingInputs, criteria: readonly Criterion[]): Places {
  const weighting = activeWeighting({ ...inputs, method: 'rank' }, criteria);
  return weighting.method === 'rank' ? weighting.order.map((entry) => (Array.isArray(entry) ? [...entry] : [entry])) : [];
}

/** Places as the store keeps them: a lone criterion as its id, a tie as a list. */
export function orderOf(places: Places): RankEntry<number>[] {
  return places.filter((place) => place.length > 0).map((place) => (place.length === 1 ? place[0] : [...place]));
}

export interface RankRow {
  id: number;
  /** The first place the criterion's tie spans, 1 for the most important. */
  place: number;
  /** Tied with the row above. */
  tiedAbove: boolean;
  /** Tied with anyone. */
  tied: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

export function rankRows(places: Places): RankRow[] {
  const rows: RankRow[] = [];
  let place = 1;
  places.forEach((ids, index) => {
    ids.forEach((id, position) => {
      const alone = ids.length === 1;
      rows.push({
        id,
        place,
        tiedAbove: position > 0,
        tied: !alone,
        canMoveUp: !(alone && index === 0),
        canMoveDown: !(alone && index === places.length - 1),
      });
    });
    place += ids.length;
  });
  return rows;
}

function find(places: Places, id: number): { index: number; position: number } | null {
  for (let index = 0; index < places.length; index++) {
    const position = places[index].indexOf(id);
    if (position !== -1) return { index, position };
  }
  return null;
}

/** One step more important. */
export function moveUp(places: Places, id: number): Places {
  return move(places, id, -1);
}

/** One step less important. */
export function moveDown(places: Places, id: number): Places {
  return move(places, id, 1);
}

function move(places: Places, id: number, step: -1 | 1): Places {
  const at = find(places, id);
  if (!at) return places;
  const next = places.map((place) => [...place]);
  const place = next[at.index];
  if (place.length > 1) {
    // Out of the tie, to a place of its own beside it.
    place.splice(at.position, 1);
    next.splice(step < 0 ? at.index : at.index + 1, 0, [id]);
    return next;
  }
  const other = at.index + step;
  if (other < 0 || other >= next.length) return places;
  [next[at.index], next[other]] = [next[other], next[at.index]];
  return next;
}

/**
 * Ties a criterion with the row above it, or unties it; no other row's tie changes. Tying joins
 * its place (with any tied to it) to the place above; untying splits its place there, it and
 * those below it in the tie taking the next place.
 */
export function tieWithAbove(places: Places, id: number, tied: boolean): Places {
  const at = find(places, id);
  if (!at) return places;
  const next = places.map((place) => [...place]);
  if (tied) {
    if (at.position > 0 || at.index === 0) return places;
    // Its place joins the one above, with any tied to it: only this row's tie changes.
    next.splice(at.index - 1, 2, [...next[at.index - 1], ...next[at.index]]);
    return next;
  }
  if (at.position === 0) return places;
  const below = next[at.index].splice(at.position);
  next.splice(at.index + 1, 0, below);
  return next;
}

/**
 * Moves a criterion to another's row (drag and drop): it takes a place of its own just before the
 * target when moved up, just after when moved down.
 */
export function moveTo(places: Places, id: number, targetId: number): Places {
  if (id === targetId) return places;
  const from = find(places, id);
  const to = find(places, targetId);
  if (!from || !to) return places;
  const upward = from.index > to.index || (from.index === to.index && from.position > to.position);
  const next = places.map((place) => place.filter((other) => other !== id)).filter((place) => place.length > 0);
  const target = find(next, targetId)!;
  const place = next[target.index];
  if (place.length === 1) {
    next.splice(upward ? target.index : target.index + 1, 0, [id]);
    return next;
  }
  // The target is in a tie: the tie splits at it, and the moved criterion goes between.
  const cut = upward ? target.position : target.position + 1;
  const before = place.slice(0, cut);
  const after = place.slice(cut);
  next.splice(target.index, 1, ...[before, [id], after].filter((part) => part.length > 0));
  return next;
}
