/**
 * The market in a bounded size, whatever the number of deals: which deals the market briefing details (every deal
 * up to MARKET_ALL_UP_TO, else the largest few by each measure), what the rest add up to ("others"), and totals by
 * investor group, lab and provider (the largest few, the rest as one "others" row). Sums keep their bound: a sum of
 * "over" figures is "over", of "up to" figures "up to", and any "about" term or a mix of both makes it "about"
 * (combineBounds). A superseded deal's terms are history and its commitment and GW are left out, but money it still
 * holds (its firm tranches that are not lapsed: the $30B equity that replaced Nvidia's letter of intent) stands: it is
 * counted in the investment totals, once, as a "stake" beside the live deals.
 */
import {combineBounds} from "../lineage.js";
import type {Bound} from "../model.js";
import type {DealComparison} from "./compareDeals.js";

/** Up to this many deals the market briefing details every one. */
export const MARKET_ALL_UP_TO = 12;
/** Above it, the briefing details the largest this many deals by each measure (at most 3× as many in all). */
export const MARKET_TOP = 5;
/** Rows per party table before the rest (two parties or more) become one "others" row. */
export const MARKET_PARTY_ROWS = 8;

/** A sum of figures with the bound their bounds give; `count` is how many figures were summed (0: no value). */
export interface BoundedSum {
  value: number;
  bound: Bound;
  count: number;
}

/** What a set of deals adds up to. */
export interface MarketTotals {
  /** Live deals summed. */
  deals: number;
  /** Superseded deals whose standing money (firm, not lapsed) is in `investmentFirmUsd`; their terms are not summed. */
  stakes: number;
  investmentFirmUsd: BoundedSum;
  commitmentUsd: BoundedSum;
  gw: BoundedSum;
  /** The part of `gw` from figures that count only some of a deal's chips (DealComparison.gwPartial): no ceilings. */
  gwPartial: BoundedSum;
}

/** A party's row: its id (investor groups join their ids with "+") and name, and its deals' totals. */
export interface PartyTotals extends MarketTotals {
  id: string;
  name: string;
}

/** A table of parties: the largest by commitment (then investment, then GW), the rest summed as `others`. */
export interface PartyTable {
  rows: PartyTotals[];
  /** The parties left out of `rows` and their deals' totals; null when every party has a row. */
  others: (MarketTotals & {parties: number}) | null;
}

export type MarketMeasure = "investmentFirmUsd" | "commitmentUsd" | "gw";

/** A superseded deal whose firm money still stands, with that money (what the totals count of it). */
export interface StandingStake {
  id: string;
  name: string;
  investmentFirmUsd: DealComparison["investmentFirmUsd"];
}

export interface MarketAggregate {
  /** Deals in the data, and of them live (not superseded): the totals count live deals, and superseded deals' stakes. */
  deals: number;
  live: number;
  /** Superseded deals whose firm money still stands, counted in the investment totals only. */
  stakes: StandingStake[];
  /** The deals the briefing details, in data order. */
  shown: string[];
  /** Per measure, the ids of its largest live deals (empty when every deal is shown). */
  top: Record<MarketMeasure, string[]>;
  /** Live deals, all together. */
  all: MarketTotals;
  /** Live deals not shown; null when every deal is shown. */
  others: MarketTotals | null;
  byInvestor: PartyTable;
  byLab: PartyTable;
  byProvider: PartyTable;
}

export const MARKET_MEASURES: readonly MarketMeasure[] = ["investmentFirmUsd", "commitmentUsd", "gw"];

/**
 * Returns the bounded view of the market from the comparison rows (compareDeals): every deal when there are at most
 * `allUpTo`, else the union of the `top` largest live deals by firm investment, by dollar commitment and by GW
 * ceiling; totals of the live deals (superseded deals are history: counting them would count a deal twice) overall,
 * for the deals not shown, and by investor group, lab and provider (`partyRows` rows each, the rest as others).
 *
 * @example
 * // 20 live deals of $1B…$20B commitment: shows the 5 largest by each measure; the others' commitments sum the rest
 * marketAggregate(rows).others?.commitmentUsd.value
 */
