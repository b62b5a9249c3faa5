/**
 * What a topic page says when its data file holds only some of the deals (src/site/topicPage.ts: above a dozen deals,
 * the largest by firm investment, by dollar commitment and by GW ceiling, as the market briefing details them): how
 * many it holds, of how many, and where the others are. Up to a dozen deals the file holds every deal and these
 * return nothing, so the page reads as before.
 */
import {el} from "./dom.js";
import {count} from "./format.js";

/** The part of a page's dataset these read: its deals and, when it holds only some, how many the data holds. */
export interface DealsHeld {
  deals: readonly unknown[];
  /** How many deals the data holds, present when the file holds fewer (topicPage.ts). */
  dealCount?: number;
}

/** Returns how many deals the data holds (the file's own when it holds them all). */
export function dealTotal(data: DealsHeld): number {
  return Math.max(data.dealCount ?? 0, data.deals.length);
}

/** Returns whether the file holds only some of the data's deals. */
export function someDeals(data: DealsHeld): boolean {
  return dealTotal(data) > data.deals.length;
}

/**
 * Returns "the 10 largest of the 100 deals" when the file holds only some, else `every` (e.g. "every deal").
 *
 * @example dealsHeldWords({deals: [a, b], dealCount: 40}, "every deal") // "the 2 largest of the 40 deals"
 */
export function dealsHeldWords(data: DealsHeld, every: string): string {
  return someDeals(data)
    ? `the ${count(data.deals.length, "as-written")} largest of the ${count(dealTotal(data), "as-written")} deals`
    : every;
}

/**
 * Returns the line under a page's deal picker when the file holds only some deals: which ones, and where every other
 * deal is (its own page, found in the deals index); null when the file holds every deal.
 */
export function OtherDeals(data: DealsHeld, {what = "This page offers"}: {what?: string} = {}): HTMLElement | null {
  if (!someDeals(data)) return null;
  return el(
    "p",
    {class: "comparison-note deals-shown"},
    `${what} ${dealsHeldWords(data, "")}: the largest by firm investment, by dollar commitment and by GW ceiling. Every other deal has its own page with the same figures: find it on `,
    el("a", {href: "./deals"}, "the deals index"),
    "."
  );
}
