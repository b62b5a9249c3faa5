/**
 * The market in totals: how many deals the data holds, what the live ones add up to, which deals the market
 * briefing details (every deal up to a dozen, else the largest by each measure) and what the others add up to, and
 * totals by investor group, lab and provider, the largest few with the rest in one row. Its size does not grow with
 * the number of deals (src/core/comparison/marketAggregate.ts computes it; the briefing's data file carries it).
 */
import {
  type BoundedSum,
  capacityLabel,
  capacityScope,
  type Deal,
  factGw,
  type MarketAggregate,
  type MarketTotals,
  type PartyTable,
  type StandingStake
} from "../../lib/core.js";
import {ChartCsv, MARKET_TOTALS, partyRows} from "../chartDownloads.js";
import {el} from "../dom.js";
import {count, figureText, gw, usd, withBound} from "../format.js";
import type {Section, SectionContext} from "./types.js";

/** Returns a bounded sum in words ("over $1.23T"), or "none" when nothing was summed. */
export function sumText(sum: BoundedSum, unit: "usd" | "gw"): string {
  if (!sum.count) return "none";
  return withBound(unit === "usd" ? usd(sum.value) : gw(sum.value), sum.bound, sum.value);
}

/** Returns "1 deal" / "12 deals". */
function deals(n: number): string {
  return `${count(n)} deal${n === 1 ? "" : "s"}`;
}

/** Returns the sentence on what a set of deals adds up to: firm investment, dollar commitments and GW ceilings. */
export function totalsSentence(totals: MarketTotals): string {
  return `${sumText(totals.investmentFirmUsd, "usd")} of firm investment, ${sumText(totals.commitmentUsd, "usd")} of dollar compute commitments and ${gwText(totals)}`;
}

/**
 * Returns the GW total in words: "33.5 GW of capacity ceilings", or where some deal's figure counts only part of its
 * chips (a part is no ceiling: Amazon → OpenAI's Trainium), "about 33.5 GW of stated capacity (about 2 GW of it for
 * part of a deal's chips only, not a ceiling)".
 */
export function gwText(totals: Pick<MarketTotals, "gw" | "gwPartial">): string {
  const partial = totals.gwPartial?.count ? totals.gwPartial : null;
  if (!partial) return `${sumText(totals.gw, "gw")} of capacity ceilings`;
  return `${sumText(totals.gw, "gw")} of stated capacity (${sumText(partial, "gw")} of it for part of a deal's chips only, not a ceiling)`;
}

/** Returns a party's GW cell: the sum, marked "*" when part of it counts only some of a deal's chips (partialGwNote). */
export function gwCell(t: Pick<MarketTotals, "gw" | "gwPartial">): string {
  return t.gwPartial?.count ? `${sumText(t.gw, "gw")}*` : sumText(t.gw, "gw");
}

/** Returns the note under the party tables naming the deals whose GW figure is partial, or "" when none is. */
export function partialGwNote(deals: readonly Deal[]): string {
  const partial = deals.filter((d) => !d.supersededOn && d.capacity && capacityScope(d).partial);
  if (!partial.length) return "";
  const each = partial.map((d) => {
    const c = d.capacity!;
    const only = capacityLabel(c).replace(/ capacity \(part of the deal\)$/, "");
    return `${d.name}'s ${figureText(factGw(c.ceiling), "gw", c.ceiling.bound)}${only !== capacityLabel(c) ? `, ${only} only` : ""}`;
  });
  return ` * The GW sum holds a figure that counts only some of a deal's chips (${each.length > 1 ? `${each.slice(0, -1).join("; ")} and ${each.at(-1)}` : each[0]}): it caps nothing, and is summed as stated.`;
}

/** Returns the stakes that still stand under superseded deals ("Nvidia → OpenAI's $30B"), joined with "and". */
export function stakesText(stakes: readonly StandingStake[]): string {
  const each = stakes.map(
    (s) => `${s.name}'s ${withBound(usd(s.investmentFirmUsd.value), s.investmentFirmUsd.bound, s.investmentFirmUsd.value)}`
  );
  return each.length > 1 ? `${each.slice(0, -1).join(", ")} and ${each[each.length - 1]}` : (each[0] ?? "");
}

/**
 * Returns a row's deal count: "6", or with the superseded deals' stakes it sums, "6 + 1 stake" ("1 stake" alone), with
 * no-break spaces so a narrow column does not split it.
 */
export function dealsCell(t: MarketTotals): string {
  if (!t.stakes) return count(t.deals);
  const stakes = `${count(t.stakes)}\u00a0stake${t.stakes === 1 ? "" : "s"}`;
  return t.deals ? `${count(t.deals)}\u00a0+\u00a0${stakes}` : stakes;
}

/**
 * Returns the section's opening sentences: the deals in the data and the live ones' totals, then which deals the
 * briefing details and what the others add up to (when some are left out).
 */