export function marketAggregate(
  rows: readonly DealComparison[],
  {allUpTo = MARKET_ALL_UP_TO, top = MARKET_TOP, partyRows = MARKET_PARTY_ROWS}: {allUpTo?: number; top?: number; partyRows?: number} = {}
): MarketAggregate {
  const live = rows.filter((r) => r.status !== "superseded");
  // A superseded deal's money that still stands (its tranches not lapsed) is counted once, in the investment only.
  const stakes = rows.filter((r) => r.status === "superseded" && (r.investmentFirmUsd?.value ?? 0) > 0);
  const largest = (measure: MarketMeasure): string[] =>
    live
      .filter((r) => (r[measure]?.value ?? 0) > 0)
      .sort((a, b) => (b[measure]?.value ?? 0) - (a[measure]?.value ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, top)
      .map((r) => r.id);
  const everyDeal = rows.length <= allUpTo;
  const tops = Object.fromEntries(MARKET_MEASURES.map((m) => [m, everyDeal ? [] : largest(m)])) as Record<MarketMeasure, string[]>;
  const wanted = new Set(Object.values(tops).flat());
  const shown = rows.filter((r) => everyDeal || wanted.has(r.id)).map((r) => r.id);
  const hidden = live.filter((r) => !shown.includes(r.id));
  const party = (key: (r: DealComparison) => {id: string; name: string}, invested?: Invested) =>
    partyTable(live, stakes, key, partyRows, invested);
  return {
    deals: rows.length,
    live: live.length,
    stakes: stakes.map((r) => ({id: r.id, name: r.name, investmentFirmUsd: r.investmentFirmUsd})),
    shown,
    top: tops,
    all: totals(live, undefined, stakes),
    others: everyDeal
      ? null
      : totals(
          hidden,
          undefined,
          stakes.filter((r) => !shown.includes(r.id))
        ),
    byInvestor: party((r) => ({id: r.investors.map((p) => p.id).join("+"), name: r.investors.map((p) => p.name).join(" + ")})),
    byLab: party((r) => r.lab),
    // A provider is credited only with its own group's money (Microsoft's, not Nvidia's, in Microsoft + Nvidia →
    // Anthropic): another investor's cheque is not the provider's investment and earns nothing from its margin.
    byProvider: party(
      (r) => r.provider,
      (r) => r.ratioInvestmentFirmUsd
    )
  };
}

/**
 * Returns the sum of the given figures (nulls and absent values skipped) with their combined bound.
 *
 * @example boundedSum([{value: 100, bound: "at-least"}, {value: 30, bound: "exact"}]) // {value: 130, bound: "at-least", count: 2}
 */
export function boundedSum(figures: readonly ({value: number; bound?: Bound} | null | undefined)[]): BoundedSum {
  const present = figures.filter((f): f is {value: number; bound?: Bound} => f != null && Number.isFinite(f.value));
  return {value: present.reduce((s, f) => s + f.value, 0), bound: combineBounds(present.map((f) => f.bound)), count: present.length};
}

/** Which firm investment of a deal a total counts: every investor's (the default) or a party's own. */
type Invested = (r: DealComparison) => DealComparison["investmentFirmUsd"] | null;

/**
 * Returns what `rows` add up to: their count and the bounded sums of firm investment (each deal's `invested`, by
 * default every investor's), commitment and GW; `stakes` (superseded deals' standing money) add to the investment only.
 */
export function totals(
  rows: readonly DealComparison[],
  invested: Invested = (r) => r.investmentFirmUsd,
  stakes: readonly DealComparison[] = []
): MarketTotals {
  return {
    deals: rows.length,
    stakes: stakes.length,
    // A deal without firm investment states 0: no bound to carry.
    investmentFirmUsd: boundedSum(
      [...rows, ...stakes].map((r) => {
        const f = invested(r);
        return f && f.value > 0 ? f : null;
      })
    ),
    commitmentUsd: boundedSum(rows.map((r) => r.commitmentUsd)),
    gw: boundedSum(rows.map((r) => r.gw)),
    gwPartial: boundedSum(rows.map((r) => (r.gwPartial ? r.gw : null)))
  };
}

/**
 * Returns the parties' table: rows by `key` over the live deals and the superseded deals' stakes, largest commitment
 * first (then investment, GW, name), `limit` rows.
 */
function partyTable(
  rows: readonly DealComparison[],
  stakes: readonly DealComparison[],
  key: (r: DealComparison) => {id: string; name: string},
  limit: number,
  invested?: Invested
): PartyTable {
  const groups = new Map<string, {name: string; rows: DealComparison[]; stakes: DealComparison[]}>();
  for (const [row, stake] of [...rows.map((r) => [r, false] as const), ...stakes.map((r) => [r, true] as const)]) {
    const {id, name} = key(row);
    const group = groups.get(id) ?? {name, rows: [], stakes: []};
    (stake ? group.stakes : group.rows).push(row);
    groups.set(id, group);
  }
  const all = [...groups].map(([id, g]) => ({id, name: g.name, ...totals(g.rows, invested, g.stakes)}));
  all.sort(
    (a, b) =>
      b.commitmentUsd.value - a.commitmentUsd.value ||
      b.investmentFirmUsd.value - a.investmentFirmUsd.value ||
      b.gw.value - a.gw.value ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
  // One party left over gets its own row: an "others" row of one would hide its name and save no space.
  if (all.length <= limit + 1) return {rows: all, others: null};
  const rest = all.slice(limit);
  const restRows = rest.flatMap((p) => groups.get(p.id)!.rows);
  const restStakes = rest.flatMap((p) => groups.get(p.id)!.stakes);
  return {rows: all.slice(0, limit), others: {...totals(restRows, invested, restStakes), parties: rest.length}};
}
