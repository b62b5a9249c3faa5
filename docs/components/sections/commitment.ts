/**
 * Commitment: what a deal's "$100B+ over 10 years" buys, year by year, at today's cost per GW-year, against the
 * capacity ceiling; and what the commitment gives and costs each party. Recomputes with the core when the reader
 * moves the controls (and when the spend profile changes).
 */

import {
  type Bound,
  capacityCostByYear,
  capacityName,
  cashSpendByYear,
  type DealCommitmentProjection,
  type Figure,
  type FigureSpread,
  marginId,
  type SpendProfile
} from "../../lib/core.js";
import {ChartCsv, COMMITMENT_SPEND, withoutColumns} from "../chartDownloads.js";
import {ChartFrame, chartSourceLine} from "../charts/chartFrame.js";
import {CommitmentCeilingChart} from "../charts/commitmentCeilingChart.js";
import {commitmentBands, companyName, type DealView, dealOf, dealView, isCustom} from "../charts/commitmentModel.js";
import {CommitmentSpendChart} from "../charts/commitmentSpendChart.js";
import {CommitmentTradeoffTable} from "../charts/commitmentTradeoffTable.js";
import {sectionWidth} from "../charts/fleetColors.js";
import {marginRef} from "../charts/recyclingCritique.js";
import {radioInput} from "../choice.js";
import {Deferred, heightAt} from "../deferred.js";
import {el} from "../dom.js";
import {bounded, derivedText, figureText, gw, modelUsd, pct, sig, theFigure, unitText, usd} from "../format.js";
import {Badge, FigureValue, NamedDerivedBadge} from "../provenance.js";
import type {Section, SectionContext} from "./types.js";

/** The assumptions that move the commitment's figures, offered as sliders on the commitment page (the provider's own margin). */
export function commitmentSliders(deal: {provider: string}): string[] {
  return ["revenue-per-gw-year", "capex-per-gw", "power-price", marginId(deal.provider), "it-life"];
}

/** A spend profile the reader can switch to, or "cash": the spend as the cash figures (NPV, payback) take it. */
type ShownSpend = SpendProfile | "cash";

