/**
 * Future-chip options: for one deal, the value of its right to take capacity on a future chip generation (closed
 * form and Monte Carlo), the cost of waiting a year, the model's inputs and limits, a heat map of the value against
 * volatility and time to exercise, and the article's four questions. `optionsQuestions` answers the four questions
 * for every deal that holds an option.
 */
import {
  type AssumptionValues,
  type ChipOptionValue,
  type Deal,
  type DealOptions,
  type DealProjection,
  type DealProjector,
  type Figure,
  isNilOptionValue,
  OPTION_NIL_SHARE,
  OPTION_VALUATION_DATE,
  optionNilText,
  optionValueText,
  prepareDealProjector,
  unvaluedReason
} from "../../lib/core.js";
import {ChartCsv, OPTION_GRID, optionCellRows} from "../chartDownloads.js";
import {ChartFrame, chartSourceLine} from "../charts/chartFrame.js";
import {OptionsHeatmap} from "../charts/optionsHeatmap.js";
import {Deferred, heightAt} from "../deferred.js";
import {el} from "../dom.js";
import {date, modelUsd, pct, plusMinus, ratioNumber, sig, usd} from "../format.js";
import {Badge, NamedDerivedBadge} from "../provenance.js";
import {OptionsQuestionsTable} from "../tables/optionsQuestions.js";
import type {Section, SectionContext} from "./types.js";

type Assumption = {id: string; label: string; status: "confirmed" | "reported" | "estimate" | "assumption"; source: string; asOf: string};

/** The drawn height (CSS px) of the parts below the headline numbers, at 326 and 704 px content width: measured. */
const LOWER_HEIGHT = {narrow: 3305, wide: 2083};

const projectors = new WeakMap<object, Map<string, DealProjector>>();

