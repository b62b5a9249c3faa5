/**
 * Recycling: how much of a deal's investment comes back to the investor as cloud revenue and operating profit, when,
 * and the net economic impact with equity gains kept apart from cash; then the critique and its counter-arguments.
 */
import {type DealRecycling, type Figure, type FigureSpread, marketMap, type NetCashBand, netCashBands} from "../../lib/core.js";
import {ChartFrame, chartSource} from "../charts/chartFrame.js";
import {companyName, type DealView, dealOf, dealView, isCustom} from "../charts/commitmentModel.js";
import {el} from "../dom.js";
import {derivedText, pct, times, usd, withBound} from "../format.js";
import {DerivedBadge} from "../provenance.js";
import type {Section, SectionContext} from "./types.js";

/** The assumptions that move the recycling figures: offered as sliders on the recycling page. */
export const RECYCLING_SLIDERS = ["provider-margin", "contingent-probability", "discount-rate"] as const;

const bandCache = new Map<string, NetCashBand[]>();

// The charts load when the section is first drawn, keeping them (and d3-sankey) out of the page's first JavaScript.
const charts = () =>
  Promise.all([
    import("../charts/recyclingCritique.js"),
    import("../charts/recyclingEquityChart.js"),
    import("../charts/recyclingNetCashChart.js"),
    import("../charts/sankeyRecycling.js")
  ]).then(([critique, equity, netCash, sankey]) => ({...critique, ...equity, ...netCash, ...sankey}));
type Charts = Awaited<ReturnType<typeof charts>>;

/** Returns the P10–P90 bands of cumulative net cash around the view's values (the reader's fixed ones held), cached. */
function bandsFor(context: SectionContext, view: DealView): NetCashBand[] {
  const fixed = isCustom(context.controls) ? context.controls!.changed : [];
  const key = `${view.deal}:${JSON.stringify(view.assumptions)}:${fixed.join(",")}`;
  let bands = bandCache.get(key);
  if (!bands) {
    const vary = NET_CASH_ASSUMPTIONS.filter((id) => !fixed.includes(id));
    bands = netCashBands(context.data, view.deal, {
      scenario: context.controls?.scenario ?? "base",
      values: view.assumptions,
      vary,
      draws: 1000
    });
    if (bandCache.size > 64) bandCache.clear();
    bandCache.set(key, bands);
  }
  return bands;
}

// The flows read these; the other assumptions leave cumulative net cash unchanged, so drawing them adds only time.
const NET_CASH_ASSUMPTIONS = ["provider-margin", "contingent-probability", "spend-ramp-years"];

/**
 * Returns the net-cash chart. Its P10–P90 band needs a Monte Carlo: in print it runs at once; on screen the chart is
 * drawn first without the band and redrawn with it when the browser is idle, so a slider move stays quick.
 */
function NetCashPanel(context: SectionContext, view: DealView, {RecyclingNetCashChart}: Charts): HTMLElement {
  const r = view.recycling;
  const draw = (bands: NetCashBand[] | null) =>
    RecyclingNetCashChart(r.flows, {bands, paybackYear: r.paybackYear, width: context.width, print: context.print});
  if (context.print) return draw(bandsFor(context, view));
  const holder = el("div", {class: "net-cash"}, draw(null));
  const fill = () => holder.replaceChildren(draw(bandsFor(context, view)));
  if (typeof requestIdleCallback === "function") requestIdleCallback(fill, {timeout: 300});
  else setTimeout(fill, 0);
  return holder;
}

/** Returns the names of a deal's investors joined with "and": "Microsoft and Nvidia". */
export function investorNames(context: Pick<SectionContext, "data" | "dealId">): string {
  const names = dealOf(context).investors.map((id) => companyName(context.data, id));
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : (names[0] ?? "The investor");
}

/**
 * Returns the recycling finding in one sentence, computed: "Amazon's $13B comes back as over $25B of AWS operating
 * profit, paying back in 2034", or what the deal lacks to say it.
 */
