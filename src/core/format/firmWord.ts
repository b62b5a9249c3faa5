/**
 * The word for money invested without a condition, from its bound: the s14 rule, "firm" and "up to" do not go
 * together. Money a source states only as a ceiling ("up to $5B") is promised, not paid: it is "committed". One rule
 * for every label that names such money (page 1's key box, the deal card, the market's glance cards and table, the
 * investment card), so the same deal reads the same everywhere (critic s16 #3: "Invested, committed up to $15B" on
 * page 1, "Invested, firm up to $15B" on page 2).
 */
import type {Bound} from "../model.js";

/**
 * Returns "firm" when no amount is a ceiling, "committed" when every one is, "firm or committed" for a column that
 * holds both (the market table: Microsoft + Nvidia's up to $15B beside the other deals' firm money).
 *
 * @example firmWord(["exact"]) // "firm"
 * @example firmWord(["up-to"]) // "committed"
 * @example firmWord(["exact", "up-to", undefined]) // "firm or committed"
 */
export function firmWord(bounds: readonly (Bound | undefined)[]): "firm" | "committed" | "firm or committed" {
  const ceilings = bounds.filter((b) => b === "up-to").length;
  if (ceilings === 0) return "firm";
  return ceilings === bounds.length ? "committed" : "firm or committed";
}
