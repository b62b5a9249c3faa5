/**
 * The bull / base / bear table of a research note: one column per scenario in the data (base, slip, fast build-out,
 * bear economics…), each with the deal's key figures computed by the same projection at that scenario's values (no
 * draw: a scenario is a set of values, not a distribution), and the assumptions the scenario changes.
 */
import type {Dataset} from "../model.js";
import {projectDeal} from "../project/projectDeal.js";

/** One scenario's column. */
export interface ScenarioColumn {
  /** The scenario's id, or {@link STATED_COMMITMENT} for the base case read on the stated commitment alone. */
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

/** The column id of the base case read on the stated commitment alone (not a scenario in the data: no assumption moves). */
export const STATED_COMMITMENT = "stated-commitment";

/**
 * Returns the deal's figures under every scenario of `dataset`, in data order, with, right after the base case for a
 * deal with a commitment, the base case read on the stated commitment alone ({@link STATED_COMMITMENT}: the lab
 * spends only its commitment and the provider builds only what that keeps busy; see StatedCommitmentOnly).
 * Throws `invalid deal: <id>` when the deal is not in the dataset.
 *
 * @example scenarioTable(dataset, "amazon-anthropic").map((c) => c.scenario) // ["base", "slip", "fast", "bear"]
 */
export function scenarioTable(dataset: Dataset, dealId: string): ScenarioColumn[] {
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  // The probability that contingent tranches are paid moves nothing in a deal with none.
  const contingent = deal.tranches.some((t) => !t.firm);
  const columns = dataset.scenarios.map((scenario) => {
    const p = projectDeal(dataset, dealId, {scenario: scenario.id, draws: 0, tornadoFigures: []});
    const overrides = dataset.assumptions
      .filter((a) => scenario.overrides[a.id] !== undefined && scenario.overrides[a.id] !== a.base)
      // Another provider's margin does not move this deal: leave it out of the stated assumptions.
      .filter((a) => !a.id.startsWith("margin-") || a.id === p.recycling.margin.id)
      .filter((a) => a.id !== "contingent-probability" || contingent)
      .map((a) => ({id: a.id, label: a.label, unit: a.unit, value: scenario.overrides[a.id], base: a.base}));
    return {
      scenario: scenario.id,
      label: scenario.label,
      description: scenario.description,
      ramp: scenario.ramp,
      overrides,
      npvUsd: p.recycling.npvUsd?.value ?? null,
      paybackYear: p.recycling.paybackYear,
      gwYears: p.commitment?.gwYears.contract.value ?? null,
      h100eFp8: p.capacity?.h100eFp8?.value ?? null,
      projection: p
    };
  });
  const out: ScenarioColumn[] = [];
  for (const {projection, ...column} of columns) {
    out.push(column);
    const s = projection.recycling.statedOnly;
    const r = projection.recycling;
    if (column.scenario !== "base" || !s || !r.revenueUsd) continue;
    const same = !(r.revenueUsd.value > s.revenueUsd * 1.001);
    out.push({
      ...column,
      scenario: STATED_COMMITMENT,
      label: "Stated commitment only",
      description: same
        ? "The base case read on the stated commitment alone: the lab's spend here already is its stated commitment (at the contract price it pays for all the capacity delivered, or there is no delivery schedule), so every figure is the base case's."
        : "The base case read on the stated commitment alone: the lab spends only its stated commitment, not the contract price on all the capacity delivered, and the provider builds only the capacity that spend keeps busy; every assumption at its base value.",
      npvUsd: s.npvUsd.value,
      paybackYear: s.paybackYear
    });
  }
  return out;
}
