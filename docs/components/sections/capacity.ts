/**
 * Capacity: what a deal's "up to N GW" means in accelerators, servers, buildings, energy and compute, how it comes
 * online year by year and by chip generation, and what a slip does to it. Recomputes with the core when the
 * reader moves the scenario controls; otherwise shows the precomputed base projection.
 */

import type {BandsFile} from "../../../src/site/types.js";
import {
  type CapacityProjector,
  capacityBands,
  capacityName,
  type Deal,
  type DealCapacity,
  dealCapacityMonths,
  MONTE_CARLO_DRAWS,
  prepareDealCapacity,
  type Scenario,
  type ScenarioValues,
  scenarioValues,
  scheduleGw
} from "../../lib/core.js";
import {CAPACITY_RAMP, ChartCsv} from "../chartDownloads.js";
import {CapacityCards, explainerChains} from "../charts/capacityCards.js";
import {CapacityRamp} from "../charts/capacityRamp.js";
import {CapacitySteps} from "../charts/capacitySteps.js";
import {ChartFrame, chartSourceLine} from "../charts/chartFrame.js";
import {sectionWidth} from "../charts/fleetColors.js";
import {selectInput} from "../choice.js";
import {Deferred, heightAt} from "../deferred.js";
import {el} from "../dom.js";
import {bounded, capacityPhrase, count, gw, monthYear, notProjectedText, sig, theFigure} from "../format.js";
import type {CapacityView} from "./capacityView.js";
import type {Section, SectionContext} from "./types.js";

export type {CapacityView} from "./capacityView.js";

/** Bands per deal and scenario, from the build (`data/capacity-bands.json`; /capacity reads its own deals' in `data/pages/capacity.json`). */
export type CapacityBandsFile = BandsFile;

/** The section context, optionally with the build's bands (the capacity page and the briefings pass them; else computed here). */
export interface CapacityContext extends SectionContext {
  bands?: CapacityBandsFile;
}

/** Drawn heights (px) of the explainer chains and of the ramp part at a 326 and a 912 px section width (base scenario, measured). */
const [STEPS_NARROW, STEPS_WIDE, RAMP_NARROW, RAMP_WIDE] = [1330, 840, 1200, 970];

const projectors = new WeakMap<object, CapacityProjector | null>();
const BROWSER_DRAWS = 1000;

