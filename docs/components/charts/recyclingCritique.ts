/**
 * The recycling critique and its counter-arguments in words, each claim tied to a figure from the projection. The
 * arguments are paraphrased, not quoted: the data model has no place yet for attributed quotes from critics.
 */
import type {DealRecycling, Figure, FigureSpread} from "../../lib/core.js";
import {el} from "../dom.js";
import {bounded, derivedText, inputText, modelUsd, type Precision, pct, times, usd} from "../format.js";
import {DerivedBadge} from "../provenance.js";

interface Claim {
  argument: string;
  /** The figure in words; the claim is left out when its figure is missing. */
  evidence: string;
  lineage: Figure["lineage"];
}

// A computed figure with its bound's words, a floor rounded down and a ceiling up ("over 7.6×" for 7.69).
const said = (f: Figure, format: (x: number, precision?: Precision) => string) => bounded(f.value, f.bound, format, f.inclusive);

/**
 * Whether the counter-argument "the provider's return pays the new money back within the deal" holds: there is new
 * money, cumulative cash turns positive within the deal, and the cash NPV is not negative (a payback in undiscounted
 * cash beside a negative NPV does not pay the money back).
 */
export function paysBackWithinDeal(r: Pick<DealRecycling, "flows" | "newMoneyExpectedUsd" | "paybackYear" | "npvUsd">): boolean {
  return r.flows.length > 0 && r.newMoneyExpectedUsd.value > 0 && r.paybackYear !== null && r.npvUsd !== null && r.npvUsd.value >= 0;
}

export {marginRef} from "../provenance.js";

/**
 * The words after a median operating profit: that it is the median, and the margin the flows imply beside the profit
 * it is the margin of, the base case's (the implied margin is computed at the base values), so a reader who divides one
 * by the revenue gets the other (critic s9 H2: "$24.4B, a margin of about 31%" paired a median with a base margin).
 */
export function operatingProfitBasis(
  r: Pick<DealRecycling, "impliedMargin" | "margin" | "baseCase" | "operatingProfitUsd">,
  marginRef = ""
): string {
  const base = r.baseCase?.operatingProfitUsd ?? null;
  const median = r.baseCase ? " (the median of the draws)" : "";
  if (r.impliedMargin === null) return median;
  const margin = `a margin of ${derivedText({value: r.impliedMargin, unit: "fraction", bound: "about"})} after its running costs and depreciation (it reports ${inputText(r.margin.value, "fraction")}${marginRef})`;
  return base !== null && r.operatingProfitUsd && Math.abs(base - r.operatingProfitUsd.value) > 1e-6 * Math.abs(base)
    ? `${median}; at every assumption's base value it is ${modelUsd(base)}, ${margin}`
    : `, ${margin}`;
}

