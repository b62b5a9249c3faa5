/**
 * Chip roadmap: which generations fill a deal's capacity as it arrives (the fleet by year and its compute), how
 * the generations compare on performance per watt and per dollar across Trainium, Nvidia and TPU, when each
 * arrives, and the chain capital → cloud commitment → chip platform with its checkpoints.
 */
import {
  type CapitalChain,
  type Chip,
  type ChipEfficiency,
  capitalChain,
  type Deal,
  type Fleet,
  factGw,
  flopsToH100e,
  projectDealFleet
} from "../../lib/core.js";
import {ChartCsv, PER_WATT, TIMELINE, timelineRows} from "../chartDownloads.js";
import {ChartFrame, type ChartSourceLine, chartSourceLine, nameList} from "../charts/chartFrame.js";
import {sectionWidth, shortChipName} from "../charts/fleetColors.js";
import {FleetBars, FleetCompute} from "../charts/fleetMix.js";
import {noChipText, RoadmapChain} from "../charts/roadmapChain.js";
import {
  type EfficiencyRow,
  efficiencyRows,
  FALLS_MARK,
  fallsPerWatt,
  lessPerWattWords,
  RoadmapEfficiency,
  RoadmapPerDollar
} from "../charts/roadmapEfficiency.js";
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

/** The rows' fields the per-watt diagnosis reads. */
type Diagnosed = Pick<
  EfficiencyRow,
  "name" | "suspect" | "itKwStatus" | "predecessorName" | "computeRatio" | "powerRatio" | "fp8ComputeRatio"
>;

/** Below this ratio a chip's compute per chip (or per watt) counts as lower than its predecessor's (5%: the sources' rounding). */
const COMPUTE_FELL = 0.95;

/**
 * Returns where each falling generation's loss per watt comes from, from its figures, claiming only what they show
 * (s16 critic #9: "its compute per chip did not fall, so the loss comes from the IT power figure alone: read that
 * point as doubtful" was said of Trainium3, whose 8-bit per chip nearly doubled on twice the power, what a generation
 * that traded BF16 for 8-bit looks like): "Trainium3 has 1× Trainium2's dense BF16 per chip and 1.9× its 8-bit on 2×
 * its IT power per chip (the IT power per chip is an estimate)", then, by what the figures show: where 8-bit per watt
 * held, the loss is on BF16 alone and does not by itself show the power figure wrong; where the BF16 per chip did not
 * fall and no 8-bit figure says more, the loss is the higher IT power per chip, which the figures cannot tell from an
 * estimate set too high (said only where the power is not confirmed); where the compute fell, the two points may be
 * different parts. "" without a falling generation.
 */