/** Returns the deal named by the context; throws `invalid dealId: x` when there is none. */
export function capacityDeal({data, dealId}: SectionContext): Deal {
  const deal = data.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid dealId: ${dealId}`);
  return deal;
}

/** A deal's capacity projection for the context: the base one from `analysis`, or one recomputed for the controls. */
export interface DealCapacityState {
  deal: Deal;
  values: ScenarioValues;
  capacity: DealCapacity;
  /** True when the figures were recomputed for the reader's controls. */
  live: boolean;
}

/**
 * Returns the context deal's capacity projection: the base projection from `analysis`, or, when the controls
 * differ from the base scenario, one recomputed with the core (prepared once per deal); null without capacity.
 */
export function dealCapacityState(context: SectionContext): DealCapacityState | null {
  const {data, analysis, controls} = context;
  const deal = capacityDeal(context);
  if (!deal.capacity) return null;
  const projection = analysis.projections[deal.id];
  // A briefing may ask for another scenario than the precomputed base one, without controls.
  const asked =
    !controls && context.scenario && context.scenario !== projection.scenario
      ? data.scenarios.find((s: Scenario) => s.id === context.scenario)
      : null;
  const live = asked ? true : !!controls && (controls.scenario !== "base" || controls.changed.length > 0);
  const values: ScenarioValues = asked
    ? scenarioValues(data.assumptions, asked)
    : live
      ? {scenario: controls!.scenario, ramp: controls!.ramp as ScenarioValues["ramp"], values: controls!.values as ScenarioValues["values"]}
      : {scenario: projection.scenario, ramp: projection.ramp, values: projection.assumptions};
  let capacity: DealCapacity | null = live ? null : projection.capacity;
  if (!capacity) {
    if (!projectors.has(deal)) projectors.set(deal, prepareDealCapacity(deal, data.chips, data.assumptions));
    capacity = projectors.get(deal)!(values);
  }
  return {deal, values, capacity, live};
}

/**
 * Returns the capacity view of the context's deal (see dealCapacityState), with the monthly ramp and the P10–P90
 * bands: the build's for the scenario, or recomputed in the browser when the reader moved a slider.
 */
export function capacityView(context: CapacityContext): CapacityView | null {
  const state = dealCapacityState(context);
  if (!state) return null;
  const {data, controls} = context;
  const {deal, values, capacity, live} = state;
  // The page's headline and the section ask for the same view in one pass: the monthly ramp is worked out once.
  const key = `${deal.id}:${live}:${controls?.changed.join(",") ?? ""}:${JSON.stringify(values)}`;
  if (lastView && lastView.key === key && lastView.data === data && lastView.bands === context.bands && lastView.capacity === capacity)
    return lastView.view;
  const bands =
    live && controls?.changed.length
      ? capacityBands(data, deal.id, {
          draws: BROWSER_DRAWS,
          seed: context.bands?.seed ?? "compute-deals",
          scenario: values.scenario,
          values: values.values
        })
      : (context.bands?.bands[deal.id]?.[values.scenario] ?? capacityBands(data, deal.id, {scenario: values.scenario}));
  const throughYear = bands?.years.at(-1)?.year;
  const months = dealCapacityMonths(deal, data.chips, values, {throughYear})!;
  const scenario = data.scenarios.find((s) => s.id === values.scenario) ?? {
    id: values.scenario,
    label: values.scenario
  };
  const chips = deal.capacity!.chips.map((id) => data.chips.find((c) => c.id === id)!);
  const view = {deal, chips, scenario, values, capacity, months, bands, live};
  lastView = {key, data, bands: context.bands, capacity, view};
  return view;
}

let lastView: {key: string; data: object; bands: unknown; capacity: DealCapacity; view: CapacityView} | null = null;

/** Returns the page's headline, computed: "Up to 5 GW is about 2.65 million accelerators drawing 35 TWh a year". */
export function capacityHeadline(view: CapacityView | null, dealName: string): string {
  if (!view) return `${dealName} states no capacity in gigawatts`;
  const {capacity, deal} = view;
  const power = bounded(capacity.gw.value, capacity.gw.bound, gw);
  const energy = `${Math.round(capacity.energyTwhPerYear.value)} TWh a year`;
  // A superseded deal's capacity is history: what the replaced terms would have meant, not capacity coming online.
  if (deal.status === "superseded")
    return keepUnits(
      `${cap(power)} of ${dealName} ${capacity.accelerators ? `would have meant ${count(capacity.accelerators.value)} accelerators` : `would have drawn ${energy}`}; superseded${deal.supersededOn ? ` in ${monthYear(deal.supersededOn.date)}` : ""}`
    );
  if (!capacity.accelerators) return keepUnits(`${cap(power)} of ${dealName} would draw ${energy}`);
  return keepUnits(`${cap(power)} means ${count(capacity.accelerators.value)} accelerators drawing ${energy}`);
}

/** Returns a deal picker over the deals with capacity (`?deal=` in the URL); its value is the deal id. */
export function CapacityDealPicker(
  deals: readonly Deal[],
  {url = true, all = false}: {url?: boolean; all?: boolean} = {}
): HTMLElement & {value: string} {
  const options = all ? deals : deals.filter((d) => d.capacity);
  const requested = url ? new URLSearchParams(location.search).get("deal") : null;
  const initial = options.find((d) => d.id === requested) ?? options.find((d) => d.id === "amazon-anthropic") ?? options[0];
  const select = selectInput(options, {label: "Deal", value: initial, format: (d) => d.name});
  const root = el("div", {class: "deal-picker no-print"}, select) as unknown as HTMLElement & {value: string};
  const keep = () => {
    if (!url) return;
    const params = new URLSearchParams(location.search);
    if (select.value.id === "amazon-anthropic") params.delete("deal");
    else params.set("deal", select.value.id);
    const query = params.toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  };
  root.value = select.value.id;
  select.addEventListener("input", (event) => {
    event.stopPropagation();
    root.value = select.value.id;
    keep();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  // Other controls (ScenarioControls) rewrite the query string with their own state, on creation and on every
  // input; put the deal back after them.
  if (url) {
    addEventListener("input", () => queueMicrotask(keep));
    setTimeout(keep, 0);
  }
  keep();
  return root;
}

/** Returns the delivery-ramp part: a sentence, the chart, its caption and a year-by-year table. */
export function CapacityRampPart(view: CapacityView, {data, width, print}: Pick<SectionContext, "data" | "width" | "print">): HTMLElement {
  const {deal, capacity, months, bands, chips, scenario} = view;
  const schedule = deal.capacity!.schedule;
  if (!schedule.length) {
    return el(
      "p",
      {class: "muted"},
      `${deal.name} gives no dated schedule, only ${capacityPhrase(deal.capacity!, bounded(capacity.gw.value, capacity.gw.bound, gw))}: there is no ramp to draw.`
    );
  }
  // In GW whatever unit the data states them in (a schedule point may be in MW).
  const points = scheduleGw(schedule);
  const years = bands?.years ?? [];
  const slipHigh = data.assumptions.find((a) => a.id === "slip-months")?.high ?? 0;
  const first = years[0];
  const full = years.find((y) => y.gw.value >= capacity.gw.value - 1e-9);
  const lastGw = months.months.at(-1)?.gw ?? 0;
  const draws = bands?.draws ?? 0;
  // A floor or a part of the deal's chips is not a ceiling (capacityName): "short of the over 10 GW stated capacity".
  const noun = capacityName(deal.capacity).replace(/^the /, "");
  const sentence = [
    first
      ? `By the end of ${first.year}, ${gw(first.gw.value)} would be online in the ${scenario.label.toLowerCase()} scenario: the median of ${count(draws)} draws, P10–P90 ${gw(first.gw.p10)} to ${gw(first.gw.p90)}, with delivery slipping by up to ${slipHigh} months. On the deal's own dates (no slip, every input at the scenario's value, no draw) it would be ${gw(first.gw.base)}. `
      : "",
    full
      ? `The ${bounded(capacity.gw.value, capacity.gw.bound, gw)} ${noun} is reached in ${full.year} (median).`
      : `The schedule's last point stops at ${gw(lastGw)}, short of ${theFigure(bounded(capacity.gw.value, capacity.gw.bound, gw), noun)}.`
  ].join("");
  const finding = full
    ? `The ${bounded(capacity.gw.value, capacity.gw.bound, gw)} ${noun} would be online by the end of ${full.year}`
    : `The schedule stops at ${gw(lastGw)}, short of ${theFigure(bounded(capacity.gw.value, capacity.gw.bound, gw), noun)}`;
  const inputs = [capacity.gw, capacity.energyTwhPerYear, capacity.accelerators].flatMap((f) => f?.lineage.inputs ?? []);
  return el(
    "div",
    {class: "capacity-ramp"},
    el("p", {}, sentence),
    ChartFrame(
      el(
        "figure",
        {class: "capacity-ramp-chart"},
        CapacityRamp({
          months,
          bands: years,
          schedule: points,
          ceiling: {gw: capacity.gw.value, bound: capacity.gw.bound},
          chips: chips.map((c) => ({id: c.id, name: c.name})),
          // A deal whose chips are named but have no sourced specifications (AMD's MI450) says so, not "not named".
          unnamed: deal.hardware.other.length ? "Capacity (chips named, no sourced specifications)" : undefined,
          width,
          print
        }),
        el(
          "figcaption",
          {},
          `Facility GW online at the end of each month, stacked by the chip that fills it (the newest chip available six months before; the deal's oldest chip from its own availability, since it displaces none). Dots: the deal's schedule points, solid when confirmed and hollow otherwise (${points.map((p) => `${bounded(p.gw, p.bound, gw)} by ${monthYear(p.by)}: ${p.status}`).join("; ")}). Whiskers: P10–P90 of GW online at each year end over ${count(bands?.draws ?? 0)} seeded draws (slip, PUE and the chips' power and FLOP/s ranges). The area: the deal's own dates, no slip. Dashed: the ceiling.`
        )
      ),
      {title: finding, source: chartSourceLine(data, {inputs})}
    ),
    // On a phone the table is wider than the column: it scrolls in its own box, not the page (print: as it was).
    print ? RampTable(view) : scrollBox(RampTable(view)),
    !print && bands?.years.length ? ChartCsv(CAPACITY_RAMP, `${deal.id}-${scenario.id}`, bands.years, data.version) : null
  );
}

