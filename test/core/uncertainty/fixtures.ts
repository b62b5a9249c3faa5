import type {Assumption, Distribution} from "../../../src/core/model.js";

/** Returns an assumption record with the given range; the other fields are placeholders. */
export function assumption(id: string, low: number, base: number, high: number, distribution: Distribution = "triangular"): Assumption {
  return {
    id,
    label: id,
    unit: "ratio",
    low,
    base,
    high,
    distribution,
    status: "assumption",
    source: "test",
    asOf: "2026-06-30",
    description: ""
  };
}
