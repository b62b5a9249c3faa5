/**
 * Chip roadmap: which generations fill a deal's capacity as it arrives (the fleet by year and its compute), how
 * the generations compare on performance per watt and per dollar across Trainium, Nvidia and TPU, when each
 * arrives, and the chain capital → cloud commitment → chip platform with its checkpoints.
 */
import {type CapitalChain, type Chip, capitalChain, type Deal, type Fleet, factGw, flopsToH100e, projectDealFleet} from "../../lib/core.js";
import {ChartCsv, PER_WATT, TIMELINE, timelineRows} from "../chartDownloads.js";
import {ChartFrame, type ChartSourceLine, chartSourceLine, nameList} from "../charts/chartFrame.js";
import {sectionWidth} from "../charts/fleetColors.js";
import {FleetBars, FleetCompute} from "../charts/fleetMix.js";
import {noChipText, RoadmapChain} from "../charts/roadmapChain.js";
import {type EfficiencyRow, efficiencyRows, RoadmapEfficiency, RoadmapPerDollar} from "../charts/roadmapEfficiency.js";
import {RoadmapTimeline} from "../charts/roadmapTimeline.js";
import {Deferred, heightAt} from "../deferred.js";
import {el} from "../dom.js";
import {bounded, count, figureWords, gw, monthYear, notProjectedText, pct, sig, times, withBound} from "../format.js";
import {Badge} from "../provenance.js";
import {capacityDeal, dealCapacityState} from "./capacity.js";
import type {Section, SectionContext} from "./types.js";

/** Everything the roadmap section draws for one deal. */
export interface RoadmapView {
  deal: Deal;
  /** The deal's capacity chips in fill order (oldest first). */
  chips: Chip[];
  /** Share of the capacity ceiling each chip fills (the schedule's mix); empty without chip counts. */
  mix: Record<string, number>;
  fleet: Fleet | null;
  chain: CapitalChain;
  live: boolean;
}

/** Returns the roadmap view of the context's deal: its fleet (recomputed for the controls if moved) and its chain. */
export function roadmapView(context: SectionContext): RoadmapView {
  const {data, analysis} = context;
  const deal = capacityDeal(context);
  const state = dealCapacityState(context);
  let fleet: Fleet | null = null;
  if (state?.capacity.accelerators)
    fleet = state.live ? projectDealFleet(state.capacity, data.chips, state.values, {deal}) : analysis.projections[deal.id].fleet;
  const byId = new Map(data.chips.map((c) => [c.id, c]));
  const chips = (deal.capacity?.chips ?? []).map((id) => byId.get(id)!).sort((a, b) => (a.available.date < b.available.date ? -1 : 1));
  return {
    deal,
    chips,
    mix: state?.capacity.accelerators ? state.capacity.mix : {},
    fleet,
    chain: capitalChain(data, deal.id),
    live: !!state?.live
  };
}

/** Returns the page's headline, computed from the mix and the chips' dates. */
export function roadmapHeadline({deal, chips, mix}: RoadmapView): string {
  const top = chips.filter((c) => (mix[c.id] ?? 0) > 0).sort((a, b) => mix[b.id] - mix[a.id])[0];
  if (!top || !deal.capacity) return `The chips behind ${deal.name}`;
  const ceiling = bounded(factGw(deal.capacity.ceiling), deal.capacity.ceiling.bound, gw);
  // A status as the sentence's complement: "is only reported", "is only an estimate", "is only an assumption".
  const only = top.available.status === "reported" ? "reported" : `an ${top.available.status}`;
  const month = monthYear(top.available.date);
  const when =
    top.available.status === "confirmed"
      ? top.available.date > deal.asOf
        ? `due in ${month}, a date its maker confirms`
        : `available since ${month}`
      : `a chip whose ${month} date is only ${only}`;
  return keepUnits(`${top.name} would fill ${pct(mix[top.id])} of the ${ceiling}, ${when}`);
}

/**
 * Returns the per-watt chart's caption on the points it marks as suspect (hollow, "?"): the generations that do less
 * per watt than their predecessor, where the text blames the IT power figure before the chip; "" when there is none
 * (s14 critic #19: Trainium3 at 0.5× its predecessor, charted without the caveat).
 *
 * @example suspectCaption([{name: "Trainium3", suspect: true, itKwStatus: "estimate"}]) // " A hollow dot marked “(?)” (Trainium3, on an IT power per chip that is an estimate) does less per watt than its line's previous generation. …"
 */