function scrollBox(table: HTMLElement | null): HTMLElement | null {
  return table && el("div", {class: "table-scroll", tabindex: "0"}, table);
}

function RampTable({bands, capacity}: CapacityView): HTMLElement | null {
  if (!bands?.years.length) return null;
  return el(
    "table",
    {class: "capacity-ramp-table"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "Year end"),
        el("th", {class: "num"}, "GW online, median"),
        el("th", {class: "num"}, "P10–P90, GW"),
        el("th", {class: "num"}, "On schedule, GW"),
        el("th", {class: "num"}, "TWh in the year, median"),
        capacity.h100e ? el("th", {class: "num"}, "H100e (dense BF16), millions, median") : null
      )
    ),
    el(
      "tbody",
      {},
      bands.years.map((y) =>
        el(
          "tr",
          {},
          el("td", {}, String(y.year)),
          el("td", {class: "num"}, sig(y.gw.value)),
          el("td", {class: "num nowrap"}, `${sig(y.gw.p10)}–${sig(y.gw.p90)}`),
          el("td", {class: "num"}, sig(y.gw.base)),
          el("td", {class: "num"}, sig(y.energyTwh.value)),
          capacity.h100e ? el("td", {class: "num"}, y.h100e ? sig(y.h100e.value / 1e6) : "n/a") : null
        )
      )
    )
  );
}

