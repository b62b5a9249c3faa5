import {derivedBound, type Figure, type Lineage, leaf, mergeLineage} from "../lineage.js";
import type {Bound, Fact, Status} from "../model.js";

/** Where a figure comes from and how its inputs bound it: a {@link Figure} without its value. */
export interface Provenance {
  lineage: Lineage;
  bound: Bound;
  /** A floor the value can equal ({@link Figure.inclusive}); only {@link quotientProvenance} sets it. */
  inclusive?: boolean;
}

/**
 * The provenance of a figure with no inputs (e.g. zero investment, where the data lists no tranche): exact, no
 * lineage, and an `estimate`. No party or filing states the zero; it is read from the sources' silence, so it can
 * never carry the strongest status (a "$0 confirmed" would claim a source that does not exist).
 */
export const NO_INPUTS: Provenance = {lineage: {inputs: [], status: "estimate"}, bound: "exact"};

/**
 * Returns the provenance of a figure computed by adding or multiplying the given parts: inputs unioned, the
 * weakest status, and the bounds combined as {@link derivedBound} does ("about" as soon as an input is an
 * assumption).
 *
 * @example provenanceOf({lineage: leaf("a", "confirmed"), bound: "at-least"}) // {lineage: {inputs: ["a"], …}, bound: "at-least"}
 */
export function provenanceOf(...parts: {lineage: Lineage; bound?: Bound}[]): Provenance {
  const lineage = mergeLineage(...parts.map((p) => p.lineage));
  return {
    lineage,
    bound: derivedBound(
      lineage,
      parts.map((p) => p.bound)
    )
  };
}

/**
 * Returns the bound of `-x` or `1/x` for an `x` with the given bound: a ceiling becomes a floor and a floor a
 * ceiling; "exact" and "about" are unchanged. Dividing by "over $100B" gives "at most".
 *
 * @example invertBound("up-to") // "at-least"
 */
export function invertBound(bound: Bound | undefined): Bound {
  return bound === "up-to" ? "at-least" : bound === "at-least" ? "up-to" : (bound ?? "exact");
}

/**
 * Returns the provenance of `numerator ÷ denominator` (or `minuend − subtrahend`): the second part's bound is
 * inverted before the bounds combine, so $13B ÷ "over $100B" is "up-to" 13%.
 *
 * @example quotientProvenance({lineage: a, bound: "exact"}, {lineage: b, bound: "at-least"}).bound // "up-to"
 */
export function quotientProvenance(numerator: Provenance, denominator: Provenance): Provenance {
  const p = provenanceOf(numerator, {lineage: denominator.lineage, bound: invertBound(denominator.bound)});
  // The floor is strict ("over") only where a strict floor goes in: the numerator's own "over". A ceiling ("up to",
  // which the value can reach) inverted gives a floor the value can equal: "at least" (critic s15 #8).
  const strict = numerator.bound === "at-least" && !numerator.inclusive;
  return p.bound === "at-least" && !strict ? {...p, inclusive: true} : p;
}

/** Returns the provenance of `minuend − subtrahend`; the subtrahend's bound is inverted, as for a quotient. */
export const differenceProvenance = quotientProvenance;

/**
 * Returns a figure with the given value and unit and the provenance's lineage and bound (shared, not copied,
 * so evaluating many draws allocates little).
 *
 * @example withValue(NO_INPUTS, 0, "usd") // {value: 0, unit: "usd", bound: "exact", lineage: {inputs: [], status: "estimate"}}
 */
export function withValue(provenance: Provenance, value: number, unit: string): Figure {
  return provenance.inclusive
    ? {value, unit, bound: provenance.bound, lineage: provenance.lineage, inclusive: true}
    : {value, unit, bound: provenance.bound, lineage: provenance.lineage};
}

/**
 * Returns the provenance of one sourced fact: its lineage id and status, and its bound ("exact" by default).
 *
 * @example factProvenance("amazon-anthropic.capacity.ceiling", ceiling) // {lineage: {inputs: ["amazon-anthropic.capacity.ceiling"], status: "confirmed"}, bound: "up-to"}
 */
export function factProvenance(id: string, fact: {status: Status; bound?: Fact["bound"]}): Provenance {
  return {lineage: leaf(id, fact.status), bound: fact.bound ?? "exact"};
}
