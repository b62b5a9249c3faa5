import {type Bound, STATUSES, type Status} from "./model.js";

/** Where a derived figure comes from: the ids of its inputs and the weakest status among them. */
export interface Lineage {
  /**
   * Input ids, sorted and unique. Facts are `<deal-id>.<path>` (e.g. `amazon-anthropic.commitments.aws-2026.amount`),
   * chips `chip:<id>.<field>`, assumptions `assumption:<id>`.
   */
  inputs: string[];
  /** The weakest status among the inputs ("derived from reported figures" when it is reported). */
  status: Status;
}

/** A computed number with its unit, the bound inherited from its inputs, and its lineage. */
export interface Figure {
  value: number;
  /** Unit name, e.g. "usd-bn", "gw", "count", "twh-per-year". */
  unit: string;
  /** "up-to" when computed from a ceiling, "at-least" from a floor, "about" from an approximate input. */
  bound: Bound;
  lineage: Lineage;
}

/**
 * Returns the weakest of the given statuses (confirmed < reported < estimate < assumption); "confirmed" for
 * none.
 *
 * @example weakestStatus(["confirmed", "estimate"]) // "estimate"
 */
export function weakestStatus(statuses: Iterable<Status>): Status {
  let rank = 0;
  for (const s of statuses) {
    const r = STATUSES.indexOf(s);
    if (r < 0) throw new Error(`invalid status: ${s}`);
    rank = Math.max(rank, r);
  }
  return STATUSES[rank];
}

/** Returns the lineage of a figure computed from all the given lineages: inputs unioned, the weakest status. */
export function mergeLineage(...parts: Lineage[]): Lineage {
  return {
    inputs: [...new Set(parts.flatMap((p) => p.inputs))].sort(),
    status: weakestStatus(parts.map((p) => p.status))
  };
}

/** Returns the lineage of one input. */
export function leaf(id: string, status: Status): Lineage {
  return {inputs: [id], status};
}

/**
 * Returns the bound of a figure computed from inputs with the given bounds: "up-to" if any input is a ceiling,
 * else "at-least" if any is a floor, else "about" if any is approximate, else "exact". Mixing a ceiling and a
 * floor gives "about", since the result is neither.
 */
export function combineBounds(bounds: Iterable<Bound | undefined>): Bound {
  const set = new Set([...bounds].map((b) => b ?? "exact"));
  if (set.has("up-to") && set.has("at-least")) return "about";
  if (set.has("up-to")) return "up-to";
  if (set.has("at-least")) return "at-least";
  if (set.has("about")) return "about";
  return "exact";
}

/** Returns a figure; `parts` give lineage and bounds. */
export function figure(value: number, unit: string, parts: {lineage: Lineage; bound?: Bound}[]): Figure {
  return {value, unit, bound: combineBounds(parts.map((p) => p.bound)), lineage: mergeLineage(...parts.map((p) => p.lineage))};
}
