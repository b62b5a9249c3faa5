/**
 * The market's cross-deal cash table: each live deal with a cash NPV of its new money, best first, with the NPV's
 * median and P10–P90 over the draws, the payback's median and the share of draws that never pay back. Its size is
 * bounded whatever the number of deals: up to `allUpTo` priced deals every one has a row; above, the `top` best and
 * the `top` worst have rows and the deals between are summed up in one "others" line (how many, how many negative,
 * the range of their medians), as marketAggregate bounds the market's totals.
 */
import {MARKET_ALL_UP_TO, MARKET_TOP} from "../comparison/marketAggregate.js";

/** One deal's cash figures, from its projection (median and band of the draws). */
export interface NpvInput {
  id: string;
  name: string;
  /** False for a superseded deal: history, left out of the table like the market's totals. */
  live: boolean;
  /** Median of the cash NPV of the new money over the draws, USD; null when the deal has none to price. */
  npvUsd: number | null;
  p10: number | null;
  p90: number | null;
  /** Median payback year, the draws that never pay back ranked last; null when the median draw never does. */
  paybackYear: number | null;
  /** Share of the draws (0–1) in which the new money never pays back within the deal (before its spend ends). */
  neverShare: number | null;
  /** The discount rate the NPV uses (fraction). */
  discountRate: number | null;
}

/** A row of the table: the deal's figures and its rank by median NPV among the priced deals (1 = the highest). */
export interface NpvRow extends NpvInput {
  npvUsd: number;
  rank: number;
}

export interface NpvTable {
  /** Live deals with a cash NPV. */
  priced: number;
  /** Of them, how many have a median below zero. */
  negative: number;
  /** Live deals without one (no dollar commitment to value). */
  unpriced: number;
  /** Superseded deals, left out. */
  superseded: number;
  /** The rows drawn, best median NPV first (every priced deal, or the best and worst `top`). */
  rows: NpvRow[];
  /** The priced deals between the best and the worst `top`, summed up; null when every priced deal has a row. */
  others: {deals: number; negative: number; low: number; high: number; neverMedian: number} | null;
  /** The discount rate when every priced deal uses the same one; null when they differ or none is priced. */
  discountRate: number | null;
}

/**
 * Returns the cross-deal cash table of `deals`, ranked by median NPV (ties keep data order, sharing the better rank).
 *
 * @example npvTable([{id: "a", npvUsd: -2e9, …}, {id: "b", npvUsd: 1e9, …}]).rows.map((r) => [r.id, r.rank]) // [["b", 1], ["a", 2]]
 */
export function npvTable(
  deals: readonly NpvInput[],
  {allUpTo = MARKET_ALL_UP_TO, top = MARKET_TOP}: {allUpTo?: number; top?: number} = {}
): NpvTable {
  const live = deals.filter((d) => d.live);
  const priced = live
    .filter((d): d is NpvInput & {npvUsd: number} => d.npvUsd !== null && Number.isFinite(d.npvUsd))
    .map((d, i) => ({d, i}))
    .sort((a, b) => b.d.npvUsd - a.d.npvUsd || a.i - b.i)
    .map(({d}) => d);
  const ranked: NpvRow[] = priced.map((d) => ({...d, rank: 1 + priced.filter((p) => p.npvUsd > d.npvUsd).length}));
  const everyDeal = ranked.length <= allUpTo;
  const rows = everyDeal ? ranked : [...ranked.slice(0, top), ...ranked.slice(-top)];
  const middle = everyDeal ? [] : ranked.slice(top, -top);
  const rates = new Set(priced.map((d) => d.discountRate));
  return {
    priced: priced.length,
    negative: priced.filter((d) => d.npvUsd < 0).length,
    unpriced: live.length - priced.length,
    superseded: deals.length - live.length,
    rows,
    others: middle.length
      ? {
          deals: middle.length,
          negative: middle.filter((d) => d.npvUsd < 0).length,
          low: Math.min(...middle.map((d) => d.npvUsd)),
          high: Math.max(...middle.map((d) => d.npvUsd)),
          neverMedian: middle.filter((d) => d.paybackYear === null).length
        }
      : null,
    discountRate: rates.size === 1 ? ([...rates][0] ?? null) : null
  };
}