/** Returns the deal's options valued for the context: recomputed with the core when controls are set, else precomputed. */
export function dealOptionsFor({data, analysis, dealId, controls}: SectionContext): {
  deal: Deal;
  options: DealOptions | null;
  values: AssumptionValues;
} {
  const deal = data.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid dealId: ${dealId}`);
  const projection: DealProjection = analysis.projections[deal.id];
  // The base scenario with no value changed is the precomputed projection (as dealView's rule): the page's load then
  // does not run the deal's whole projection in the browser (issue #19).
  if (!controls || (controls.scenario === "base" && controls.changed.length === 0))
    return {deal, options: projection.options, values: projection.assumptions};
  const byDeal = projectors.get(data) ?? new Map<string, DealProjector>();
  projectors.set(data, byDeal);
  const projector = byDeal.get(deal.id) ?? prepareDealProjector(data, deal);
  byDeal.set(deal.id, projector);
  const values = controls.values as AssumptionValues;
  return {deal, options: projector.evaluate(values, {ramp: controls.ramp as DealProjection["ramp"]}).options, values};
}

/** Returns a headline number: a label, the value in large type with its derived badge, and a line under it. */
function Kpi(name: string, label: string, text: string, lineage: Figure["lineage"], note: string): HTMLElement {
  return el(
    "div",
    {class: "card options-kpi"},
    el("h3", {}, label),
    el("div", {class: "big", "data-figure": name}, text),
    NamedDerivedBadge(lineage, name, text),
    el("p", {class: "card-foot"}, note)
  );
}

/** Returns the row of headline numbers for a deal's options: value, Monte Carlo check, cost of waiting, intrinsic value. */
function OptionsKpis(options: DealOptions): HTMLElement {
  const {value, valueMonteCarlo, standardError, items} = options;
  const strike = items[0].strike;
  const waiting = items.reduce((s, d) => s + d.costOfWaiting / (d.gw * d.yearsOfUse), 0);
  const intrinsic = items.reduce((s, d) => s + d.intrinsicValue / (d.gw * d.yearsOfUse), 0);
  const errors = standardError > 0 ? Math.abs(valueMonteCarlo.value - value.value) / standardError : 0;
  return el(
    "div",
    {class: "options-kpis"},
    Kpi(
      "options.valuePerGwYear",
      "Option value",
      modelUsd(value.value),
      value.lineage,
      `per GW-year of optioned capacity (closed form): ${pct(value.value / strike)} of the ${usd(strike)} price of a GW-year on the next generation`
    ),
    Kpi(
      "options.valueMonteCarlo",
      "Monte Carlo check",
      plusMinus(valueMonteCarlo.value, standardError, "usd"),
      valueMonteCarlo.lineage,
      `per GW-year, ± one standard error over seeded simulated paths; ${ratioNumber(errors)} standard errors from the closed form`
    ),
    Kpi(
      "options.costOfWaiting",
      "Cost of waiting a year",
      modelUsd(waiting),
      value.lineage,
      waiting >= 0
        ? "per GW-year: value lost by exercising a year later, both in today's dollars (erosion outweighs the extra time value)"
        : "per GW-year: waiting a year adds value here (the extra time value outweighs erosion)"
    ),
    Kpi(
      "options.intrinsicValue",
      "Value with no uncertainty",
      modelUsd(intrinsic),
      value.lineage,
      `per GW-year at σ = 0; uncertainty adds ${modelUsd(value.value - intrinsic)} of time value`
    )
  );
}

/** Returns the table of the model's inputs (S, K, T, σ, r, q) for one option, each with where it comes from. */
function OptionInputs(item: ChipOptionValue, deal: Deal, values: AssumptionValues, context: SectionContext): HTMLElement {
  const {data} = context;
  const assumptions: Assumption[] = data.assumptions;
  const badge = (id: string) => {
    const a = assumptions.find((d) => d.id === id);
    return a
      ? el("span", {class: "options-input-source"}, a.label, Badge(a, {sources: data.sourcesById, index: data.sourceNumbers}))
      : null;
  };
  const option = deal.hardware.options.find((o) => o.id === item.option);
  const rows: [string, string, string, (Node | string | null)[]][] = [
    [
      "S",
      "Value today of one GW-year on the future generation",
      `${usd(item.spot)} per GW-year`,
      ["revenue per GW-year × generation gain: ", badge("revenue-per-gw-year"), " × ", badge("generation-gain")]
    ],
    [
      "K",
      "Price of a GW-year on the next generation: today's rate × the next generation's price ratio",
      `${usd(item.strike)} per GW-year`,
      [badge("revenue-per-gw-year"), " × ", badge("next-gen-price-ratio")]
    ],
    [
      "T",
      "Years to exercise",
      `${sig(item.years)} years`,
      [
        `from ${date(OPTION_VALUATION_DATE)}, the valuation date of every deal, to the exercise date, ${option ? date(option.exercisable) : "n/a"}`,
        option
          ? Badge({status: option.status, source: option.source, asOf: deal.asOf}, {sources: data.sourcesById, index: data.sourceNumbers})
          : null
      ]
    ],
    ["σ", "Volatility of the value of a GW-year", pct(item.volatility), [badge("option-volatility")]],
    ["r", "Risk-free rate (2-year US Treasury yield)", pct(item.rate), [badge("risk-free-rate")]],
    [
      "q",
      "Erosion: how fast a generation's value falls as later ones arrive",
      `${pct(item.erosion)} a year`,
      [
        `ln(generation gain ${sig(values["generation-gain"])}) ÷ ${sig(values["generation-years"])} years between generations: `,
        badge("generation-gain"),
        " ",
        badge("generation-years")
      ]
    ]
  ];
  return el(
    "table",
    {class: "options-inputs"},
    el("thead", {}, el("tr", {}, el("th", {}, ""), el("th", {}, "Input, and where it comes from"), el("th", {class: "num"}, "Value"))),
    el(
      "tbody",
      {},
      rows.map(([symbol, meaning, value, from]) =>
        el(
          "tr",
          {},
          el("td", {class: "options-symbol"}, symbol),
          el("td", {}, meaning, el("div", {class: "options-from"}, from)),
          el("td", {class: "num options-value"}, value)
        )
      )
    )
  );
}

/** Returns the option model in words, with its limits: the same text as valueChipOption's documentation. */
export function OptionModelNote(): HTMLElement {
  return el(
    "div",
    {class: "options-model prose"},
    el(
      "p",
      {},
      el("strong", {}, "The model. "),
      "The underlying is the market value of one GW-year of capacity on a future chip generation. Today it is worth what the same compute costs on today's capacity: S = revenue per GW-year × generation gain, since a new generation does that many times the work per watt. The strike K follows the next generation's price path: a GW-year on it is priced at today's contract rate × the next generation's price ratio (its capex per GW over today's), so the option is in the money only when the generation gain exceeds that ratio, that is, when the new generation is cheaper per unit of compute. The value erodes while the holder waits, because later generations make compute cheaper: at the yield q = ln(generation gain) ÷ years between generations, a generation loses one generation gain of value per cadence, so its forward value is S·e^((r − q)T). The value follows geometric Brownian motion with volatility σ, and r is the discount rate. The option is European, exercised at T, the years from 1 January 2026 (the same valuation date for every deal) to the option's exercise date, and valued with Black–Scholes–Merton with yield q, per GW of capacity and one year of use. The cost of waiting is the value at T minus the value at T + 1, both in today's dollars: erosion against the time value of the extra year. A Monte Carlo over seeded simulated paths prices the same call, as a check on the closed form and to show the sampling noise."
    ),
    el(
      "p",
      {},
      el("strong", {}, "Its limits. "),
      "No deal discloses the reserved price or the size of its option: K on the next generation's price path and one GW are placeholders that make the figure “per GW-year”. Only rights on a future generation are valued: a right to more of the same capacity, or a warrant that vests with purchases, is a different instrument and is shown unvalued with the reason. Capacity is not a traded asset, so risk-neutral pricing is an analogy, and r is the 2-year US Treasury yield (3.57%, an estimate read through a copy of the Treasury's data), not the 10% rate the NPVs are discounted at (a higher rate raises the value by lowering the present value of the strike). The volatility is the editors' assumption. One exercise date is modelled, where the real right likely spans several generations; erosion is smooth rather than stepped at each launch; and the lab's other choices (another cloud, older chips) are not valued. Read the figure as the order of magnitude of the flexibility, not a price."
    )
  );
}

/** Returns the sentence that ties the option's value to the reserved price and the cost of waiting. */
function OptionsLede(deal: Deal, options: DealOptions): HTMLElement {
  const item = options.items[0];
  const perGwYear = item.gw * item.yearsOfUse;
  const waiting = item.costOfWaiting / perGwYear;
  return el(
    "p",
    {class: "options-lede"},
    `${deal.name}: with the inputs below, the right to take one GW-year of capacity on the future generation at ${usd(item.strike)}, its price on the next generation's path, is worth ${optionValueText(item.value / perGwYear, item.strike)}, ${pct(item.value / perGwYear / item.strike)} of that price, ${sig(item.years)} years before it can be exercised. `,
    waiting >= 0
      ? `Waiting a year before exercising would cost ${modelUsd(waiting)} of it: the generation's value erodes faster than extra time adds.`
      : `Waiting a year would add ${modelUsd(-waiting)}: extra time adds more than the generation's value erodes.`
  );
}

