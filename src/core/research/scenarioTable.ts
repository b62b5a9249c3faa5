/**
 * The bull / base / bear table of a research note: one column per scenario in the data (base, slip, fast build-out,
 * bear economics…), each with the deal's key figures computed by the same projection at that scenario's values (no
 * draw: a scenario is a set of values, not a distribution), and the assumptions the scenario changes.
 */
import {marginId, scenarioValues} from "../assumptions.js";
import type {Dataset} from "../model.js";
import {prepareDealProjector} from "../project/projectDeal.js";

/** One scenario's column. */
export interface ScenarioColumn {
  /** The scenario's id, or {@link CEILING_FILLED} for the base case if the lab filled the ceiling. */
  scenario: string;
  label: string;
  description: string;
  ramp: string;
  /** The assumptions the scenario sets away from their base, with their base value, in data order. */
  overrides: {id: string; label: string; unit: string; value: number; base: number}[];
  /** The provider's cash NPV of the deal's new money, USD, at the scenario's values; null without a commitment. */
  npvUsd: number | null;
  /** First year cumulative cash on the new money turns positive for good; null when it never does or no commitment. */
  paybackYear: number | null;
  /** The commitment's GW-years at the scenario's revenue per GW-year; null without a commitment. */
  gwYears: number | null;
  /** H100-equivalents on the 8-bit basis at the ceiling; null without chip counts. */
  h100eFp8: number | null;
}

/** The column id of the base case if the lab filled the ceiling (not a scenario in the data: no assumption moves). */
export const CEILING_FILLED = "ceiling-filled";

/**
 * Returns the deal's figures under every scenario of `dataset`, in data order, with, right after the base case for a
 * deal with a commitment, the base case if the lab filled the ceiling ({@link CEILING_FILLED}: the lab pays the
 * contract price on all the capacity delivered, not only its commitment, and the provider builds it all; see CeilingFilled).
 * Throws `invalid deal: <id>` when the deal is not in the dataset.
 *
 * @example scenarioTable(dataset, "amazon-anthropic").map((c) => c.scenario) // ["base", "slip", "fast", "bear"]
 */
export function scenarioTable(dataset: Dataset, dealId: string): ScenarioColumn[] {
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  // The probability that contingent tranches are paid moves nothing in a deal with none.
  const contingent = deal.tranches.some((t) => !t.firm);
  // The deal prepared once; each scenario's column is one evaluation of its four figures at the scenario's values (the
  // same numbers as projectDeal(…, {scenario, draws: 0}), without the parts the table does not show: no chip option
  // valued by simulation, no fleet). Only the base case is evaluated in full, for its "if the lab fills the ceiling" reading.
  const projector = prepareDealProjector(dataset, deal);
  const own = marginId(deal.provider);
  const columns = dataset.scenarios.map((scenario) => {
    const {ramp, values} = scenarioValues(dataset.assumptions, scenario);
    const figures = projector.draw(values, ramp);
    const recycling = scenario.id === "base" ? projector.evaluate(values, {detail: false, ramp}).recycling : null;
    const overrides = dataset.assumptions
      .filter((a) => scenario.overrides[a.id] !== undefined && scenario.overrides[a.id] !== a.base)
      // Another provider's margin does not move this deal: leave it out of the stated assumptions.
      .filter((a) => !a.id.startsWith("margin-") || a.id === own)
      .filter((a) => a.id !== "contingent-probability" || contingent)
      .map((a) => ({id: a.id, label: a.label, unit: a.unit, value: scenario.overrides[a.id], base: a.base}));
    return {
      scenario: scenario.id,
      label: scenario.label,
      description: scenario.description,
      ramp: scenario.ramp,
      overrides,
      npvUsd: figures["recycling.npvUsd"],
      paybackYear: figures["recycling.paybackYear"],
      gwYears: figures["commitment.gwYears"],
      h100eFp8: figures["capacity.h100eFp8"],
      recycling
    };
  });
  const out: ScenarioColumn[] = [];
  for (const {recycling: r, ...column} of columns) {
    out.push(column);
    const s = r?.ceilingFilled;
    if (column.scenario !== "base" || !r || !s || !r.revenueUsd) continue;
    const same = !(s.revenueUsd > r.revenueUsd.value * 1.001);
    out.push({
      ...column,
      scenario: CEILING_FILLED,
      label: "If the lab fills the ceiling",
      description: same
        ? "The base case if the lab paid the contract price on all the capacity delivered: here that comes to no more than its stated commitment (or the deal has no delivery schedule), so every figure is the base case's."
        : "The base case if the lab paid the contract price on all the capacity delivered, not only its stated commitment, and the provider built it all; every assumption at its base value.",
      npvUsd: s.npvUsd.value,
      paybackYear: s.paybackYear
    });
  }
  return out;
}