export function suspectCaption(rows: readonly Pick<EfficiencyRow, "name" | "suspect" | "itKwStatus">[]): string {
  const doubted = rows.filter((r) => r.suspect);
  if (!doubted.length) return "";
  const one = doubted.length === 1;
  const article = (status: string) => (/^[aeiou]/.test(status) ? `an ${status}` : status);
  const statuses = [...new Set(doubted.map((r) => r.itKwStatus))];
  // "(Trainium3, GB200 and GB300, each on an IT power per chip that is an estimate)": the status once when shared.
  const names =
    statuses.length === 1
      ? `${nameList(doubted.map((r) => r.name))}, ${one ? "on" : "each on"} an IT power per chip that is ${article(statuses[0])}`
      : doubted.map((r) => `${r.name}, on an IT power per chip that is ${article(r.itKwStatus)}`).join("; ");
  return ` ${one ? "A hollow dot" : "Hollow dots"} marked “(?)” (${names}) ${one ? "does" : "do"} less per watt than ${one ? "its" : "their"} line's previous generation. A new generation rarely does, so the IT power figure is the likelier error: read ${one ? "that point" : "those points"} as doubtful, not as a finding.`;
}

/** Returns the source line of a chart drawn from chips' compute and power (and their prices, with `priced`). */
function chipSource(data: SectionContext["data"], chips: readonly Chip[], priced = false): ChartSourceLine {
  const fields = priced ? ["flops.bf16", "price"] : ["flops.bf16", "itKw"];
  return chartSourceLine(data, {inputs: chips.flatMap((c) => fields.map((f) => `chip:${c.id}.${f}`))});
}

/** Returns the timeline's finding: the deal's next chip and when it is expected, or that every chip is out. */
function timelineFinding(chips: readonly Chip[], asOf: string, deal: Pick<Deal, "profile">): string {
  if (!chips.length) return noChipText(deal);
  const next = chips.filter((c) => c.available.date > asOf).sort((a, b) => a.available.date.localeCompare(b.available.date))[0];
  return next
    ? `The deal's next chip, ${next.name}, is expected in ${monthYear(next.available.date)} (${next.available.status})`
    : `Every chip the deal names was available by ${monthYear(asOf)}`;
}

function FleetPart(view: RoadmapView, {data, width, print}: SectionContext): HTMLElement {
  const {fleet, chips, deal} = view;
  if (!fleet?.years.length)
    return el(
      "p",
      {class: "muted"},
      // Say which half is missing: AMD has a dated point (1 GW by Dec 2026) but no chip with specifications (critic s9 M16).
      !deal.capacity?.schedule.length
        ? `${deal.name} gives no dated schedule, so there is no fleet to build year by year.`
        : !chips.length
          ? `${deal.name} gives a dated schedule, but none of its chips has sourced specifications, so there is no fleet to count year by year.`
          : `${deal.name} gives no dated schedule with named chips, so there is no fleet to build year by year.`
    );
  const h100 = data.chips.find((c) => c.id === "h100")!;
  const h100e = fleet.years.map((y) => flopsToH100e(y.flopsBf16, h100.flops.bf16.value));
  const peak = fleet.years.reduce((a, b) => (b.accelerators > a.accelerators ? b : a));
  const peakAt = fleet.years.indexOf(peak);
  const lead = chips.map((c) => ({c, n: peak.byChip[c.id] ?? 0})).sort((a, b) => b.n - a.n)[0];
  const life = fleet.cohorts.length ? fleet.cohorts[0].retires - fleet.cohorts[0].year : 0;
  const lastReplaced = fleet.cohorts.reduce<number | null>((y, c) => (c.replaces && (y === null || c.year > y) ? c.year : y), null);
  const options = {years: fleet.years, chips: chips.map((c) => ({id: c.id, name: c.name})), h100e, width, print};
  return el(
    "div",
    {},
    el(
      "p",
      {},
      `On the deal's own dates (no slip, every input at the scenario's value), at its peak in ${peak.year} the fleet holds ${count(peak.accelerators)} accelerators, ${count(h100e[peakAt])} H100-equivalents of dense BF16 compute; ${lead.c.name} is ${pct(lead.n / peak.accelerators)} of the chips. Each year's chips retire after ${life} years. ${
        lastReplaced
          ? `While the commitment runs, retired capacity is replaced with the same GW of the newest of the deal's chips available then (the last replacement in ${lastReplaced}), so the fleet shrinks only after the commitment ends.`
          : "Nothing retires inside a commitment here, or the deal states none, so the fleet shrinks once building stops."
      }`
    ),
    ChartFrame(
      el(
        "figure",
        {class: "roadmap-figure", "data-figure": "roadmap.fleet"},
        FleetBars(options),
        el(
          "figcaption",
          {},
          "Accelerators installed at each year end, by chip generation (millions); cohorts retire at the end of their useful life."
        )
      ),
      {
        title: `In the base scenario, at its peak in ${peak.year} the fleet holds ${count(peak.accelerators)} accelerators`,
        source: chipSource(data, chips)
      }
    ),
    ChartFrame(
      el(
        "figure",
        {class: "roadmap-figure", "data-figure": "roadmap.fleetCompute"},
        FleetCompute(options),
        el(
          "figcaption",
          {},
          `Fleet compute: dense BF16 FLOP/s ÷ one H100's ${sig(h100.flops.bf16.value)} PFLOP/s (millions of H100-equivalents).`
        )
      ),
      {
        title: `In the base scenario, at its peak in ${peak.year} the fleet computes like ${count(h100e[peakAt])} H100s`,
        source: chipSource(data, chips)
      }
    )
  );
}

