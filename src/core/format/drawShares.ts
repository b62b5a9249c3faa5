import {modelUsd} from "./figureWords.js";
import {count, pct} from "./units.js";

/**
 * Returns a share of a Monte Carlo's draws (0–1) in words that stay true at the ends: "every one" (1), "none" (0),
 * "fewer than 1%" and "more than 99%" (where a rounded percentage would read 0% or 100%), else the percentage.
 *
 * @example drawShareText(0.5674) // "57%"
 */
export function drawShareText(share: number): string {
  if (share >= 1) return "every one";
  if (share <= 0) return "none";
  // One rule for every share (critic s8 LOW): below 1% is "fewer than 1%" (0.57% printed "1%" beside another deal's
  // 0.17% as "fewer than 1%"), above 99% "more than 99%" (99.58% printed "100%").
  if (share < 0.01) return "fewer than 1%";
  if (share > 0.99) return "more than 99%";
  return pct(Math.round(share * 100) / 100);
}

/**
 * Returns a chance (0–1, an analytic probability, not a count of draws) in words at the precision it deserves: a
 * percentage from 1% up, below it "1 in" a number at one significant figure, so 0.0041% (0.41 of 10,000 draws)
 * is not printed as if counted (s14 critic #8). The one wording of a chance: the market call and the scenario note
 * both take it.
 *
 * @example chanceText(0.000041) // "about a 1 in 20,000 chance" (1 / 0.000041 = 24,390, one significant figure 20,000)
 */
export function chanceText(probability: number): string {
  if (!(probability > 0)) return "no chance";
  if (probability >= 0.01) return `about a ${pct(probability)} chance`;
  const n = 1 / probability;
  const step = 10 ** Math.floor(Math.log10(n));
  return `about a 1 in ${(Math.round(n / step) * step).toLocaleString("en-US")} chance`;
}

/**
 * Returns where a figure's draws fall against zero, for a reader: "above zero in 57% of the 10,000 draws", "above
 * zero in every one of the 10,000 draws", "below zero in every one of the 10,000 draws" (no draw above zero).
 *
 * @example aboveZeroText(0, 10000) // "below zero in every one of the 10,000 draws"
 */
export function aboveZeroText(share: number, draws: number): string {
  const of = `of the ${count(draws)} draws`;
  if (share <= 0) return `below zero in every one ${of}`;
  const words = drawShareText(share);
  return `above zero in ${words} ${of}`;
}

/**
 * Returns the sentence that names two groups of a dollar figure's draws (twoClusters), larger share first when they
 * differ: "Its draws split in two: 60% gather around about −$14.3B and 40% around about $41.8B", then
 * ", so the median lies between the two" when `between` (medianBetweenClusters) says it stands for neither.
 */
export function clustersText(
  c: {lowShare: number; highShare: number; lowMedian: number; highMedian: number; lowAboveZero?: number; highAboveZero?: number},
  between: boolean
): string {
  const groups = [
    {share: c.lowShare, median: c.lowMedian, above: c.lowAboveZero},
    {share: c.highShare, median: c.highMedian, above: c.highAboveZero}
  ];
  const [a, b] = c.highShare > c.lowShare ? [groups[1], groups[0]] : groups;
  return `its draws split in two: ${drawShareText(a.share)} gather around ${modelUsd(a.median)}${mixed(a)} and ${drawShareText(b.share)} around ${modelUsd(b.median)}${mixed(b)}${between ? ", so the median lies between the two" : ""}`;
}

// " (28% of them above zero)": said of a group whose centre has one sign when at least a tenth of its draws have the
// other, so "around −$14.3B" does not read as "all losses".
function mixed(g: {median: number; above?: number}): string {
  if (g.above === undefined) return "";
  const other = g.median < 0 ? g.above : 1 - g.above;
  return other >= 0.1 ? ` (${drawShareText(other)} of them ${g.median < 0 ? "above" : "below"} zero)` : "";
}

/**
 * Returns the sentence that names what divides two groups of a dollar figure's draws (twoClusters' cause: the drawn
 * input that best tells them apart), in the same order as clustersText (the larger group first): "What divides them
 * most is the term left needed to renew IT (share of its life): below 61% in 88% of the draws around about −$14.3B,
 * above it in 59% of those around about $41.8B". `name` is the input in words, `threshold` its threshold in its unit.
 */
export function splitCauseText(
  c: {
    lowShare: number;
    highShare: number;
    lowMedian: number;
    highMedian: number;
    cause: {lowBelow: boolean; lowOnSide: number; highOnSide: number};
  },
  name: string,
  threshold: string
): string {
  const low = {below: c.cause.lowBelow, onSide: c.cause.lowOnSide, median: c.lowMedian};
  const high = {below: !c.cause.lowBelow, onSide: c.cause.highOnSide, median: c.highMedian};
  const [a, b] = c.highShare > c.lowShare ? [high, low] : [low, high];
  const side = (g: typeof a) => (g.below ? "below" : "above");
  return `What divides them most is ${name}: ${side(a)} ${threshold} in ${drawShareText(a.onSide)} of the draws around ${modelUsd(a.median)}, ${side(b)} it in ${drawShareText(b.onSide)} of those around ${modelUsd(b.median)}`;
}
