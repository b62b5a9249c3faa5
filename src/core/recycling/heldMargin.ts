import {figureWords, inputText} from "../format/figureWords.js";
import type {DealRecycling} from "./projectDealRecycling.js";

/**
 * The held-margin sensitivity in words, one sentence for the CLI, the cards and page 1 (no leading capital, no full
 * stop): "held at Oracle's own 35% gross margin for a very large AI contract (estimate), not the flows' about 41%, the
 * median cash NPV would be about $33.1B"; for a provider without guidance, its reported margin, which is after its
 * overheads: "held at AWS's reported 35.4% operating margin (after overheads), …". Where the flows' margin reads the same
 * as the held one, the contrast is dropped ("… (estimate) in every draw, the median cash NPV would be …"). "" without
 * the figure. `ref`, printed after the held margin, guided or reported, is the caller's citation of its source
 * (`heldMargin.source`: the site's " [12]"; the core numbers no source), "" by default.
 *
 * @example heldMarginText("Oracle", {heldMargin: {value: 0.35, basis: "guidance"}, impliedMargin: 0.408, npvAtHeldMarginUsd: {value: 33.1e9, …}, baseCase: {…}})
 */
export function heldMarginText(
  provider: string,
  r: Pick<DealRecycling, "heldMargin" | "impliedMargin" | "npvAtHeldMarginUsd" | "baseCase">,
  {ref = ""}: {ref?: string} = {}
): string {
  const {heldMargin: held, impliedMargin: implied, npvAtHeldMarginUsd: npv} = r;
  if (!held || implied === null || !npv || !Number.isFinite(npv.value)) return "";
  const margin =
    held.basis === "guidance"
      ? `${provider}'s own ${inputText(held.value, "fraction")} gross margin for a very large AI contract${ref} (${held.status})`
      : `${provider}'s reported ${inputText(held.value, "fraction")} operating margin${ref} (after overheads)`;
  const flows = figureWords({value: implied, unit: "fraction", bound: "about", derived: true});
  const value = figureWords({value: npv.value, unit: "usd", bound: "about", derived: true});
  // Where the flows' margin reads as the held one ("about 35%" against 35%), "not the flows'" contrasts nothing: what
  // the hold changes then is the draws, each of which keeps the held margin instead of its own.
  const same = flows === `about ${inputText(held.value, "fraction")}`;
  const contrast = same ? (r.baseCase ? " in every draw" : "") : `, not the flows' ${flows}`;
  return `held at ${margin}${contrast}, the ${r.baseCase ? "median " : ""}cash NPV would be ${value}`;
}

/**
 * When the provider's capex comes at once and a delivery slip cannot move the cash, in words (s9 critic M13): "all
 * of the capex falls in 2027, the first year of the spend; a delivery slip of up to 18 months moves no cash figure
 * here (the data give the capacity from that year)". A part only where it holds: the capex part when at least half
 * of the term's capex falls in its first capex year, the slip part when the tornado's slip bar moves the NPV by less
 * than 0.5% of it. "" when neither holds.
 *
 * @example capexTimingText([{year: 2027, spend: 60, capex: 126}, {year: 2028, spend: 60, capex: 0}], {high: 18, swing: 0, baseValue: 49.8e9})
 */
export function capexTimingText(
  flows: readonly {year: number; spend: number; capex: number}[],
  slip?: {high: number; swing: number; baseValue: number},
  built?: {months: number; onlineFrom: number; onlineBy: number; statedEnd: number; useEnd: number} | null
): string {
  const total = flows.reduce((a, f) => a + f.capex, 0);
  const first = flows.find((f) => f.capex > 0);
  const spendFrom = flows.find((f) => f.spend > 0)?.year;
  const share = first && total > 0 ? first.capex / total : 0;
  const parts = [
    first && share >= 0.5
      ? `${share > 0.995 ? "all" : `${figureWords({value: share, unit: "fraction", bound: "about", derived: true})}`} of the capex falls in ${first.year}${first.year === spendFrom ? ", the first year of the spend" : ""}`
      : "",
    slip && slip.high > 0 && Number.isFinite(slip.swing) && Math.abs(slip.swing) < 0.005 * Math.abs(slip.baseValue)
      ? built
        ? `${buildOutText(built)}, and a slip of up to ${inputText(slip.high, "months")} leaves the cash NPV about unchanged`
        : `a delivery slip of up to ${inputText(slip.high, "months")} leaves the cash NPV unchanged`
      : built
        ? buildOutText(built)
        : ""
  ].filter(Boolean);
  return parts.join("; ");
}

/**
 * The build-out of a deal without a dated schedule in words, beside its capex (s9 critic M13): the ramp, its years,
 * where the capex falls, whether the lab's use runs past the contract's stated end, and that a slip moves both.
 *
 * @example buildOutText({months: 24, onlineFrom: 2025.69, onlineBy: 2027.69, statedEnd: 2032, useEnd: 2032.12})
 * // "no dated capacity schedule, so the capacity is built out: it comes online along a straight ramp over 24 months
 * // ending on the contract's start or, when that would begin the build before the signing, later, 2025–2027, each
 * // part's capex in the year it comes online; the lab uses it as it comes, so its spend runs on into 2032 for what is
 * // not yet online when the contract starts; a delivery slip moves capex and spend together"
 */
export function buildOutText(built: {months: number; onlineFrom: number; onlineBy: number; statedEnd: number; useEnd: number}): string {
  const from = Math.floor(built.onlineFrom);
  const by = Math.floor(built.onlineBy - 1e-9);
  const years = from === by ? `in ${from}` : `${from}–${by}`;
  const later =
    built.useEnd > built.statedEnd + 1 / 365
      ? `; the lab uses it as it comes, so its spend runs on into ${Math.floor(built.useEnd - 1e-9)} for what is not yet online when the contract starts`
      : "";
  return `no dated capacity schedule, so the capacity is built out: it comes online along a straight ramp over ${inputText(built.months, "months")} ending on the contract's start or, when that would begin the build before the signing, later, ${years}, each part's capex in the year it comes online${later}; a delivery slip moves capex and spend together`;
}