function EfficiencyPart(view: RoadmapView, {analysis, data, width, print}: SectionContext): HTMLElement {
  const rows = efficiencyRows(
    analysis.chipEfficiency,
    view.chips.map((c) => c.id)
  );
  const best = rows.reduce((a, b) => (b.perWatt > a.perWatt ? b : a));
  const newest = [...rows.filter((r) => r.inDeal)].sort((a, b) => +b.date - +a.date)[0];
  type Row = {id: string; name: string; itKw: number; itKwStatus: string; gainPerWatt: number | null; fp8GainPerWatt: number | null};
  const all = analysis.chipEfficiency.flatMap((g: {chips: Row[]}) => g.chips) as Row[];
  const newestRow = newest ? all.find((c) => c.id === newest.id) : undefined;
  const gain = newestRow?.gainPerWatt ?? null;
  const gain8 = newestRow?.fp8GainPerWatt ?? null;
  // Generations that lose performance per watt on BF16 to their predecessor: a surprise worth saying out loud.
  const shifted = all.filter((c) => c.gainPerWatt !== null && c.gainPerWatt < 1);
  const priced = rows.filter((r) => r.perDollar !== null);
  // Per dollar compares chips on one price basis only: the leader of the basis with the most priced chips.
  const byBasis = new Map<string, typeof priced>();
  for (const r of priced) {
    const basis = r.priceBasis ?? "price basis not stated";
    byBasis.set(basis, [...(byBasis.get(basis) ?? []), r]);
  }
  const [leadBasis, leadGroup] = [...byBasis].sort((a, b) => b[1].length - a[1].length)[0] ?? ["", []];
  const cheapest = leadGroup.reduce((a, b) => (b.perDollar! > a.perDollar! ? b : a), leadGroup[0]);
  const unpriced = rows.filter((r) => r.perDollar === null);
  const chipsById = new Map(data.chips.map((c) => [c.id, c]));
  const sources = {sources: data.sourcesById, index: data.sourceNumbers};
  return el(
    "div",
    {},
    el(
      "p",
      {},
      newest
        ? `${newest.name}, the deal's newest chip, delivers ${sig(newest.perWatt)} TFLOP/s per watt${gain ? `, ${times(gain)} its predecessor's on BF16` : ""}${gain8 ? ` and ${times(gain8)} on 8-bit` : ""}; the most efficient chip in the data is ${best.name} at ${sig(best.perWatt)}. `
        : `The most efficient chip in the data is ${best.name} at ${sig(best.perWatt)} TFLOP/s per watt. `,
      "Figures are peak dense BF16 over IT power per chip (host and network included), so they compare designs, not delivered training speed."
    ),
    shifted.length
      ? el(
          "p",
          {class: "muted"},
          `Falling per watt between generations: ${shifted
            .map(
              (c) =>
                `${c.name} has ${times(c.gainPerWatt!)} its predecessor's BF16 per watt${c.fp8GainPerWatt !== null ? ` and ${times(c.fp8GainPerWatt)} its 8-bit per watt` : ""}, on an IT power of ${sig(c.itKw)} kW per chip (${c.itKwStatus})`
            )
            .join(
              "; "
            )}. A new generation rarely does less per watt, so the IT power figure, not the chip, is the first suspect; where a vendor claims a per-watt gain, these figures do not reproduce it.`
        )
      : null,
    ChartFrame(
      el(
        "figure",
        {class: "roadmap-figure", "data-figure": "roadmap.perWatt"},
        RoadmapEfficiency(rows, {width, print}),
        el(
          "figcaption",
          {},
          "Each dot is a chip generation at its availability date; lines join a vendor's generations; bold dots with a dark ring are this deal's chips. Log scale.",
          suspectCaption(rows)
        )
      ),
      {
        // The unit is per watt, as the figure's axis (critic s8 M8: "3.21 TFLOP/s" dropped it).
        title: `${best.name} delivers the most dense BF16 compute per watt: ${sig(best.perWatt)} TFLOP/s per watt`,
        source: chipSource(
          data,
          rows.map((r) => chipsById.get(r.id)).filter((c) => c !== undefined)
        )
      }
    ),
    !print && ChartCsv(PER_WATT, view.deal.id, rows, data.version),
    el("h4", {}, "Performance per dollar, where a price is public"),
    el(
      "p",
      {},
      `Only ${priced.length} of the ${rows.length} chips have a public rental price. No public price: ${unpriced.map((r) => r.name).join(", ")}.`
    ),
    priced.length
      ? ChartFrame(
          el(
            "figure",
            {class: "roadmap-figure", "data-figure": "roadmap.perDollar"},
            RoadmapPerDollar(rows, {width: Math.min(width, 720), print}),
            el(
              "table",
              {class: "roadmap-table"},
              el(
                "thead",
                {},
                el(
                  "tr",
                  {},
                  el("th", {}, "Chip"),
                  el("th", {}, "Price basis"),
                  el("th", {class: "num"}, "Price per chip-hour"),
                  el("th", {class: "num"}, "TFLOP/s per $/h")
                )
              ),
              el(
                "tbody",
                {},
                priced.map((r) => {
                  const price = chipsById.get(r.id)?.price;
                  return el(
                    "tr",
                    {},
                    el("td", {}, r.name),
                    el("td", {}, r.priceBasis ?? "not stated"),
                    el(
                      "td",
                      {class: "num"},
                      price
                        ? [figureWords({value: price.value, unit: "usd", bound: price.bound, status: price.status}), Badge(price, sources)]
                        : "n/a"
                    ),
                    el("td", {class: "num"}, sig(r.perDollar!))
                  );
                })
              )
            )
          ),
          {
            title:
              leadGroup.length > 1
                ? `On ${leadBasis}, ${cheapest.name} gives the most compute per rental dollar: ${sig(cheapest.perDollar!)} TFLOP/s per $/h`
                : `Compute per rental dollar, each chip on its own price basis: ${sig(cheapest.perDollar!)} TFLOP/s per $/h for ${cheapest.name}`,
            source: chipSource(
              data,
              priced.map((r) => chipsById.get(r.id)).filter((c) => c !== undefined),
              true
            )
          }
        )
      : null
  );
}

function TimelinePart({chips, chain, deal}: RoadmapView, {data, width, print}: SectionContext): HTMLElement {
  const roadmap = chain.checkpoints.find((c) => c.id === "roadmap-alignment");
  const fills = roadmap && "chips" in roadmap ? roadmap.chips : [];
  const narrow = width < 560;
  const points = (deal.capacity?.schedule ?? []).map((p) => {
    const power = gw(factGw(p.gw));
    return {by: p.by, label: narrow ? `${power} · ${p.by.slice(0, 4)}` : `${withBound(power, p.gw.bound)} by ${monthYear(p.by)}`};
  });
  const asOf = deal.asOf;
  const out = chips.filter((c) => c.available.date <= asOf);
  const next = chips.find((c) => c.available.date > asOf);
  return el(
    "div",
    {},
    el(
      "p",
      {},
      chips.length
        ? `${availability(chips.length, out.length, monthYear(asOf))}${next ? `; ${next.name} is expected in ${monthYear(next.available.date)} (${next.available.status})` : ""}. Bars run from a chip's availability to the month it fills capacity in volume.`
        : `${noChipText(deal)}.`
    ),
    ChartFrame(
      el(
        "figure",
        {class: "roadmap-figure", "data-figure": "roadmap.timeline"},
        RoadmapTimeline({chips: data.chips, fills, points, width, print}),
        el(
          "figcaption",
          {},
          "Dots: each chip's availability date, in its maker's colour as in the charts above; solid when the date is confirmed, hollow when it is reported (rep.), estimated (est.) or assumed (assum.); larger: the deal's chips. Bars: from a chip's availability to the month it fills the deal's capacity in volume. Dashed lines: the deal's schedule points."
        )
      ),
      {title: timelineFinding(chips, asOf, deal), source: chartSourceLine(data, {sources: chips.map((c) => c.available.source)})}
    ),
    !print && ChartCsv(TIMELINE, deal.id, timelineRows(data.chips, fills), data.version)
  );
}