const PROFILE_WORDS: Record<ShownSpend, string> = {
  cash: "As the cash figures take it",
  flat: "Flat",
  ramp: "Ramp up",
  capacity: "Tied to capacity"
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Returns the commitment's finding in one sentence, computed: "Over $100B buys over 9.09 GW-years: 18% of what up
 * to 5 GW for 10 years would supply", or what the deal lacks to say it.
 */
export function commitmentFinding(commitment: DealCommitmentProjection | null): string {
  if (!commitment) return "This deal states no compute commitment in dollars";
  const {totalUsd, gwYears, ceilingGw, coverage, years} = commitment;
  const buys = `${capitalize(bounded(totalUsd.value, totalUsd.bound, usd))} buys ${derivedText(gwYears.contract)}`;
  if (!ceilingGw) return `${buys} at ${usd(commitment.costPerGwYear.contract.value)} per GW-year; the deal states no capacity ceiling`;
  // A capacity figure that counts part of the hardware, or comes on top of the commitment, is not compared with it.
  if (!coverage)
    return `${buys} at ${usd(commitment.costPerGwYear.contract.value)} per GW-year; ${theFigure(bounded(ceilingGw.value, ceilingGw.bound, gw), "capacity figure")} is not compared with it`;
  return `${buys}: ${pct(coverage.value)} of what ${bounded(ceilingGw.value, ceilingGw.bound, gw)} for ${sig(years.value)} years would supply`;
}

/** Returns "P10–P90 7.6–11.4" for a spread, or "" when there is none or it has no width (the reader set every input). */
function range(spread: FigureSpread | null | undefined, format: (x: number) => string): string {
  if (!spread || !Number.isFinite(spread.p10) || format(spread.p10) === format(spread.p90)) return "";
  return `P10–P90 ${format(spread.p10)}–${format(spread.p90)}`;
}

function Kpi(label: string, value: Node, ...foot: (Node | string)[]): HTMLElement {
  return el(
    "div",
    {class: "card commitment-kpi"},
    el("h3", {}, label),
    el("div", {class: "big"}, value),
    el("p", {class: "card-foot"}, ...foot)
  );
}

/** Returns a derived figure in words, marked `data-figure="<name>"` for the browser tests, with its badge. */
function HeadlineFigure(figure: Figure, unit: string, name: string): HTMLElement {
  return el(
    "span",
    {class: "figure"},
    el("span", {"data-figure": name}, figureText(figure.value, unit, figure.bound)),
    NamedDerivedBadge(figure.lineage, name, figureText(figure.value, unit, figure.bound))
  );
}

/** Returns an empty slot for a P10–P90 range, filled by {@link fillRanges}. */
function RangeSlot(name: string): HTMLElement {
  return el("span", {class: "range-slot", "data-range": name});
}

/**
 * Fills the headline's P10–P90 slots: from the precomputed uncertainty where it applies, else from a Monte Carlo
 * around the reader's values. On screen the Monte Carlo runs when the browser is idle, so the headline updates
 * first; in print it runs at once, so the page is complete when it is printed.
 */
function fillRanges(root: HTMLElement, context: SectionContext, view: DealView): void {
  const fill = () => {
    const bands = commitmentBands(context.data, dealOf(context), view.assumptions, context.controls?.changed);
    const uncertainty = view.uncertainty?.figures;
    const spreads: Record<string, [FigureSpread | null | undefined, (x: number) => string]> = {
      contract: [uncertainty?.["commitment.gwYears"] ?? bands?.contract, sig],
      buildUp: [bands?.buildUp, sig],
      coverage: [uncertainty?.["commitment.coverage"] ?? bands?.coverage, pct]
    };
    for (const slot of root.querySelectorAll<HTMLElement>("[data-range]")) {
      const [spread, format] = spreads[slot.dataset.range!] ?? [null, sig];
      const text = range(spread, format);
      slot.textContent = text ? ` · ${text}` : "";
    }
  };
  if (context.print) fill();
  else if (typeof requestIdleCallback === "function") requestIdleCallback(fill, {timeout: 200});
  else setTimeout(fill, 0);
}

/** Returns the headline cards: commitment, GW-years bought both ways, the ceiling's GW-years and the coverage. */
function Headline(context: SectionContext, view: DealView, commitment: DealCommitmentProjection): HTMLElement {
  const {data} = context;
  const deal = dealOf(context);
  const sourced = deal.commitments.length === 1 ? deal.commitments[0].amount : null;
  const total = sourced
    ? el(
        "span",
        {class: "fact"},
        figureText(commitment.totalUsd.value, "usd", commitment.totalUsd.bound),
        Badge(sourced, {sources: data.sourcesById, index: data.sourceNumbers})
      )
    : FigureValue(commitment.totalUsd);
  const {contract, buildUp} = commitment.costPerGwYear;
  const root = el(
    "div",
    {class: "commitment-kpis"},
    // Several contracts: each one's own term, not the 8.32-year span (critic s8 M14).
    Kpi(
      "The commitment",
      total,
      `${commitment.years.words ? `for ${commitment.years.words}` : `over ${sig(commitment.years.value)} years`} from ${commitment.start.slice(0, 4)}`
    ),
    Kpi(
      "GW-years at the contract price",
      HeadlineFigure(commitment.gwYears.contract, "gw-years", "commitment.gwYears"),
      `at ${usd(contract.value)} per GW-year, the market price (from GPU rental prices)`,
      RangeSlot("contract")
    ),
    Kpi(
      "GW-years at the build-up cost",
      HeadlineFigure(commitment.gwYears.buildUp, "gw-years", "commitment.gwYearsBuildUp"),
      `at ${derivedText({...buildUp, unit: "usd"})} per GW-year, what a GW-year costs the provider to supply (capex over its life, power, margin)`,
      RangeSlot("buildUp")
    ),
    commitment.ceilingGwYears
      ? Kpi(
          `${capitalize(capacityName(deal.capacity))}'s GW-years`,
          HeadlineFigure(commitment.ceilingGwYears, "gw-years", "commitment.ceilingGwYears"),
          `${bounded(commitment.ceilingGw!.value, commitment.ceilingGw!.bound, gw)} × ${commitment.years.words ? `${unitText(commitment.years.value, "years")}, from the first contract's start to the last one's end` : `${sig(commitment.years.value)} years`}`
        )
      : null,
    commitment.coverage
      ? Kpi(
          "Coverage of the ceiling",
          HeadlineFigure(commitment.coverage, "fraction", "commitment.coverage"),
          "of the ceiling's GW-years",
          RangeSlot("coverage")
        )
      : null
  );
  // Three prices per GW-year sit side by side: say which one the cash uses (critic s9 M7).
  const paidFigure = view.recycling?.pricePerGwYearUsd;
  const paid = paidFigure?.value;
  if (paidFigure && paid)
    root.append(
      el(
        "p",
        {class: "commitment-note"},
        paid > contract.value * (1 + 1e-9)
          ? `The cash figures price a GW-year at ${derivedText({...paidFigure, unit: "usd"})}: the commitment spread over the GW-years the capacity supplies in the term, above the ${usd(contract.value)} market price. The build-up cost is a cost to the provider, not a price the lab pays.`
          : `The cash figures price a GW-year at the ${usd(contract.value)} market price. The build-up cost is a cost to the provider, not a price the lab pays.`
      )
    );
  fillRanges(root, context, view);
  return root;
}

/** Returns the spend chart with its profile switch (a radio, not in print), redrawn with the core on change. */
function SpendPanel(context: SectionContext, view: DealView): HTMLElement {
  const hasCapacity = !!view.capacity?.byYear.length;
  const panel = el("div", {class: "commitment-spend"});
  const holder = el("div", {});
  // The default is the spend the cash figures use (critic s14 #3: the chart drew the commitment spread evenly from the
  // contract's start while every NPV and payback took the spend as the built-out capacity allows, a year later at
  // Microsoft → OpenAI); the profiles are the commitment's own spreads, to compare. Without cash flows, the deal's profile.
  const cash = cashSpendByYear(view.recycling?.flows ?? []);
  const own = view.commitment?.profile ?? "flat";
  const initial: ShownSpend = cash.length ? "cash" : own;
  const draw = (shown: ShownSpend) => {
    const profile = shown === "cash" ? own : shown;
    let v: DealView;
    try {
      v = profile === own ? view : dealView(context, {profile});
    } catch (error) {
      holder.replaceChildren(
        el("p", {class: "commitment-note"}, `This profile cannot be drawn for this deal: ${(error as Error).message}.`)
      );
      return;
    }
    const c = v.commitment!;
    const rows = capacityCostByYear(shown === "cash" ? {...c, perYear: cash} : c, v.capacity?.byYear ?? [], c.costPerGwYear.contract.value);
    // One quantity, one value (critic s6 #16: "$472B" here, "$470B" on the recycling page): where the cash model
    // counts the GW-years the schedule delivers, the total is those GW-years at the contract price; the bars keep each
    // calendar year's own capacity.
    const modelGwYears = v.recycling?.deliveredGwYears?.value;
    const delivered = modelGwYears ? modelGwYears * c.costPerGwYear.contract.value : rows.reduce((s, d) => s + d.capacityCostUsd, 0);
    const deliveredText = deliveredCostText(delivered, c.costPerGwYear.contract);
    const committed = bounded(c.totalUsd.value, c.totalUsd.bound, usd);
    const span = rows.length ? `${rows[0].year}–${rows[rows.length - 1].year}` : "";
    const finding = hasCapacity
      ? `At the contract price the capacity delivered over the term would cost ${deliveredText}, against a commitment of ${committed}`
      : `${capitalize(committed)} committed for ${c.years.words ?? `${sig(c.years.value)} years`}${shown === "cash" && span ? `, spent ${span} in the cash figures` : ""}`;
    // What the bars are: the cash figures' spend, and where the commitment's even spread differs from it, by how much.
    const spread = c.perYear;
    const spreadSpan = spread.length ? `${spread[0].year}–${spread[spread.length - 1].year}` : "";
    const cashNote =
      shown === "cash"
        ? `The bars are the spend the cash figures (NPV and payback) take, year by year${
            spreadSpan && spreadSpan !== span
              ? `: the lab spends as the capacity comes online, ${span}, not spread evenly over the term from the contract's start (${spreadSpan})`
              : ""
          }. `
        : "";
    holder.replaceChildren(
      ChartFrame(CommitmentSpendChart(rows, {width: context.width, print: context.print, hasCapacity}), {
        title: finding,
        source: chartSourceLine(context.data, {inputs: [...c.gwYears.contract.lineage.inputs, ...(v.capacity?.gw.lineage.inputs ?? [])]})
      }),
      // Without a schedule the intro above the chart says what is not drawn.
      ...(hasCapacity
        ? [
            el(
              "p",
              {class: "commitment-note"},
              `Over the term the capacity delivered would cost ${deliveredText} at ${usd(c.costPerGwYear.contract.value)} per GW-year; the commitment is ${bounded(c.totalUsd.value, c.totalUsd.bound, usd)}. ` +
                `${shown === "cash" ? cashNote : profile === "ramp" ? `Spend ramps up over ${sig(v.assumptions["spend-ramp-years"])} years. ` : profile === "capacity" ? "Spend follows the capacity as it comes online. " : "Spend is spread evenly over the term. "}`
            )
          ]
        : cashNote
          ? [el("p", {class: "commitment-note"}, cashNote.trim())]
          : []),
      ...(context.print
        ? []
        : [
            ChartCsv(
              hasCapacity ? COMMITMENT_SPEND : withoutColumns(COMMITMENT_SPEND, ["Cost of the capacity delivered (USD)"]),
              `${v.deal}-${shown}`,
              rows,
              context.data.version
            )
          ])
    );
  };
  if (!context.print) {
    // Spend cannot follow capacity that the data does not schedule: the option is offered only with a schedule.
    const profiles: ShownSpend[] = [
      ...(cash.length ? ["cash" as const] : []),
      ...(hasCapacity ? (["flat", "ramp", "capacity"] as const) : (["flat", "ramp"] as const))
    ];
    const radio = radioInput(profiles, {label: "Spend profile", value: initial, format: (p: ShownSpend) => PROFILE_WORDS[p]});
    radio.classList.add("no-print");
    radio.addEventListener("input", () => draw(radio.value as ShownSpend));
    panel.append(radio);
  }
  draw(initial);
  panel.append(holder);
  return panel;
}

/**
 * The capacity delivered at the contract price, in words: the GW-years times a price computed from an assumption
 * (revenue per GW-year) reads "about $470B", as the footer promises (critic s16 #7: Fig. 2 printed "$470B").
 */
export function deliveredCostText(deliveredUsd: number, contractPrice: {bound?: Bound}): string {
  return contractPrice.bound === "about" ? modelUsd(deliveredUsd) : usd(deliveredUsd);
}

/** Returns the commitment section for one deal. */
export function CommitmentSection(context: SectionContext): HTMLElement {
  const deal = dealOf(context);
  const view = dealView(context);
  const {commitment} = view;
  const lab = companyName(context.data, deal.lab);
  const provider = companyName(context.data, deal.provider);
  if (!commitment)
    // Its whole content is its absence: a briefing leaves the section out and lists it once after its contents.
    return el(
      "div",
      {class: "commitment section-absent"},
      el(
        "p",
        {class: "commitment-reading"},
        `${deal.name} states no compute commitment in dollars, so there is nothing to convert into GW-years.`
      )
    );
  const rows = [
    {
      label: "Bought at the contract price:",
      text: derivedText(commitment.gwYears.contract),
      gwYears: commitment.gwYears.contract.value,
      kind: "bought" as const
    },
    {
      label: "Bought at the build-up cost:",
      text: derivedText(commitment.gwYears.buildUp),
      gwYears: commitment.gwYears.buildUp.value,
      kind: "bought" as const
    },
    commitment.ceilingGwYears
      ? {
          label: `${capitalize(capacityName(dealOf(context).capacity))}:`,
          text: `${derivedText(commitment.ceilingGwYears)} (${bounded(commitment.ceilingGw!.value, commitment.ceilingGw!.bound, gw)} for ${commitment.years.words ? unitText(commitment.years.value, "years") : `${sig(commitment.years.value)} years`})`,
          gwYears: commitment.ceilingGwYears.value,
          kind: "ceiling" as const
        }
      : null
  ].filter((d) => d !== null);
  // On screen, the charts and the table below the cards draw as they come near the screen, each in a task of its own,
  // holding about their height (measured at a phone's and a desktop's width); print draws all.
  const later = (draw: () => Node, narrow: number, wide: number, key: string) =>
    context.print
      ? draw()
      : Deferred(draw, {height: heightAt(sectionWidth(context.width), [326, narrow], [912, wide]), key: `commitment/${key}`});
  return el(
    "div",
    {class: "commitment"},
    Headline(context, view, commitment),
    el("p", {class: "commitment-reading"}, commitment.reading),
    isCustom(context.controls)
      ? el("p", {class: "muted commitment-note"}, "Recomputed for your scenario and values; P10–P90 ranges are redrawn around them.")
      : null,
    // Without a delivery schedule the chart has no line (SpendPanel): the intro says so instead of describing one
    // (critic s9 M11: "Line: … Where the line runs above the bars" above five bars and no line).
    ...(view.capacity?.byYear.length
      ? [
          el("h3", {}, "Spend per year against the cost of the capacity delivered"),
          el(
            "p",
            {},
            `Bars: ${lab}'s committed spend with ${provider} per calendar year. Line: the GW delivered that year priced at the contract rate. Where the line runs above the bars, the capacity on offer costs more than the commitment pays for.`
          )
        ]
      : [
          el("h3", {}, "Spend per year"),
          el(
            "p",
            {},
            `Bars: ${lab}'s committed spend with ${provider} per calendar year. The data has no delivery schedule for this deal's capacity, so the cost of the capacity delivered is not drawn beside it.`
          )
        ]),
    later(() => SpendPanel(context, view), 690, 580, "spend"),
    el("h3", {}, `GW-years bought against ${capacityName(dealOf(context).capacity)}`),
    el(
      "p",
      {},
      commitment.ceilingGwYears
        ? commitment.ceilingGw!.bound === "up-to"
          ? `The ceiling is an "up to": it bounds what could be delivered, not what is bought.`
          : `The capacity is stated as ${bounded(commitment.ceilingGw!.value, commitment.ceilingGw!.bound, gw)}: what could be delivered, not what is bought.`
        : commitment.ceilingGw
          ? `The capacity figure, ${bounded(commitment.ceilingGw.value, commitment.ceilingGw.bound, gw)}, is contracted on top of the commitment, not what it buys: it is not drawn against it.`
          : "The deal states no capacity ceiling to compare with."
    ),
    later(
      () =>
        ChartFrame(
          CommitmentCeilingChart(rows, {
            width: context.width,
            perColumn: commitment.ceilingGwYears ? commitment.ceilingGw?.value : undefined,
            ceilingName: capacityName(dealOf(context).capacity)
          }),
          {
            title: commitmentFinding(commitment),
            source: chartSourceLine(context.data, {
              inputs: [
                ...commitment.gwYears.contract.lineage.inputs,
                ...commitment.gwYears.buildUp.lineage.inputs,
                ...(commitment.ceilingGwYears?.lineage.inputs ?? [])
              ]
            })
          }
        ),
      775,
      615,
      "ceiling"
    ),
    el("h3", {}, "What the commitment gives and costs each side"),
    el("p", {}, "The founding article's five effects of a commitment, each tied to the figure it rests on."),
    later(
      () =>
        el(
          "div",
          {class: "table-scroll", tabindex: "0"},
          CommitmentTradeoffTable(deal, view, {lab, provider, marginRef: marginRef(context.data, view.recycling)})
        ),
      1270,
      510,
      "tradeoffs"
    )
  );
}

export const commitment: Section = {
  id: "commitment",
  title: "What the commitment buys",
  perDeal: true,
  render: (context) => CommitmentSection(context)
};