/** Returns the critique's claims for a deal, each with the figure it rests on; claims whose figure is missing are left out. */
export function critiqueClaims(
  r: DealRecycling,
  {investor, provider, discountRate, marginRef = ""}: {investor: string; provider: string; discountRate: number; marginRef?: string}
): {critique: Claim[]; counter: Claim[]} {
  const critique: Claim[] = [];
  const counter: Claim[] = [];
  const newShare = r.investmentToCommitmentNew;
  // With no new money there is nothing going round to point at ("New money is 0%" would argue against itself).
  if (newShare && r.investmentToCommitmentNewMax && r.investmentToCommitmentNewMax.value > 0)
    critique.push({
      argument:
        "The money goes round: the investor funds a customer that spends it back on the investor's own cloud, so the revenue says little about outside demand.",
      evidence:
        newShare.value > 0
          ? `New money is ${said(newShare, pct)} of the commitment${r.investmentToCommitmentNewMax.value > newShare.value ? ` (${said(r.investmentToCommitmentNewMax, pct)} if every contingent tranche is paid)` : ""}.`
          : `No new money is firm yet; if every contingent tranche is paid it comes to ${said(r.investmentToCommitmentNewMax, pct)} of the commitment.`,
      lineage: newShare.lineage
    });
  // With no equity at all, "All firm equity is 0%" would argue against itself: the argument is left out.
  if (r.investmentToCommitmentFirm && r.investmentToCommitmentMax && r.investmentToCommitmentMax.value > 0)
    critique.push({
      argument: "Counting all the equity, not just the latest cheque, shows how much of the spend the investor itself finances.",
      evidence: `All firm equity is ${said(r.investmentToCommitmentFirm, pct)} of the commitment; every tranche at face value, ${said(r.investmentToCommitmentMax, pct)}.`,
      lineage: r.investmentToCommitmentMax.lineage
    });
  if (r.operatingProfitUsd && r.npvUsd && r.capexUsd)
    critique.push({
      argument:
        "Revenue is not profit, and profit is not cash: only the provider's margin comes back, and the provider must first build the capacity, years after the money went out.",
      evidence: `${provider}'s operating profit on the spend is ${said(r.operatingProfitUsd, usd)}${operatingProfitBasis(r, marginRef)}, but it must spend ${derivedText({...r.capexUsd, unit: "usd"})} of capex to deliver it; ${r.newMoneyExpectedUsd.value > 0 ? `against ${usd(r.newMoneyExpectedUsd.value)} of new money, discounted` : "with no new money put in, its cash on the commitment, discounted"} at ${pct(discountRate)} to 1 January ${r.valuationYear}, ${r.newMoneyExpectedUsd.value > 0 ? "the cash is worth" : "is worth"} ${said(r.npvUsd, usd)}.`,
      lineage: r.npvUsd.lineage
    });
  if (r.revenuePerDollarInvested && r.investmentToCommitmentFirm)
    counter.push({
      argument:
        "Most of the spend is the lab's own money: the lab buys compute it needs, and pays for most of it from its revenue and other investors.",
      evidence: `Each firm dollar ${investor} invested is matched by ${said(r.revenuePerDollarInvested, times)} as much committed spend.`,
      lineage: r.revenuePerDollarInvested.lineage
    });
  if (paysBackWithinDeal(r))
    counter.push({
      argument: "Counted as cash, after the capex, the provider's return pays the new money back within the deal.",
      evidence: `Cumulative cash to ${investor} on this deal's new money turns positive for good in ${r.paybackYear}${r.baseCase ? " in the median draw" : ""}, and its cash NPV is ${said(r.npvUsd!, usd)}.`,
      lineage: (r.npvUsd ?? r.investmentFirmUsd).lineage
    });
  if (r.equityGainUsd)
    counter.push({
      argument:
        "The investor also owns part of the lab, and that stake has gained in value; but a paper gain is not cash, so it is kept apart here.",
      evidence: `${investor}'s latest mark exceeds the cash it had paid in by ${said(r.equityGainUsd, usd)} (non-cash).`,
      lineage: r.equityGainUsd.lineage
    });
  return {critique, counter};
}

function ClaimList(claims: readonly Claim[]): HTMLElement {
  return el(
    "ul",
    {class: "critique-list"},
    claims.map((c) =>
      el(
        "li",
        {},
        el("p", {class: "critique-argument"}, c.argument),
        el("p", {class: "critique-evidence"}, c.evidence, DerivedBadge(c.lineage))
      )
    )
  );
}

/** Returns the critique and counter-arguments side by side, with the payback's P10–P90 when known. */
export function RecyclingCritique(
  r: DealRecycling,
  options: {investor: string; provider: string; discountRate: number; marginRef?: string; payback?: FigureSpread | null}
): HTMLElement {
  const {critique, counter} = critiqueClaims(r, options);
  const {payback} = options;
  // Nothing to weigh either way: one line where the reader looks for the debate, not two empty columns.
  if (!critique.length && !counter.length)
    return el(
      "p",
      {class: "muted critique-none"},
      "The deal states no dollar figures to weigh the recycling critique or its rebuttals against."
    );
  return el(
    "div",
    {class: "critique"},
    el(
      "section",
      {class: "critique-side"},
      el("h4", {}, "The critique"),
      critique.length ? ClaimList(critique) : el("p", {class: "muted"}, "No figure in the data to test it on this deal.")
    ),
    el(
      "section",
      {class: "critique-side"},
      el("h4", {}, "The counter-arguments"),
      counter.length ? ClaimList(counter) : el("p", {class: "muted"}, "No figure in the data to test them on this deal."),
      payback && Number.isFinite(payback.p10)
        ? el(
            "p",
            {class: "critique-evidence"},
            `Over the assumptions' ranges, the payback year runs from ${Math.round(payback.p10)} (P10) to ${Number.isFinite(payback.p90) ? `${Math.round(payback.p90)} (P90)` : "never (P90)"}, the draws that never pay back ranked last${payback.undefinedShare > 0 ? `; in ${pct(payback.undefinedShare)} of draws it never comes within the deal` : ""}.`
          )
        : null
    ),
    el("p", {class: "muted critique-note"}, "The arguments are paraphrased from published critics and rebuttals, not quoted.")
  );
}