// "2 of the deal's 3 chips were available by Jun 2026", with the right number and verb.
function availability(total: number, out: number, by: string): string {
  if (total === 1) return `The deal's one chip ${out ? "was" : "was not yet"} available by ${by}`;
  return `${out === total ? "All" : out} of the deal's ${total} chips ${out === 1 ? "was" : "were"} available by ${by}`;
}

// Keeps "5 GW" and "Jan 2027" on one line in a headline.
function keepUnits(text: string): string {
  return text.replace(/(\d) (GW|MW|TWh)\b/g, "$1\u00a0$2").replace(/\b([A-Z][a-z]{2}) (\d{4})\b/g, "$1\u00a0$2");
}

/**
 * The line a deal without any chip of its own in the chip data reads in place of the peers' per-watt, per-dollar and
 * timeline charts: "AMD → OpenAI's hardware (AMD Instinct MI450 first, …) has no chip in the data with sourced specifications, so no chart
 * here would show one of them; the other deals' generations are compared on the chip roadmap page and in the market
 * briefing."
 */
export function noPeerChartsText(deal: Pick<Deal, "profile" | "name">): string {
  return `${deal.name}'s hardware (${deal.profile.hardwareAngle}) has no chip in the data with sourced specifications, so no per-watt, per-dollar or timeline chart here would show one of them; the generations of the other deals' chips are compared on the chip roadmap page and in the market briefing.`;
}