export function marketLede(market: MarketAggregate & {otherChanges?: number}, {where = "This briefing"}: {where?: string} = {}): string[] {
  const superseded = market.deals - market.live;
  const stakes = market.stakes ?? [];
  const it = superseded === 1 ? "it" : "them";
  const held = !stakes.length
    ? ""
    : `; the money that still stands under ${stakes.length === 1 && superseded === 1 ? it : `${count(stakes.length)} of ${it}`}, ${stakesText(stakes)}, is counted once, in the firm investment`;
  const lines = [
    `The data holds ${deals(market.deals)}${superseded ? ` (${count(superseded)} superseded,${stakes.length ? ` ${superseded === 1 ? "its" : "their"} terms` : ""} left out of the totals: later terms replaced ${it}${held})` : ""}. Together the ${deals(market.live)} still live${stakes.length ? ", with that money," : ""} state ${totalsSentence(market.all)}.`
  ];
  const top = Math.max(0, ...Object.values(market.top).map((ids) => ids.length));
  if (market.others)
    lines.push(
      `${where} details ${deals(market.shown.length)}: the ${top === 1 ? "largest" : `${count(top)} largest`} by firm investment, by dollar commitment and by GW ceiling. The other ${deals(market.others.deals)} together state ${totalsSentence(market.others)}; every deal has its own briefing and page.`
    );
  if (market.otherChanges)
    lines.push(
      `What changed lists the detailed deals only: ${count(market.otherChanges)} other change${market.otherChanges === 1 ? "" : "s"} since the last build ${market.otherChanges === 1 ? "is" : "are"} on the site's What changed page.`
    );
  return lines;
}

/** Returns the label of a table's row for the parties left out ("12 others"). */
export function othersLabel(table: PartyTable): string {
  return table.others ? `${count(table.others.parties)} others` : "";
}

/** Returns a table of parties with their deals' totals, and one row for the parties left out. */
function PartyTotalsTable(table: PartyTable, heading: string): HTMLElement {
  // "GW stated": a part of a deal's chips (Amazon → OpenAI's Trainium) is no ceiling, so the column does not call its
  // sum one; the cell says how much of it is partial.
  const partial = [...table.rows, ...(table.others ? [table.others] : [])].some((t) => t.gwPartial?.count);
  const head = [heading, "Deals", "Investment, paid or committed", "Dollar commitments", partial ? "GW stated" : "GW ceilings"];
  const cells = (name: string, t: MarketTotals) => [
    el("th", {scope: "row", "data-label": head[0]}, name),
    el("td", {class: "num", "data-label": head[1]}, dealsCell(t)),
    el("td", {class: "num", "data-label": head[2]}, sumText(t.investmentFirmUsd, "usd")),
    el("td", {class: "num", "data-label": head[3]}, sumText(t.commitmentUsd, "usd")),
    el("td", {class: "num", "data-label": head[4]}, gwCell(t))
  ];
  return el(
    "table",
    {class: "market-totals-table"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        head.map((h) => el("th", {scope: "col"}, h))
      )
    ),
    el(
      "tbody",
      {},
      table.rows.map((row) => el("tr", {}, cells(row.name, row))),
      table.others ? el("tr", {class: "market-totals-others"}, cells(othersLabel(table), table.others)) : null
    )
  );
}

/** Returns the section: the lede, then totals by investor group, lab and provider (largest dollar commitments first). */
export function MarketTotalsSection({analysis, data, print}: Pick<SectionContext, "analysis" | "data" | "print">): HTMLElement {
  const market = analysis.market;
  if (!market) return el("p", {class: "muted"}, "The market's totals are computed for the market briefing only.");
  return el(
    "div",
    {class: "market-totals"},
    // On the site the section is a page's, not a briefing's.
    marketLede(market, {where: print ? "This briefing" : "This page"}).map((line) => el("p", {}, line)),
    el(
      "p",
      {class: "market-totals-note"},
      `Sums keep their sources' bounds: a sum of “over” figures reads “over”, of “up to” figures “up to”; with both, or with any “about” figure in it, “about”. Each deal's figures are its own: a commitment runs over its own term. Investors who invest together are one group. A provider's firm investment counts only its own group's money, not a co-investor's (a chip maker's cheque beside a cloud's is the chip maker's).${market.stakes?.length ? ` A “stake” is money still standing under a superseded deal (${stakesText(market.stakes)}): it counts in the investment column only, never the superseded terms' commitments or GW.` : ""}`
    ),
    (
      [
        ["By investor", market.byInvestor, "Investor", "investor"],
        ["By lab", market.byLab, "Lab", "lab"],
        ["By provider", market.byProvider, "Provider", "provider"]
      ] as const
    ).map(([title, table, heading, name]) =>
      el(
        "div",
        {class: "keep"},
        el("h3", {}, title),
        el("div", {class: "table-scroll", tabindex: "0"}, PartyTotalsTable(table, heading)),
        print ? null : ChartCsv(MARKET_TOTALS, name, partyRows(table, othersLabel(table)), data.version)
      )
    ),
    partialGwNote(data.deals) ? el("p", {class: "market-totals-note"}, partialGwNote(data.deals).trim()) : null
  );
}

export const marketTotals: Section = {
  id: "market-totals",
  title: "The market in totals",
  perDeal: false,
  render: (context) => MarketTotalsSection(context)
};