export function recyclingFinding(context: Pick<SectionContext, "data" | "dealId">, r: DealRecycling): string {
  const investor = investorNames(context);
  const provider = companyName(context.data, dealOf(context).provider);
  const firm = withBound(usd(r.investmentFirmUsd.value), r.investmentFirmUsd.bound);
  const max = withBound(usd(r.investmentMaxUsd.value), r.investmentMaxUsd.bound);
  const stake =
    r.investmentFirmUsd.value > 0
      ? `invests ${firm}`
      : r.investmentMaxUsd.value > 0
        ? `offers ${max} of contingent equity`
        : "invests nothing";
  if (!r.operatingProfitUsd) return `${investor} ${stake}, and the deal states no dollar commitment for money to come back through`;
  const profit = `${withBound(usd(r.operatingProfitUsd.value), r.operatingProfitUsd.bound)} of ${provider} operating profit`;
  if (!(r.investmentFirmUsd.value > 0))
    return `The deal brings ${provider} ${withBound(usd(r.operatingProfitUsd.value), r.operatingProfitUsd.bound)} of operating profit with no firm investment against it`;
  const when = r.paybackYear !== null ? `, paying back in ${r.paybackYear}` : ", and does not pay back within the deal";
  return `${investor}'s ${firm} comes back as ${profit}${when}`;
}

function Kpi(label: string, figure: Figure | null, unit: string, name: string | null, foot: string): HTMLElement | null {
  if (!figure) return null;
  return el(
    "div",
    {class: "card commitment-kpi"},
    el("h3", {}, label),
    el("div", {class: "big"}, el("span", {"data-figure": name ?? undefined}, derivedText({...figure, unit})), DerivedBadge(figure.lineage)),
    foot ? el("p", {class: "card-foot"}, foot) : null
  );
}

function range(spread: FigureSpread | undefined, format: (x: number) => string): string {
  return spread && Number.isFinite(spread.p10) && format(spread.p10) !== format(spread.p90)
    ? `P10–P90 ${format(spread.p10)} to ${format(spread.p90)}`
    : "";
}

