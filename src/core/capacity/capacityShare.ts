/** A deal's capacity against all the capacity the deals in the data announce: a yardstick built from sourced facts. */
import {combineBounds, type Figure, figure, leaf, weakestStatus} from "../lineage.js";
import type {Deal, DealStatus} from "../model.js";
import {factGw} from "./convert.js";

/** Deal statuses whose capacity still counts in the market total. */
export const COUNTED_DEAL_STATUSES: readonly DealStatus[] = ["active", "loi"];

export interface CapacityShare {
  /** The deal's capacity ceiling, GW. */
  gw: Figure;
  /** Sum of the ceilings of the deals that count (active or letter of intent, and the deal itself), GW. */
  totalGw: Figure;
  /** gw ÷ totalGw, a fraction 0–1. */
  share: Figure;
  /** Ids of the deals summed, in data order; empty when there are more than LISTED_DEALS (see dealCount). */
  deals: string[];
  /** How many deals are summed. */
  dealCount: number;
  /** How many of the deals summed are only a letter of intent. */
  lettersOfIntent: number;
  /** True when the deal itself is summed only because it is the deal shown (superseded or stalled). */
  selfOutside: boolean;
  /**
   * The part of totalGw that is not a ceiling but only a stated part of a deal's capacity (Amazon → OpenAI's "about
   * 2 GW of Trainium", its Nvidia GPUs stated in units), GW; 0 when every figure summed is a ceiling.
   */
  partGw: number;
  /** What each such part covers (`capacity.covers`, e.g. "Trainium"), one entry per deal, in data order. */
  partCovers: string[];
}

/**
 * Up to this many deals summed, the total's lineage names each one's ceiling; beyond, one input stands for them all
 * (`live-deals.capacity.ceiling`), so a deal's share does not grow with the number of deals in the data.
 */
export const LISTED_DEALS = 12;

/**
 * Returns a deal's capacity ceiling as a share of the ceilings of every deal in `deals` that is active or a
 * letter of intent (superseded and stalled deals are left out, except the deal itself), with lineage naming each
 * `<deal>.capacity.ceiling`. A deal whose GW figure is only a stated part of its capacity (`capacity.covers`) is
 * summed too, and `partGw` says how much of the total is such a part (capacitySharePart prints it). Bounds combine ("up to" 5 GW of a total with an "over" figure in it is "about").
 * Beyond LISTED_DEALS deals summed, one lineage input stands for every ceiling. Null when the deal has no capacity. Throws `invalid deal: <id>` for an id not in `deals`.
 *
 * @example capacityShare(dataset.deals, "amazon-anthropic")!.share.value // 5 ÷ 43.5 ≈ 0.115
 */
export function capacityShare(deals: readonly Deal[], dealId: string): CapacityShare | null {
  const deal = deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  if (!deal.capacity) return null;
  const counted = deals.filter((d) => d.capacity && (d.id === dealId || COUNTED_DEAL_STATUSES.includes(d.status)));
  const part = (d: Deal) => ({lineage: leaf(`${d.id}.capacity.ceiling`, d.capacity!.ceiling.status), bound: d.capacity!.ceiling.bound});
  const own = factGw(deal.capacity.ceiling);
  const total = counted.reduce((sum, d) => sum + factGw(d.capacity!.ceiling), 0);
  const listed = counted.length <= LISTED_DEALS;
  // A figure that covers only part of a deal (capacityScope's `partial`, which requires `covers`) is summed, and said.
  const partial = counted.filter((d) => d.capacity!.covers !== undefined);
  const parts = listed
    ? counted.map(part)
    : [
        part(deal),
        {
          lineage: leaf("live-deals.capacity.ceiling", weakestStatus(counted.map((d) => d.capacity!.ceiling.status))),
          bound: combineBounds(counted.map((d) => d.capacity!.ceiling.bound))
        }
      ];
  return {
    gw: figure(own, "gw", [part(deal)]),
    totalGw: figure(total, "gw", parts),
    share: figure(total > 0 ? own / total : 0, "fraction", parts),
    deals: listed ? counted.map((d) => d.id) : [],
    dealCount: counted.length,
    lettersOfIntent: counted.filter((d) => d.status === "loi").length,
    selfOutside: !COUNTED_DEAL_STATUSES.includes(deal.status),
    partGw: partial.reduce((sum, d) => sum + factGw(d.capacity!.ceiling), 0),
    partCovers: partial.map((d) => d.capacity!.covers!)
  };
}

/**
 * Returns every deal's capacityShare, by id (null for a deal without capacity): the same values, but the deals that
 * count, their total, bounds and statuses are summed once for all the deals counted, not once per deal (at 1,000 deals
 * a million steps at every build). A deal summed only because it is the one shown (superseded or stalled) gets its
 * own sum, as capacityShare gives it.
 *
 * @example capacityShares(dataset.deals)["amazon-anthropic"]!.share.value // 5 ÷ 43.5 ≈ 0.115
 */
