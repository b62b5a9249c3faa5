import {type Lineage, leaf} from "./lineage.js";
import type {Assumption, RampShape, Scenario} from "./model.js";

/** The assumption ids the projections read; `deals check` requires each in `data/assumptions.yaml`. */
export const ASSUMPTION_IDS = [
  "pue",
  "load-factor",
  "capex-per-gw",
  "it-share",
  "it-life",
  "facility-life",
  "power-price",
  "provider-margin",
  "revenue-per-gw-year",
  "discount-rate",
  "slip-months",
  "contingent-probability",
  "option-volatility",
  "generation-gain",
  "generation-years",
  "building-mw",
  "spend-ramp-years"
] as const;

export type AssumptionId = (typeof ASSUMPTION_IDS)[number];

/** One value per assumption id, in the assumption's unit (fractions 0–1, money in USD bn, months, years, MW). */
export type AssumptionValues = Record<AssumptionId, number>;

/** The values a projection runs with: the assumptions after a scenario's overrides, and the ramp shape. */
export interface ScenarioValues {
  scenario: string;
  ramp: RampShape;
  values: AssumptionValues;
}

/**
 * Returns each assumption's base value with the scenario's overrides applied. Throws `invalid assumptions:`
 * naming any id the projections need that is missing.
 */
export function scenarioValues(assumptions: readonly Assumption[], scenario: Scenario): ScenarioValues {
  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const missing = ASSUMPTION_IDS.filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`invalid assumptions: missing ${missing.join(", ")}`);
  const values = Object.fromEntries(ASSUMPTION_IDS.map((id) => [id, scenario.overrides[id] ?? byId.get(id)!.base])) as AssumptionValues;
  return {scenario: scenario.id, ramp: scenario.ramp, values};
}

/** Returns the lineage of an assumption by id (status from the data). */
export function assumptionLineage(assumptions: readonly Assumption[], id: AssumptionId): Lineage {
  const a = assumptions.find((d) => d.id === id);
  if (!a) throw new Error(`invalid assumption: ${id}`);
  return leaf(`assumption:${id}`, a.status);
}
