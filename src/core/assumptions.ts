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
  "revenue-per-gw-year",
  "discount-rate",
  "slip-months",
  "contingent-probability",
  "option-volatility",
  "generation-gain",
  "generation-years",
  "building-mw",
  "spend-ramp-years",
  "opex-per-gw-year",
  "credit-share",
  "next-gen-price-ratio",
  "chip-content-share",
  "risk-free-rate",
  "it-renewal-share",
  "facility-rent-per-gw-year",
  "old-kit-price-share",
  "asset-charge-rate",
  "build-months"
] as const;

export type AssumptionId = (typeof ASSUMPTION_IDS)[number];

/**
 * The id of the assumption that holds a company's margin on a lab's spend: `margin-<company id>` (its operating
 * margin for a cloud provider, its gross margin for a chip maker). One assumption per company, so the Monte Carlo,
 * the tornado, the sliders and the scenarios treat each margin like any other range.
 */
export type MarginId = `margin-${string}`;

/**
 * One value per assumption id, in the assumption's unit (fractions 0–1, money in USD bn, months, years, MW); the
 * per-company margins ({@link MarginId}) are there for every company that has one in the data.
 */
export type AssumptionValues = Record<AssumptionId, number> & {[id: MarginId]: number};

/**
 * Returns the id of the assumption holding the margin `company` earns on the lab's spend ({@link MarginId}).
 *
 * @example marginId("aws") // "margin-aws"
 */
export function marginId(company: string): MarginId {
  return `margin-${company}`;
}

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
  // Every assumption in the data, so the per-company margins come along with the ids the projections name.
  const values = Object.fromEntries(assumptions.map(({id, base}) => [id, scenario.overrides[id] ?? base])) as AssumptionValues;
  return {scenario: scenario.id, ramp: scenario.ramp, values};
}

/** Returns the lineage of an assumption by id (status from the data). */
export function assumptionLineage(assumptions: readonly Assumption[], id: AssumptionId | MarginId): Lineage {
  const a = assumptions.find((d) => d.id === id);
  if (!a) throw new Error(`invalid assumption: ${id}`);
  return leaf(`assumption:${id}`, a.status);
}
