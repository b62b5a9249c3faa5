import {decimalYear, earliestDate} from "../commitment/decimalYear.js";
import {factProvenance, NO_INPUTS, type Provenance, provenanceOf, withValue} from "../commitment/provenance.js";
import {totalEvidence, toUsd} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Deal} from "../model.js";

/** One tranche in US dollars, with its calendar year and provenance. */
export interface TrancheUsd {
  id: string;
  date: string;
  year: number;
  usd: number;
  firm: boolean;
  provenance: Provenance;
}

/** A deal's investment tranches summed (USD). */
export interface DealInvestment {
  /** The tranches counted, in date order. */
  tranches: TrancheUsd[];
  /** Firm tranches at face value. */
  firmUsd: Figure;
  /** Every tranche at face value: what the investor pays if every condition is met. */
  maxUsd: Figure;
  /** Contingent tranches at face value. */
  contingentUsd: Figure;
}

/**
 * Returns a deal's investment in US dollars: the firm total, the maximum (every contingent tranche at face
 * value) and the contingent part, each with its bounds and lineage, and the tranches in date order. With
 * `since` (ISO), only tranches dated on or after it count; with `investor`, only tranches whose investor it
 * accepts. No tranches give zeros with no lineage.
 *
 * @example dealInvestment(amazonAnthropic).firmUsd.value // 13e9 (1.25 + 2.75 + 4 + 5)
 * @example dealInvestment(amazonAnthropic, {since: "2026-04-20"}).maxUsd.value // 25e9 (5 + 20)
 */
export function dealInvestment(deal: Deal, {since, investor}: {since?: string; investor?: (id: string) => boolean} = {}): DealInvestment {
  if (since !== undefined) decimalYear(since);
  const tranches = deal.tranches
    .filter((t) => (since === undefined || t.date >= since) && (!investor || investor(t.investor)))
    .map((t) => ({
      id: t.id,
      date: t.date,
      year: Math.floor(decimalYear(t.date)),
      usd: toUsd(t.amount),
      firm: t.firm,
      provenance: factProvenance(`${deal.id}.tranches.${t.id}.amount`, t.amount)
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // A sum that a better-sourced stated total confirms (same tranches, value and bound) takes that total's status,
  // as the headline cards do (totalEvidence): one figure, one status.
  const byId = new Map(deal.tranches.map((t) => [t.id, t]));
  const total = (list: TrancheUsd[]) => {
    const usd = list.reduce((sum, t) => sum + t.usd, 0);
    const evidence = list.length
      ? totalEvidence(
          deal,
          list.map((t) => byId.get(t.id)!)
        )
      : null;
    if (evidence?.stated && evidence.agrees && evidence.stronger === "stated")
      return withValue(factProvenance(`${deal.id}.totals.${evidence.stated.id}.amount`, evidence.stated.amount), usd, "usd");
    return withValue(list.length ? provenanceOf(...list.map((t) => t.provenance)) : NO_INPUTS, usd, "usd");
  };
  return {
    tranches,
    firmUsd: total(tranches.filter((t) => t.firm)),
    maxUsd: total(tranches),
    contingentUsd: total(tranches.filter((t) => !t.firm))
  };
}

/**
 * Returns the date from which a deal's money counts as new: the earlier of its announcement and its first
 * commitment's start (so a deal whose spend starts next year still counts the tranches announced with it).
 *
 * @example newMoneyDate(amazonAnthropic) // "2026-04-20"
 */
export function newMoneyDate(deal: Deal): string {
  return earliestDate(
    deal.commitments.map((c) => c.start),
    deal.announced
  )!;
}