export const roadmap: Section = {
  id: "roadmap",
  title: "Chip roadmap",
  perDeal: true,
  render(given) {
    const context = {...given, width: sectionWidth(given.width)};
    const view = roadmapView(context);
    // On screen, every part (below a phone's first screen) draws as it comes near it, each in a task of its own,
    // holding about its height (measured at a phone's and a desktop's width); print draws all.
    const later = (draw: () => Node, narrow: number, wide: number, key: string) =>
      context.print ? draw() : Deferred(draw, {height: heightAt(context.width, [326, narrow], [912, wide]), key: `roadmap/${key}`});
    return el(
      "div",
      {class: "roadmap-section"},
      // A superseded deal builds no fleet: one line instead of one projected for it (critic s8 M11).
      ...(view.deal.status === "superseded"
        ? [el("p", {class: "muted"}, notProjectedText("The fleet its capacity would have held, year by year,", view.deal))]
        : [el("h3", {}, "Which generations fill the capacity"), later(() => FleetPart(view, context), 1225, 910, "fleet")]),
      // A deal none of whose chips has sourced specifications would get only the peers' charts, none of them its own:
      // one line says so instead of two pages of other deals' chips (critic s9 M5).
      ...(view.chips.length
        ? [
            el("h3", {}, "Performance per watt, generation by generation"),
            later(() => EfficiencyPart(view, context), 2340, 1720, "efficiency"),
            el("h3", {}, "When each generation arrives"),
            later(() => TimelinePart(view, context), 780, 660, "timeline")
          ]
        : [el("h3", {}, "Chip generations"), el("p", {class: "roadmap-no-chips"}, noPeerChartsText(view.deal))]),
      el("h3", {}, "Capital → cloud commitment → chip platform"),
      el(
        "p",
        {},
        "Equity buys a claim on the lab; the lab reserves consumption on the investor's cloud; that spend is a bet on a chip platform; checkpoints say whether the bet is paying off. Each status below is computed from the schedule, the chip data and the dated signals."
      ),
      later(() => RoadmapChain(view.chain, view.deal, context), 1180, 480, "chain")
    );
  }
};
