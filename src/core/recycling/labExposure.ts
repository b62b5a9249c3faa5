import {dealCommitmentTotals} from "../commitment/dealCommitmentTotals.js";
import {factProvenance, NO_INPUTS, provenanceOf, quotientProvenance, withValue} from "../commitment/provenance.js";
import {toUsd} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Dataset} from "../model.js";

/** One lab's compute commitments across every deal in the data, against its revenue. */
export interface LabExposure {
  lab: string;
  /** Deals with a dollar commitment by this lab, in dataset order. */
  deals: string[];
  /** Sum of those commitments, USD (each over its own term). */
  commitmentsUsd: Figure;
  /** The lab's revenue from companies.yaml (annual or annualized: its note says), USD; null when the data has none. */
  revenueUsd: Figure | null;
  /** commitmentsUsd ÷ revenueUsd: years of today's revenue the commitments add up to; null without revenue. */
  yearsOfRevenue: Figure | null;
}

/**
 * Returns each lab's exposure: its dollar commitments summed over every deal in the data, and how many years of its
 * revenue (companies.yaml, when sourced) they add up to; labs in first-seen order over the deals, only those with a
 * dollar commitment. A commitment spans its own term, so the ratio is a scale, not a yearly burden.
 *
 * @example labExposure(dataset).find((d) => d.lab === "anthropic")?.yearsOfRevenue?.value // (100 + 30 + 200) ÷ 30 = 11
 */
export function labExposure(dataset: Pick<Dataset, "companies" | "deals">): LabExposure[] {
  const byLab = new Map<string, {deals: string[]; usd: number; provenance: ReturnType<typeof provenanceOf>[]}>();
  for (const deal of dataset.deals) {
    const totals = dealCommitmentTotals(deal);
    if (!totals) continue;
    let entry = byLab.get(deal.lab);
    if (!entry) {
      entry = {deals: [], usd: 0, provenance: []};
      byLab.set(deal.lab, entry);
    }
    entry.deals.push(deal.id);
    entry.usd += totals.totalUsd.value;
    entry.provenance.push(totals.totalUsd);
  }
  return [...byLab].map(([lab, {deals, usd, provenance}]) => {
    const commitmentsUsd = withValue(provenance.length ? provenanceOf(...provenance) : NO_INPUTS, usd, "usd");
    const revenue = dataset.companies.find((c) => c.id === lab)?.revenue;
    const revenueUsd = revenue ? withValue(factProvenance(`companies.${lab}.revenue`, revenue), toUsd(revenue), "usd") : null;
    const yearsOfRevenue =
      revenueUsd && revenueUsd.value > 0
        ? withValue(quotientProvenance(commitmentsUsd, revenueUsd), usd / revenueUsd.value, "years")
        : null;
    return {lab, deals, commitmentsUsd, revenueUsd, yearsOfRevenue};
  });
}
