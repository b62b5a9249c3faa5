import {figureWords} from "../format/figureWords.js";
import type {DealRecycling} from "./projectDealRecycling.js";

/**
 * The flat capex price and what it moves, in words, one clause for the CLI, the capex card and the methodology (no
 * leading capital, no full stop): "capex per GW is $40B in nominal dollars whatever the year (no price path): capacity
 * built or IT renewed in 2030 costs what 2026's does; if what is bought from 2027 on cost $55B per GW (the range's
 * high end), capex would be about $98.6B instead of about $72.3B, and the cash NPV about −$25.9B instead of about
 * −$7.27B, at the base values". The comparison is at the values the reading was computed at (the base values: `baseCase.npvUsd` where the
 * headline is a median). Only the first part without the sensitivity (nothing bought from its year on).
 *
 * @example laterCapexText(40e9, {laterCapex: {fromYear: 2027, capexPerGwUsd: 55e9, npvUsd: -25.9e9, capexUsd: 98.6e9}, npvUsd: {value: -12.7e9, …}, capexUsd: {value: 72.3e9, …}, baseCase: {npvUsd: -7.27e9, …}})
 */
export function laterCapexText(
  capexPerGwUsd: number,
  r: Pick<DealRecycling, "laterCapex" | "npvUsd" | "capexUsd" | "baseCase" | "valuationYear">
): string {
  const money = (value: number, bound: "about" | "exact" = "about") => figureWords({value, unit: "usd", bound, derived: true});
  const flat = `capex per GW is ${money(capexPerGwUsd, "exact")} in nominal dollars whatever the year (no price path): capacity built or IT renewed in ${r.valuationYear + 4} costs what ${r.valuationYear}'s does`;
  const later = r.laterCapex;
  const npv = r.baseCase ? r.baseCase.npvUsd : r.npvUsd?.value;
  if (!later || npv == null || !r.capexUsd) return flat;
  return `${flat}; if what is bought from ${later.fromYear} on cost ${money(later.capexPerGwUsd, "exact")} per GW (the range's high end), capex would be ${money(later.capexUsd)} instead of ${money(r.capexUsd.value)}, and the cash NPV ${money(later.npvUsd)} instead of ${money(npv)}, at ${r.baseCase ? "the base" : "these"} values`;
}