/** Returns the sentence under the heat map: how to read it, and how the value moves with time at today's σ. */
export function HeatmapNote(item: ChipOptionValue): string {
  const perGwYear = item.gw * item.yearsOfUse || 1;
  const nearest = item.grid.reduce(
    (best, d) => (Math.abs(d.volatility - item.volatility) < Math.abs(best.volatility - item.volatility) ? d : best),
    item.grid[0]
  );
  const rowAt = (volatility: number) => item.grid.filter((d) => d.volatility === volatility);
  const falls = (row: readonly {value: number}[]) => row[row.length - 1].value < row[0].value;
  const row = rowAt(nearest.volatility);
  const first = row[0];
  const last = row[row.length - 1];
  const rows = [...new Set(item.grid.map((d) => d.volatility))].map(rowAt);
  const falling = rows.filter(falls).length;
  const where = falling === rows.length ? "at every σ shown" : `in ${falling} of the ${rows.length} rows`;
  // A value can fall with the term only through the carry: the right is worth at most what the generation is still
  // worth at exercise, S·e^(−qT), which erodes at q (it halves every ln 2 ÷ q years); a right on a non-eroding asset
  // only gains with time.
  const why = falls(row)
    ? `, as it does ${where}: the generation's value erodes at ${pct(item.erosion)} a year as later ones arrive (it halves every ${sig(Math.LN2 / item.erosion)} years), ${item.erosion > item.rate ? "faster than" : "against"} the ${pct(item.rate)} risk-free rate that discounts its price, and the right is worth no more than the generation at exercise.`
    : `: extra time adds more than the generation's value erodes (${pct(item.erosion)} a year, against a ${pct(item.rate)} risk-free rate).`;
  return `Each cell values the same right with another volatility (σ, up) and time to exercise (T, across); the framed cell is today's inputs, σ ${pct(item.volatility)} and T ${sig(item.years)} years, worth ${optionValueText(item.value / perGwYear, item.strike)}; “≈$0” marks a value under ${pct(OPTION_NIL_SHARE)} of the ${usd(item.strike)} price. At σ ${pct(nearest.volatility)} the value ${falls(row) ? "falls" : "rises"} from ${optionValueText(first.value / perGwYear, item.strike)} with ${sig(first.years)} years to go to ${optionValueText(last.value / perGwYear, item.strike)} at ${sig(last.years)} years${why}`;
}

