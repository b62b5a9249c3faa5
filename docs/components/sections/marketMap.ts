/**
 * The market map: every deal in the data as one graph of companies (subsidiaries rolled into parents), equity and
 * compute-commitment flows sized by dollars, and the loops where an investor's money comes back to its own cloud or
 * chips; with the loops listed deal by deal.
 */
import {marketMap as buildMarketMap, type MarketLoop, type MarketMap} from "../../lib/core.js";
import {ChartCsv, loopRows, MARKET_LOOPS} from "../chartDownloads.js";
import {asTitle, ChartFrame, chartSourceLine} from "../charts/chartFrame.js";
import {el} from "../dom.js";
import {bounded, usd} from "../format.js";
import {DerivedBadge} from "../provenance.js";
import type {Section, SectionContext} from "./types.js";

const VIA_WORDS: Record<MarketLoop["via"][number], string> = {provider: "its cloud or compute", chips: "its chips"};

/** Returns one sentence on the loops, computed: "6 of 10 deals send money back to the investor that funded the lab…". */
export function loopFinding(map: MarketMap, dealCount: number): string {
  const deals = new Set(map.loops.map((l) => l.deal));
  if (!deals.size) return `None of the ${dealCount} deals sends money back to the company that invested in the lab.`;
  const investors = new Set(map.loops.map((l) => l.company));
  // Counted from the loops (a superseded deal has none): which investors get spend back through their cloud, which
  // only through their chips, and the deals where all the money went in before the deal (nothing new recycled).
  const cloud = new Set(map.loops.filter((l) => l.via.includes("provider")).map((l) => l.company));
  const chipsOnly = [...investors].filter((c) => !cloud.has(c));
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const how =
    cloud.size && chipsOnly.length
      ? `: ${plural(cloud.size, "through its cloud", "through their cloud")}, ${plural(chipsOnly.length, "only through its chips", "only through their chips")}`
      : "";
  const old = new Set(map.loops.filter((l) => !l.newMoney).map((l) => l.deal));
  const oldWords = old.size
    ? ` In ${old.size === deals.size ? "all of them" : plural(old.size, "of them", "of them")}, the money went in before the deal: the spend goes back to an old investor, but no new money is recycled.`
    : "";
  return `${deals.size} of ${dealCount} deals send the lab's spend back to a company that invested in it (${plural(investors.size, "investor", "investors")}${how}).${oldWords}`;
}

function LoopTable(map: MarketMap, data: SectionContext["data"]): HTMLElement {
  const nodeName = new Map(map.nodes.map((n) => [n.id, n.name]));
  const deals = new Map(data.deals.map((d) => [d.id, d]));
  // The deal's name goes under the pair when the pair does not say it all (several investors in one deal).
  const dealLine = (id: string) => {
    const deal = deals.get(id);
    return deal && deal.investors.length > 1 ? el("div", {class: "muted loop-deal"}, deal.name) : null;
  };
  const head = ["Deal", "Comes back through", "Equity in the lab", "Compute commitment"];
  return el(
    "table",
    {class: "loop-table"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        head.map((h, i) => el("th", {class: i > 1 ? "num" : undefined}, h))
      )
    ),
    el(
      "tbody",
      {},
      map.loops.map((l) =>
        el(
          "tr",
          {},
          el("td", {"data-label": head[0]}, `${nodeName.get(l.company)} → ${nodeName.get(l.lab)}`, dealLine(l.deal)),
          el(
            "td",
            {"data-label": head[1]},
            l.via.map((v) => VIA_WORDS[v]).join(" and "),
            // Money that went in before the deal: the spend goes back to the investor, but nothing new is recycled
            // (the deal's page 1 says "the new spend is not recycled").
            l.newMoney ? "" : "; on money invested before this deal, so no new money is recycled"
          ),
          el(
            "td",
            {class: "num", "data-label": head[2]},
            bounded(l.equityFirmUsd.value, l.equityFirmUsd.bound, usd),
            // "Up to" and "firm" do not go together: money promised up to a sum is committed, not paid.
            l.equityFirmUsd.bound === "up-to" ? " committed" : " firm",
            l.equityMaxUsd.value > l.equityFirmUsd.value ? `, ${bounded(l.equityMaxUsd.value, l.equityMaxUsd.bound, usd)} max` : "",
            // One status per figure (critic s8 M14): the badge is the figure's shown, the firm one when no max is.
            DerivedBadge(l.equityMaxUsd.value > l.equityFirmUsd.value ? l.equityMaxUsd.lineage : l.equityFirmUsd.lineage)
          ),
          el(
            "td",
            {class: "num", "data-label": head[3]},
            l.commitmentUsd
              ? [bounded(l.commitmentUsd.value, l.commitmentUsd.bound, usd), DerivedBadge(l.commitmentUsd.lineage)]
              : l.via.includes("provider")
                ? "no dollar figure"
                : "none to it: it earns its margin on the chips the provider buys, whose spend is counted for the provider"
          )
        )
      )
    )
  );
}

// The chart's module, loaded once (by the first render, or ahead by prepare): later renders take the settled promise.
let loadedChart: Promise<typeof import("../charts/marketMapChart.js")> | null = null;
const mapChart = () => (loadedChart ??= import("../charts/marketMapChart.js"));

/**
 * Returns the market map section: the map, then the loops deal by deal. The chart's module loads when the section is
 * drawn, which keeps it out of the first JavaScript of the page (the map sits at its end).
 */
export async function MarketMapSection({data: all, analysis, width, print}: SectionContext): Promise<HTMLElement> {
  const {MarketMapChart} = await mapChart();
  // Above a dozen deals the map draws the largest ones only (analysis.market.shown; a briefing's data holds only
  // those already), so it stays readable at any number of deals; it says so.
  const market = analysis?.market;
  const others = market?.others;
  const data = others ? {...all, deals: all.deals.filter((d) => market.shown.includes(d.id))} : all;
  const map = buildMarketMap(data);
  return el(
    "div",
    {class: "market"},
    others
      ? el(
          "p",
          {class: "market-scope"},
          `The map draws the ${data.deals.length} largest deals by firm investment, dollar commitment and GW ceiling; the other ${others.deals} live deals are in the market's totals by investor, lab and provider (The market in totals).`
        )
      : null,
    // The finding is the figure's title (no paragraph repeating it above the figure).
    ChartFrame(MarketMapChart(map, {width, print}), {
      title: asTitle(loopFinding(map, data.deals.length)),
      source: chartSourceLine(data, {sources: data.deals.flatMap((d) => [...d.tranches, ...d.commitments].map((t) => t.amount.source))})
    }),
    map.loops.length
      ? [
          el("h3", {}, "The loops, deal by deal"),
          el("div", {class: "table-scroll", tabindex: "0"}, LoopTable(map, data)),
          print ? null : ChartCsv(MARKET_LOOPS, "", loopRows(map, data.deals), all.version)
        ]
      : null
  );
}

export const marketMap: Section = {
  id: "market-map",
  title: "The market map: who funds whom",
  perDeal: false,
  render: (context) => MarketMapSection(context),
  prepare: () => mapChart()
};
