import {figureWords, inputText} from "../format/figureWords.js";
import type {DealRecycling} from "./projectDealRecycling.js";

/**
 * The held-margin sensitivity in words, one sentence for the CLI, the cards and page 1 (no leading capital, no full
 * stop): "held at Oracle's own 35% gross margin for a very large AI contract (estimate), not the flows' about 41%, the
 * median cash NPV would be about $33.1B"; for a provider without guidance, its reported margin, which is after its
 * overheads: "held at AWS's reported 35.4% operating margin (after overheads), …". "" without the figure.
 *
 * @example heldMarginText("Oracle", {heldMargin: {value: 0.35, basis: "guidance"}, impliedMargin: 0.408, npvAtHeldMarginUsd: {value: 33.1e9, …}, baseCase: {…}})
 */
export function heldMarginText(
  provider: string,
  r: Pick<DealRecycling, "heldMargin" | "impliedMargin" | "npvAtHeldMarginUsd" | "baseCase">
): string {
  const {heldMargin: held, impliedMargin: implied, npvAtHeldMarginUsd: npv} = r;
  if (!held || implied === null || !npv || !Number.isFinite(npv.value)) return "";
  const margin =
    held.basis === "guidance"
      ? `${provider}'s own ${inputText(held.value, "fraction")} gross margin for a very large AI contract (${held.status})`
      : `${provider}'s reported ${inputText(held.value, "fraction")} operating margin (after overheads)`;
  const flows = figureWords({value: implied, unit: "fraction", bound: "about", derived: true});
  const value = figureWords({value: npv.value, unit: "usd", bound: "about", derived: true});
  return `held at ${margin}, not the flows' ${flows}, the ${r.baseCase ? "median " : ""}cash NPV would be ${value}`;
}