/**
 * Returns the list of deals that hold no option on future chips; `total`, when the list holds only the largest of
 * the data's deals (a page's file above a dozen), says of how many.
 */
export function DealsWithoutOptions(deals: readonly Deal[], total = deals.length): HTMLElement | null {
  const without = deals.filter((d) => d.hardware.options.length === 0);
  if (!without.length) return null;
  return el(
    "p",
    {class: "options-none"},
    total > deals.length
      ? `Of the ${deals.length} largest of the ${total} deals, ${without.length} ${without.length === 1 ? "holds" : "hold"} no option on future chips in the data: `
      : `${without.length} of ${deals.length} deals hold no option on future chips in the data: `,
    without.map((d) => d.name).join(", "),
    "."
  );
}

export const options: Section = {
  id: "options",
  title: "Options on future chips",
  perDeal: true,
  render(context) {
    const {deal, options: valued, values} = dealOptionsFor(context);
    const {data, width, print} = context;
    const sources = {sources: data.sourcesById, index: data.sourceNumbers};
    // Rights the model does not describe (more of the same, a warrant against purchases) are listed with the reason.
    const unvalued = deal.hardware.options
      .map((o) => ({option: o, reason: unvaluedReason(o)}))
      .filter((d): d is {option: Deal["hardware"]["options"][number]; reason: string} => d.reason !== null);
    const Unvalued = unvalued.length
      ? [
          el("h3", {}, "Rights shown without a value"),
          el(
            "ul",
            {class: "options-unvalued"},
            unvalued.map(({option, reason}) => el("li", {}, el("strong", {}, option.label), `: ${reason}`))
          )
        ]
      : null;
    if (!valued) {
      const holders: string[] = data.optionHolders;
      return el(
        "div",
        {class: "options-section"},
        el(
          "p",
          {class: "options-none"},
          unvalued.length
            ? `${deal.name} holds no right on a future chip generation that the option model describes (as of ${date(deal.asOf)}).`
            : `${deal.name} holds no option on future chips in the data (as of ${date(deal.asOf)}).`,
          holders.length
            ? ` Deals that hold a right on future capacity in the data, valued or not: ${holders.join(", ")}${moreHolders(holders, data.optionHolderCount)}.`
            : ""
        ),
        Unvalued,
        unvalued.length ? [el("h3", {}, "The four questions"), OptionsQuestionsTable(deal, sources)] : null
      );
    }
    const lower = () => [
      valued.items.map((item) => [
        valued.items.length > 1 ? el("h3", {}, item.label) : null,
        el("h3", {}, "The model's inputs"),
        OptionInputs(item, deal, values, context),
        el("h3", {}, `Option value per GW-year by volatility and years to exercise${valued.items.length > 1 ? `: ${item.label}` : ""}`),
        el("p", {class: "options-note"}, HeatmapNote(item)),
        ChartFrame(OptionsHeatmap(item, {width, print}), {
          title: heatmapFinding(item),
          source: chartSourceLine(context.data, {inputs: item.lineage.inputs})
        }),
        !print && ChartCsv(OPTION_GRID, `${deal.id}-${item.option}`, optionCellRows(item), data.version)
      ]),
      Unvalued,
      el("h3", {}, "The four questions"),
      OptionsQuestionsTable(deal, sources),
      OptionModelNote()
    ];
    return el(
      "div",
      {class: "options-section"},
      OptionsLede(deal, valued),
      OptionsKpis(valued),
      // The inputs, heat map, questions and model note, below the headline numbers: drawn when they come near the
      // screen (not in print: a briefing's DOM stays flat), so a phone's load draws the answer first; the height held
      // is the drawn height for the one deal with a valued right in the data (6 Dec 2026).
      print
        ? lower()
        : Deferred(() => el("div", {class: "options-lower"}, lower()), {
            height: heightAt(width, [326, LOWER_HEIGHT.narrow], [704, LOWER_HEIGHT.wide]),
            key: "options-lower"
          })
    );
  }
};

