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
  /**
   * The figure in words where one number would misstate it: a term over several contracts is "7–8 years (2
   * contracts)", not the 8.32-year span the model computes with (critic s8 M14). `value` stays the model's number.
   */
  words?: string;
  /**
   * True for a figure computed at a floor of the deal's terms ("over 10 GW") with assumed inputs: "about 3.04 million or
   * more". The floor is the capacity's, not the figure's: at the floor itself the assumptions' range still spreads it
   * (critic s8 M3, s9 M14).
   */
  orMore?: boolean;
  /**
   * True for a floor ("at-least") the value can equal: computed only by dividing by or subtracting a ceiling, with no
   * strict floor (a source's "over") among its inputs: $30B ÷ "up to $5B" is at least 6×, exactly 6× at the ceiling
   * (critic s15 #8). Written "at least", not "over".
   */
  inclusive?: boolean;
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
 * Returns the bound of a figure computed from inputs with the given bounds: "about" if any input is approximate
 * (a sum or product with an "about" term is neither a floor nor a ceiling), else "about" when a ceiling and a floor
 * mix (the result is neither), else "up-to" if any input is a ceiling, "at-least" if any is a floor, else "exact".
 *
 * @example combineBounds(["at-least", "about"]) // "about"
 */
export function combineBounds(bounds: Iterable<Bound | undefined>): Bound {
  const set = new Set([...bounds].map((b) => b ?? "exact"));
  if (set.has("about")) return "about";
  if (set.has("up-to") && set.has("at-least")) return "about";
  if (set.has("up-to")) return "up-to";
  if (set.has("at-least")) return "at-least";
  return "exact";
}

/**
 * True for a lineage input that is a model assumption (`assumption:<id>`, one the Monte Carlo draws): a figure
 * computed from one is a central estimate of the model, never a floor or a ceiling.
 */
export function isAssumedInput(id: string): boolean {
  return id.startsWith("assumption:");
}

/**
 * Returns the bound of a computed figure with the given lineage whose inputs have the given bounds: "about" when
 * any input is an assumption ({@link isAssumedInput}: the figure is a model's estimate, and its draws fall on both
 * sides of it), else the inputs' bounds combined ({@link combineBounds}). Floors and ceilings are kept only for
 * arithmetic on bounded facts with no assumed input ($100B ÷ 5 GW is "over $20B per GW").
 *
 * @example derivedBound({inputs: ["assumption:pue", "d.capacity.ceiling"], status: "assumption"}, ["up-to"]) // "about"
 */
export function derivedBound(lineage: Lineage, bounds: Iterable<Bound | undefined>): Bound {
  return lineage.inputs.some(isAssumedInput) ? "about" : combineBounds(bounds);
}

/** Returns a figure; `parts` give lineage and bounds. */
export function figure(value: number, unit: string, parts: {lineage: Lineage; bound?: Bound}[]): Figure {
  const lineage = mergeLineage(...parts.map((p) => p.lineage));
  return {
    value,
    unit,
    bound: derivedBound(
      lineage,
      parts.map((p) => p.bound)
    ),
    lineage
  };
}
