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
export function clustersText(c: {lowShare: number; highShare: number; lowMedian: number; highMedian: number}, between: boolean): string {
  const groups = [
    [c.lowShare, c.lowMedian],
    [c.highShare, c.highMedian]
  ];
  const [a, b] = c.highShare > c.lowShare ? [groups[1], groups[0]] : groups;
  return `its draws split in two: ${drawShareText(a[0])} gather around ${modelUsd(a[1])} and ${drawShareText(b[0])} around ${modelUsd(b[1])}${between ? ", so the median lies between the two" : ""}`;
}
