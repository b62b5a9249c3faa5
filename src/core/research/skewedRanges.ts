/**
 * Why a deal's median cash NPV can lie on the other side of zero from its base case (critic s9 M18): some drawn
 * ranges put most of their draws on the side of their base value where the figure is worse (slip runs from 0 to 18
 * months with its base at 0, so no draw is ahead of schedule; the IT renewal share runs from 0% to 60% with its base
 * at 50%, so 83% of the draws renew more eagerly than the base case). Which side is worse is read from the figure's
 * own tornado (its value at the range's low and at its high, the others at base), so the ranges named are the ones
 * that pull this deal's median down, not a typed list.
 */
import type {TornadoRow} from "../uncertainty/tornado.js";

/** A drawn range most of whose draws fall on the side of its base where the figure is worse. */
export interface SkewedRange {
  id: string;
  label: string;
  low: number;
  base: number;
  high: number;
  /** Share of the draws (0–1) on the worse side of the base: (base − low) ÷ (high − low) or its complement. */
  worseShare: number;
  /** Which end of the range makes the figure worse. */
  worseEnd: "low" | "high";
}

/**
 * Returns the ranges (from the figure's tornado rows) whose draws fall on the figure's worse side of their base in
 * at least `threshold` of the draws, largest share first. The share of a triangular draw with its mode at the base
 * (or a uniform one) below the base is (base − low) ÷ (high − low). A row whose two ends give the same value (or
 * either end none) moves nothing and is left out; `bases` gives each assumption's base value in the deal.
 *
 * @example skewedRanges([{id: "slip-months", label: "Delivery slip", low: 0, high: 18, valueAtLow: 1, valueAtHigh: -2, baseValue: 1, swing: 3}], {"slip-months": 0})
 * // [{id: "slip-months", label: "Delivery slip", low: 0, base: 0, high: 18, worseShare: 1, worseEnd: "high"}]
 */
export function skewedRanges(rows: readonly TornadoRow[], bases: Readonly<Record<string, number>>, threshold = 0.6): SkewedRange[] {
  const out: SkewedRange[] = [];
  for (const row of rows) {
    const base = bases[row.id];
    if (base === undefined || !(row.high > row.low)) continue;
    if (!Number.isFinite(row.valueAtLow) || !Number.isFinite(row.valueAtHigh) || row.valueAtLow === row.valueAtHigh) continue;
    const below = Math.min(1, Math.max(0, (base - row.low) / (row.high - row.low)));
    const worseEnd = row.valueAtLow < row.valueAtHigh ? "low" : "high";
    const worseShare = worseEnd === "low" ? below : 1 - below;
    if (worseShare >= threshold) out.push({id: row.id, label: row.label, low: row.low, base, high: row.high, worseShare, worseEnd});
  }
  return out.sort((a, b) => b.worseShare - a.worseShare || (a.id < b.id ? -1 : 1));
}