/** Returns the recycling section for one deal. */
export async function RecyclingSection(context: SectionContext): Promise<HTMLElement> {
  const loaded = await charts();
  const {RecyclingCritique, RecyclingEquityChart, RecyclingSankey, recyclingGraph} = loaded;
  const deal = dealOf(context);
  const view = dealView(context);
  const r = view.recycling;
  const investor = investorNames(context);
  const lab = companyName(context.data, deal.lab);
  const provider = companyName(context.data, deal.provider);
  const rate = view.assumptions["discount-rate"];
  const uncertainty = view.uncertainty?.figures;
  const equityEdges = marketMap({companies: context.data.companies, chips: context.data.chips, deals: [deal]}).edges.filter(
    (e) => e.kind !== "commitment"
  );
  const graph = recyclingGraph(r, equityEdges, {investor: (id) => companyName(context.data, id), lab, provider});
  const payback = r.paybackYear;
  // The charts' findings and source line, from the same figures the cards show.
  const source = chartSource(context.data, {
    inputs: [r.investmentFirmUsd, r.commitmentUsd, r.operatingProfitUsd, r.npvUsd].flatMap((f) => f?.lineage.inputs ?? [])
  });
  const flowFinding =
    r.commitmentUsd && r.investmentExpectedUsd.value > 0
      ? `${lab}'s committed spend with ${provider} is ${times(r.commitmentUsd.value / r.investmentExpectedUsd.value)} ${investor}'s expected investment`
      : `${investor} puts no equity into ${lab}; ${lab}'s spend flows to ${provider}`;
  const npvWords = r.npvUsd ? `discounted at ${pct(rate)}, the flows are worth ${derivedText({...r.npvUsd, unit: "usd"})}` : "";
  const netCashFinding =
    payback !== null
      ? r.npvUsd && r.npvUsd.value < 0
        ? `Cumulative net cash to ${investor} turns positive in ${payback}, but ${npvWords}`
        : `Cumulative net cash to ${investor} turns positive for good in ${payback}`
      : `Cumulative net cash to ${investor} does not turn positive within the flows${npvWords ? `; ${npvWords}` : ""}`;
  return el(
    "div",
    {class: "recycling"},
    el(
      "div",
      {class: "commitment-kpis"},
      Kpi(
        "Invested, firm",
        r.investmentFirmUsd,
        "usd",
        "recycling.investmentFirmUsd",
        `expected with contingent tranches: ${derivedText({...r.investmentExpectedUsd, unit: "usd"})}`
      ),
      Kpi("Cloud spend committed", r.commitmentUsd, "usd", null, `to ${provider} over the term`),
      Kpi(
        "Firm investment ÷ commitment",
        r.investmentToCommitmentFirm,
        "fraction",
        "recycling.investmentToCommitmentFirm",
        "every firm dollar invested, against the spend committed"
      ),
      Kpi(
        "Operating profit on it",
        r.operatingProfitUsd,
        "usd",
        "recycling.operatingProfitUsd",
        [`at a ${pct(view.assumptions["provider-margin"])} margin`, range(uncertainty?.["recycling.operatingProfitUsd"], usd)]
          .filter(Boolean)
          .join(" · ")
      ),
      Kpi(
        `Net present value at ${pct(rate)}`,
        r.npvUsd,
        "usd",
        "recycling.npvUsd",
        [`of profit − investment, in ${r.flows[0]?.year ?? ""} dollars`, range(uncertainty?.["recycling.npvUsd"], usd)]
          .filter(Boolean)
          .join(" · ")
      ),
      r.flows.length
        ? el(
            "div",
            {class: "card commitment-kpi"},
            el("h3", {}, "Payback year"),
            el("div", {class: "big", "data-figure": "recycling.paybackYear"}, payback === null ? "none" : String(payback)),
            el(
              "p",
              {class: "card-foot"},
              payback === null ? "net cash is still negative when the flows end" : "first year from which cumulative net cash stays ≥ 0"
            )
          )
        : null,
      Kpi("Equity gain, not cash", r.equityGainUsd, "usd", "recycling.equityGainUsd", "latest mark − firm cash paid in by then")
    ),
    isCustom(context.controls)
      ? el("p", {class: "muted commitment-note"}, "Recomputed for your scenario and values; the P10–P90 band is redrawn around them.")
      : null,
    el("h3", {}, "Where the money goes"),
    graph
      ? [
          el(
            "p",
            {},
            `Totals over the deal, in US dollars, not discounted. ${r.investmentExpectedUsd.value > 0 ? `${investor}'s equity flows into ${lab}` : `${investor} puts no equity into ${lab}`}; ${lab}'s committed spend flows to ${provider}; ${provider} keeps its operating margin as profit. Contingent equity is counted at its expected value (${pct(view.assumptions["contingent-probability"])} of face value).`
          ),
          ChartFrame(RecyclingSankey(graph, {width: context.width, print: context.print}), {title: flowFinding, source})
        ]
      : el("p", {class: "muted"}, `${deal.name} states no dollar commitment, so no spend flows back to draw.`),
    r.flows.length
      ? [
          el("h3", {}, `Cumulative net cash to ${investor}, by year`),
          el(
            "p",
            {},
            `Operating profit on the spend each year minus the money invested that year, added up. ${payback !== null ? `The line crosses zero for good in ${payback}.` : "The line does not cross zero for good within the flows."} ${r.npvUsd ? `Discounted at ${pct(rate)} to ${r.flows[0].year}, the flows are worth ${derivedText({...r.npvUsd, unit: "usd"})}.` : ""}`
          ),
          ChartFrame(NetCashPanel(context, view, loaded), {title: netCashFinding, source})
        ]
      : null,
    r.equity.length
      ? [
          el("h3", {}, "Equity, kept apart from cash"),
          ChartFrame(
            RecyclingEquityChart(r.equity, {invested: r.investmentFirmUsd, investor, lab, width: context.width, print: context.print}),
            {
              title: r.equityGainUsd
                ? `${investor}'s stake in ${lab} is marked ${r.equityGainUsd.value >= 0 ? "above" : "below"} the cash paid in by ${usd(Math.abs(r.equityGainUsd.value))}: a gain on paper, not cash`
                : `${investor}'s equity in ${lab}, kept apart from cash`,
              source: chartSource(context.data, {
                inputs: [...(r.equityGainUsd?.lineage.inputs ?? []), ...r.investmentFirmUsd.lineage.inputs]
              })
            }
          )
        ]
      : null,
    el("h3", {}, "The recycling critique, and the case against it"),
    RecyclingCritique(r, {investor, provider, discountRate: rate, payback: uncertainty?.["recycling.paybackYear"]})
  );
}

export const recycling: Section = {
  id: "recycling",
  title: "How much of the investment comes back",
  perDeal: true,
  render: (context) => RecyclingSection(context)
};