export function perWattDiagnosis(rows: readonly Diagnosed[]): string {
  const doubted = rows.filter((r) => r.suspect && r.predecessorName && r.computeRatio !== null && r.powerRatio !== null);
  if (!doubted.length) return "";
  const one = doubted.length === 1;
  const article = (status: string) => (/^[aeiou]/.test(status) ? `an ${status}` : status);
  const parts = doubted.map((r, i) => {
    const fp8 =
      r.fp8ComputeRatio === null ? "" : i === 0 ? ` and ${times(r.fp8ComputeRatio)} its 8-bit` : ` (${times(r.fp8ComputeRatio)} on 8-bit)`;
    return i === 0
      ? `${r.name} has ${times(r.computeRatio!)} ${r.predecessorName}'s dense BF16 per chip${fp8} on ${times(r.powerRatio!)} its IT power per chip`
      : `${r.name} ${times(r.computeRatio!)} ${r.predecessorName}'s${fp8} on ${times(r.powerRatio!)}`;
  });
  const statuses = [...new Set(doubted.map((r) => r.itKwStatus))];
  const status =
    statuses.length === 1
      ? `the IT power per chip is ${article(statuses[0])}${one ? "" : " for each"}`
      : doubted.map((r) => `${r.name}'s IT power is ${article(r.itKwStatus)}`).join(", ");
  // 8-bit per watt against the same predecessor: 8-bit per chip ÷ IT power per chip.
  const fp8PerWatt = (r: Diagnosed) => (r.fp8ComputeRatio !== null ? r.fp8ComputeRatio / r.powerRatio! : null);
  const fell = doubted.filter((r) => r.computeRatio! < COMPUTE_FELL);
  const held8 = doubted.filter((r) => !fell.includes(r) && (fp8PerWatt(r) ?? 0) >= COMPUTE_FELL);
  const flat = doubted.filter((r) => !fell.includes(r) && !held8.includes(r));
  const verdicts: string[] = [];
  if (held8.length) {
    const each = held8.map((r) => `${r.name} does ${times(fp8PerWatt(r)!)} ${r.predecessorName}'s per watt`);
    verdicts.push(
      `On 8-bit, ${nameList(each)}: the loss is on BF16, which ${held8.length === 1 ? "it" : "they"} did not scale, as in a generation built for 8-bit, so ${held8.length === 1 ? "the point does" : "the points do"} not by ${held8.length === 1 ? "itself" : "themselves"} show the IT power figure to be wrong.`
    );
  }
  if (flat.length) {
    const unconfirmed = flat.filter((r) => r.itKwStatus !== "confirmed");
    const subject = flat.length === 1 ? `${flat[0].name}'s` : `${nameList(flat.map((r) => r.name))}'s`;
    verdicts.push(
      `${subject} BF16 per chip did not fall, so the loss is the higher IT power per chip${unconfirmed.length ? `; the figures cannot tell a chip that draws more from ${unconfirmed.length === flat.length ? "an" : `${nameList(unconfirmed.map((r) => r.name))}'s`} estimate set too high` : ""}.`
    );
  }
  if (fell.length)
    verdicts.push(
      `${nameList(fell.map((r) => r.name))} ${fell.length === 1 ? "has" : "have"} less compute per chip than the point ${fell.length === 1 ? "it is" : "they are"} compared with, so the two may be different parts rather than successive generations.`
    );
  return `${parts.join(", ")} (${status}). ${verdicts.join(" ")}`;
}

/**
 * Returns the per-watt chart's caption on the points it marks as suspect (hollow, "?"): the generations that do less
 * per watt than their predecessor, and where the loss comes from ({@link perWattDiagnosis}); "" when there is none
 * (s14 critic #19: Trainium3 at 0.5× its predecessor, charted without the caveat; s15 critic #5: the caption blamed
 * the IT power figure for GB200, compared then with B200, the same GPU in another server).
 *
 * @example suspectCaption([trainium3]) // " A hollow dot marked “(?)” does less per watt than the previous generation of its line: Trainium3 has 1× Trainium2's dense BF16 per chip and 1.9× its 8-bit on 2× its IT power per chip (…). On 8-bit, Trainium3 does 0.97× Trainium2's per watt: …"
 */
export function suspectCaption(rows: readonly Diagnosed[]): string {
  const doubted = rows.filter((r) => r.suspect);
  if (!doubted.length) return "";
  const one = doubted.length === 1;
  return ` ${one ? "A hollow dot" : "Hollow dots"} marked “${FALLS_MARK}” ${lessPerWattWords(doubted.length)}: ${perWattDiagnosis(rows)}`;
}

/**
 * Returns the per-watt chart's title: its finding about the deal's chips where there are any (s15 critic #5: it named
 * Nvidia's Rubin on Amazon → Anthropic's page), beside the leader of the data; the leader alone otherwise.
 */
export function perWattTitle(rows: readonly Pick<EfficiencyRow, "id" | "name" | "perWatt" | "inDeal">[]): string {
  const best = rows.reduce((a, b) => (b.perWatt > a.perWatt ? b : a));
  const dealRows = rows.filter((r) => r.inDeal);
  const dealBest = dealRows.length ? dealRows.reduce((a, b) => (b.perWatt > a.perWatt ? b : a)) : undefined;
  if (!dealBest) return `${best.name} delivers the most dense BF16 compute per watt: ${sig(best.perWatt)} TFLOP/s per watt`;
  if (dealBest.id === best.id)
    return `${best.name}, one of the deal's chips, delivers the most dense BF16 compute per watt in the data: ${sig(best.perWatt)} TFLOP/s per watt`;
  return `Of the deal's chips, ${dealBest.name} delivers the most dense BF16 compute per watt, ${sig(dealBest.perWatt)} TFLOP/s per watt; ${best.name} leads the data at ${sig(best.perWatt)}`;
}