export function capacityShares(deals: readonly Deal[]): Record<string, CapacityShare | null> {
  const counted = deals.filter((d) => d.capacity && COUNTED_DEAL_STATUSES.includes(d.status));
  const part = (d: Deal) => ({lineage: leaf(`${d.id}.capacity.ceiling`, d.capacity!.ceiling.status), bound: d.capacity!.ceiling.bound});
  const total = counted.reduce((sum, d) => sum + factGw(d.capacity!.ceiling), 0);
  const listed = counted.length <= LISTED_DEALS;
  const partial = counted.filter((d) => d.capacity!.covers !== undefined);
  const listedParts = listed ? counted.map(part) : [];
  const others = listed
    ? null
    : {
        lineage: leaf("live-deals.capacity.ceiling", weakestStatus(counted.map((d) => d.capacity!.ceiling.status))),
        bound: combineBounds(counted.map((d) => d.capacity!.ceiling.bound))
      };
  const ids = listed ? counted.map((d) => d.id) : [];
  const lettersOfIntent = counted.filter((d) => d.status === "loi").length;
  const partGw = partial.reduce((sum, d) => sum + factGw(d.capacity!.ceiling), 0);
  const partCovers = partial.map((d) => d.capacity!.covers!);
  const shares: Record<string, CapacityShare | null> = {};
  for (const deal of deals) {
    if (!deal.capacity) shares[deal.id] = null;
    else if (!COUNTED_DEAL_STATUSES.includes(deal.status)) shares[deal.id] = capacityShare(deals, deal.id);
    else {
      const own = factGw(deal.capacity.ceiling);
      const parts = others ? [part(deal), others] : listedParts;
      shares[deal.id] = {
        gw: figure(own, "gw", [part(deal)]),
        totalGw: figure(total, "gw", parts),
        share: figure(total > 0 ? own / total : 0, "fraction", parts),
        deals: [...ids],
        dealCount: counted.length,
        lettersOfIntent,
        selfOutside: false,
        partGw,
        partCovers: [...partCovers]
      };
    }
  }
  return shares;
}

/**
 * Returns which deals a capacity share sums, in words that give each its stage (a letter of intent is never called
 * live or signed): "the 7 deals in the data with a GW figure, none superseded (1 of them only a letter of intent)"; for a deal that is
 * summed only because it is the one shown, "the 7 deals in the data with a GW figure, none superseded, and this one".
 *
 * @example capacityShareScope({dealCount: 7, lettersOfIntent: 1, selfOutside: false}) // "the 7 deals in the data with a GW figure, none superseded (1 of them only a letter of intent)"
 */
export function capacityShareScope({
  dealCount,
  lettersOfIntent,
  selfOutside
}: Pick<CapacityShare, "dealCount" | "lettersOfIntent" | "selfOutside">): string {
  const others = dealCount - (selfOutside ? 1 : 0);
  // "with a GW figure": 9 deals are not superseded, 7 of them state GW (critic s9 M4).
  const what = `the ${others} deal${others === 1 ? "" : "s"} in the data with a GW figure, ${others === 1 ? "not" : "none"} superseded${selfOutside ? ", and this one" : ""}`;
  if (lettersOfIntent === 0) return what;
  return `${what} (${lettersOfIntent} of them only ${lettersOfIntent === 1 ? "a letter" : "letters"} of intent)`;
}

/**
 * Returns the sentence that says how much of a capacity total is not a ceiling but only a stated part of a deal's
 * capacity, with `gwText` formatting GW: "Of the 7.5 GW, 2 GW is only a stated part of a deal (its Trainium capacity),
 * not a ceiling."; for several, "Of the 7.5 GW, 3 GW is only stated parts of 2 deals, not ceilings."; "" when every
 * figure summed is a ceiling. A sentence of its own, not a clause: after the scope's parenthesis, "of which" hung
 * 20 words from the total it qualifies (s14 critic #20).
 *
 * @example capacitySharePart({totalGw: {value: 7.5}, partGw: 2, partCovers: ["Trainium"]}, (v) => `${v} GW`) // "Of the 7.5 GW, 2 GW is only a stated part of a deal (its Trainium capacity), not a ceiling."
 */
export function capacitySharePart(
  {totalGw, partGw, partCovers}: {totalGw: {value: number}} & Pick<CapacityShare, "partGw" | "partCovers">,
  gwText: (gw: number) => string
): string {
  if (partCovers.length === 0) return "";
  const of = `Of the ${gwText(totalGw.value)}, ${gwText(partGw)} is only`;
  if (partCovers.length === 1) return `${of} a stated part of a deal (its ${partCovers[0]} capacity), not a ceiling.`;
  return `${of} stated parts of ${partCovers.length} deals, not ceilings.`;
}