export const optionsQuestions: Section = {
  id: "options-questions",
  title: "The four questions, deal by deal",
  render({data}) {
    const deals = data.deals;
    const sources = {sources: data.sourcesById, index: data.sourceNumbers};
    return el(
      "div",
      {class: "options-questions-all"},
      deals
        .filter((d) => d.hardware.options.length > 0)
        .map((deal) =>
          el(
            "section",
            {class: "options-deal keep", id: `options-${deal.id}`},
            el("h3", {}, deal.name),
            OptionsQuestionsTable(deal, sources)
          )
        ),
      DealsWithoutOptions(deals, data.dealCount)
    );
  }
};

/** Returns ", and N more" when a briefing's data names only some of the `count` deals that hold an option. */
function moreHolders(named: readonly string[], count: number | undefined): string {
  const more = (count ?? named.length) - named.length;
  return more > 0 ? `, and ${more} more` : "";
}

/**
 * Returns the heat map's finding: how far the value per GW-year moves across the grid of volatilities and horizons,
 * each end in its own units ("about $5.57B"), a low end under 0.1% of the strike as "next to nothing (under $17.6M,
 * 0.1% of its $17.6B price)" rather than "$0.352".
 */
export function heatmapFinding(item: {
  gw: number;
  yearsOfUse: number;
  strike: number;
  grid: readonly {value: number; volatility: number; years: number}[];
}): string {
  const perGwYear = item.gw * item.yearsOfUse || 1;
  const extent = (f: (d: (typeof item.grid)[number]) => number) => [Math.min(...item.grid.map(f)), Math.max(...item.grid.map(f))];
  const [low, high] = extent((d) => d.value / perGwYear);
  const [σ0, σ1] = extent((d) => d.volatility);
  const [t0, t1] = extent((d) => d.years);
  const lowText = isNilOptionValue(low, item.strike)
    ? `next to nothing (${optionNilText(item.strike)})`
    : optionValueText(low, item.strike);
  return `The option is worth from ${lowText} to ${optionValueText(high, item.strike)} per GW-year across volatilities of ${pct(σ0)}–${pct(σ1)} and ${sig(t0)}–${sig(t1)} years to exercise`;
}