export const capacity: Section = {
  id: "capacity",
  title: "Capacity",
  perDeal: true,
  render(given) {
    const context = {...given, width: sectionWidth(given.width)};
    const view = capacityView(context as CapacityContext);
    const deal = capacityDeal(context);
    if (!view) return el("p", {class: "muted"}, `${deal.name} states no capacity in gigawatts: its compute is stated in money or chips.`);
    const superseded = deal.status === "superseded" ? deal.supersededOn : undefined;
    // On screen, the parts after the cards (below a phone's first two screens) draw as they come near it, each in a
    // task of its own, holding about their height (measured at a phone's and a desktop's width); print draws all.
    const later = (draw: () => Node, narrow: number, wide: number, key: string) =>
      context.print ? draw() : Deferred(draw, {height: heightAt(context.width, [326, narrow], [912, wide]), key: `capacity/${key}`});
    return el(
      "div",
      {class: "capacity-section"},
      deal.status === "superseded"
        ? el(
            "p",
            {class: "capacity-superseded"},
            `History, not live capacity: these terms were superseded${superseded ? ` on ${monthYear(superseded.date)} (${superseded.status})` : ""}${superseded?.note ? `. ${superseded.note}` : ""}. The figures below convert what the replaced terms stated; they count in no ranking or total.`
          )
        : null,
      el("h3", {}, `What ${bounded(view.capacity.gw.value, view.capacity.gw.bound, gw)} holds`),
      CapacityCards(view, context),
      // Only where there are accelerator, system and compute cards to explain (critic s9 LOW: AMD's and Broadcom's page 3).
      view.capacity.central === "median" && view.capacity.accelerators
        ? el(
            "p",
            {class: "capacity-convention"},
            el("strong", {}, "Median on the cards, base scenario in the chains. "),
            `The accelerator, system and compute cards show the median of ${count(MONTE_CARLO_DRAWS)} seeded draws over the assumptions' ranges and the chips' own ranges of IT power and FLOP/s (the P10–P90 bands are in the methodology)${baseBeside(view)}. The chains below work the arithmetic in the base scenario, every input at its base value with no draw; each count that differs from its card names the card's median beside it.`
          )
        : null,
      el("h3", {}, `How to read ${gw(view.capacity.gw.value)}`),
      later(() => CapacitySteps(explainerChains(view, context)), STEPS_NARROW, STEPS_WIDE, "steps"),
      // A superseded deal's schedule is history: one line instead of a ramp projected for it (critic s8 M11).
      ...(deal.status === "superseded"
        ? [el("p", {class: "capacity-superseded"}, notProjectedText("How the capacity would have come online", deal))]
        : [
            el("h3", {}, "How it comes online, by chip generation"),
            later(() => CapacityRampPart(view, context), RAMP_NARROW, RAMP_WIDE, "ramp")
          ])
    );
  }
};

// ", e.g. 2.37 million accelerators (base scenario: 2.65 million)": the one count a reader compares first, both ways.
function baseBeside({capacity}: CapacityView): string {
  const median = capacity.accelerators?.value;
  const base = capacity.base?.accelerators;
  if (median === undefined || base === undefined || count(median) === count(base)) return "";
  return `, e.g. ${count(median)} accelerators (base scenario: ${count(base)})`;
}

// Keeps "5 GW" and "2.65 million" on one line in a headline.
function keepUnits(text: string): string {
  return text.replace(/(\d) (GW|MW|TWh|million|billion)\b/g, "$1\u00a0$2");
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