/**
 * Returns the per-watt lead's comparison for a deal's newest chip (s15 critic #5: "Trainium4 … 2.5× its predecessor's
 * on BF16" was measured against Trainium3, a point that falls per watt): against its predecessor, named, or
 * where that predecessor falls per watt ({@link fallsPerWatt}), against the nearest generation back that does not,
 * saying which it passes over in the caption's words ({@link lessPerWattWords}; s16: it said "doubtful"); where the
 * chip itself falls, that the chart marks it. "" for a line's first chip.
 */
export function perWattComparison(
  newest: {id: string; flopsPerWatt: number; fp8FlopsPerWatt: number | null; gainPerWatt: number | null; predecessor: string | null},
  all: readonly {
    id: string;
    name: string;
    flopsPerWatt: number;
    fp8FlopsPerWatt: number | null;
    gainPerWatt: number | null;
    predecessor: string | null;
  }[]
): string {
  const byId = new Map(all.map((c) => [c.id, c]));
  const name = (c: {name: string}) => shortChipName(c.name);
  let against = newest.predecessor ? byId.get(newest.predecessor) : undefined;
  if (!against) return "";
  const skipped: string[] = [];
  while (against && fallsPerWatt(against)) {
    skipped.push(name(against));
    against = against.predecessor ? byId.get(against.predecessor) : undefined;
  }
  // The caption's wording for the same flag, and no more: the point does less per watt than its predecessor.
  const point = (n: number) => `${n === 1 ? "a hollow “(?)” point" : "hollow “(?)” points"} on the chart`.replace("(?)", FALLS_MARK);
  if (!against) return `; its predecessor, ${skipped[0]}, ${lessPerWattWords(1)} (${point(1)})`;
  const bf16 = newest.flopsPerWatt / against.flopsPerWatt;
  const fp8 = newest.fp8FlopsPerWatt !== null && against.fp8FlopsPerWatt !== null ? newest.fp8FlopsPerWatt / against.fp8FlopsPerWatt : null;
  const ratio = `${times(bf16)} ${name(against)}'s on BF16${fp8 !== null ? ` and ${times(fp8)} on 8-bit` : ""}`;
  if (skipped.length)
    return `, ${ratio} (against ${name(against)}, not ${nameList(skipped)}, which ${lessPerWattWords(skipped.length)}: ${point(skipped.length)})`;
  return fallsPerWatt(newest) ? `, ${ratio}: it ${lessPerWattWords(1)} (${point(1)})` : `, ${ratio}`;
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
  const all = analysis.chipEfficiency.flatMap((g: {chips: ChipEfficiency[]}) => g.chips) as ChipEfficiency[];
  const newestRow = newest ? all.find((c) => c.id === newest.id) : undefined;
  // Generations that lose performance per watt on BF16 to their predecessor: a surprise worth saying out loud.
  const shifted = all.filter(fallsPerWatt);
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
        ? `${newest.name}, the deal's newest chip, delivers ${sig(newest.perWatt)} TFLOP/s per watt${newestRow ? perWattComparison(newestRow, all) : ""}; ${best.id === newest.id ? "it is the most efficient chip in the data" : `the most efficient chip in the data is ${best.name} at ${sig(best.perWatt)}`}. `
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
                `${shortChipName(c.name)} has ${times(c.gainPerWatt!)} ${rows.find((r) => r.id === c.id)?.predecessorName ?? "its predecessor"}'s BF16 per watt${c.fp8GainPerWatt !== null ? ` and ${times(c.fp8GainPerWatt)} its 8-bit per watt` : ""}, on an IT power of ${sig(c.itKw)} kW per chip (${c.itKwStatus})`
            )
            .join(
              "; "
            )}. The chart's caption says where each loss comes from; where a vendor claims a per-watt gain, these figures do not reproduce it.`
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
          "Each dot is a chip generation at its availability date; a line joins each chip to the earlier one the text compares it with; bold dots with a dark ring are this deal's chips. Log scale.",
          suspectCaption(rows)
        )
      ),
      {
        // The unit is per watt, as the figure's axis (critic s8 M8: "3.21 TFLOP/s" dropped it).
        title: perWattTitle(rows),
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
