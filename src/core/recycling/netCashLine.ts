/**
 * The cumulative-net-cash chart's line and its title, from one series (critic s8 H3: the chart drew the median of each
 * year's cumulative cash, which is not any draw's path, under a title taken from the median draw's payback year, and
 * the two disagreed: Amazon → Anthropic's line ended above zero under "does not turn positive"). The line is the path
 * with every assumption at its base value (or at the values a reader chose), the P10–P90 band of the draws around
 * it; the title's payback is the plotted line's own, and the median draw's is named beside it where it differs.
 */

import {drawShareText} from "../format/drawShares.js";
import {paybackYear} from "./cashFlowMeasures.js";

/** What the chart draws and its title says. */
export interface NetCashLineFinding {
  /** The plotted line's payback (first year from which it stays at or above zero), or null: the chart's marker. */
  paybackYear: number | null;
  /** The chart's title, generated from that line. */
  title: string;
}

/**
 * Returns the payback of the plotted line and the title that describes it. `medianPaybackYear` is the median draw's
 * payback (DealRecycling.paybackYear) when the figures come from draws (`fromDraws`), named after the line's when the
 * two differ; `npvWords` ("discounted at 10%, the draws' median NPV is about −$7B") follows when the line never
 * turns positive or the NPV is below zero (`npvNegative`), so a payback is never read as a gain.
 *
 * @example netCashLineFinding([{year: 2026, cumulativeNetCash: -1}, {year: 2027, cumulativeNetCash: 1}], {group: "Amazon", medianPaybackYear: null, fromDraws: true}).title
 * // "With every assumption at its base value, cumulative net cash to Amazon turns positive for good in 2027; in the median draw it does not within the deal"
 */
export function netCashLineFinding(
  flows: readonly {year: number; cumulativeNetCash: number}[],
  {
    group,
    medianPaybackYear,
    fromDraws,
    chosen = false,
    npvWords = "",
    npvNegative = false,
    neverShare
  }: {
    group: string;
    medianPaybackYear: number | null;
    fromDraws: boolean;
    chosen?: boolean;
    npvWords?: string;
    npvNegative?: boolean;
    neverShare?: number;
  }
): NetCashLineFinding {
  const line = flows.length
    ? paybackYear(
        flows.map((f) => f.cumulativeNetCash),
        flows[0].year
      )
    : null;
  const basis = chosen ? "At the values chosen" : "With every assumption at its base value";
  const main =
    line !== null
      ? `${basis}, cumulative net cash to ${group} turns positive for good in ${line}`
      : `${basis}, cumulative net cash to ${group} does not turn positive within the deal`;
  // Near even odds the median draw's year (or "no payback") rests on a few draws: the share is said instead, by the
  // same rule as page 1 (paybackEven; critic s9 M1).
  const median =
    fromDraws && paybackEven(neverShare)
      ? `; the draws pay back within the deal at about even odds (${drawShareText(1 - (neverShare ?? 0))} of them), so no median year stands`
      : fromDraws && medianPaybackYear !== line
        ? `; in the median draw it ${medianPaybackYear !== null ? `does in ${medianPaybackYear}` : "does not within the deal"}`
        : "";
  const npv = npvWords ? (line === null ? `; ${npvWords}` : npvNegative ? `, but ${npvWords}` : "") : "";
  return {paybackYear: line, title: `${main}${median}${npv}`};
}

/**
 * The shares of the draws that never pay back within the deal (before the draw's spend ends) between which a page
 * says "about even odds" instead of a payback year or "not within the deal": there the median draw's word rests on a
 * few draws (Amazon → Anthropic's 50.01% and Microsoft + Nvidia → Anthropic's 48.94% printed "no payback" and "about
 * 2030", critic s8 H1): one rule for page 1, the key box, the deal page's card and the market's table. Both bounds are
 * excluded, and the test reads the share as the pages print it (whole percent), so a reader can apply the rule to
 * the printed figure: Microsoft → OpenAI's 39.77% prints "40%" and is not even odds (critic s15 #1).
 */
export const PAYBACK_EVEN_ODDS: readonly [low: number, high: number] = [0.4, 0.6];

/**
 * True when the share of the draws that never pay back, rounded to the whole percent the pages print
 * (drawShareText), lies strictly between PAYBACK_EVEN_ODDS' bounds.
 *
 * @example paybackEven(0.3977) // false: printed 40%, a bound, excluded
 * @example paybackEven(0.4051) // true: printed 41%
 */
export function paybackEven(neverShare: number | undefined): boolean {
  if (neverShare === undefined) return false;
  const printed = Math.round(neverShare * 100) / 100;
  return printed > PAYBACK_EVEN_ODDS[0] && printed < PAYBACK_EVEN_ODDS[1];
}
