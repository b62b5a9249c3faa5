/**
 * Methodology: every assumption with its range and source; each headline figure of a deal with its formula in
 * words and its lineage; how the Monte Carlo works, with the deal's P10–P90 bands and tornado; the option model;
 * the data version and as-of date. The numbered sources list is the `sources` section (re-exported here so the
 * section registry finds it).
 */
import {type Deal, type DealProjection, headlineFormulas} from "../../lib/core.js";
import {ChartFrame, chartSource} from "../charts/chartFrame.js";
import {MethodologyTornado} from "../charts/methodologyTornado.js";
import {el} from "../dom.js";
import {count, date, figureText, pct} from "../format.js";
import {type AssumptionRow, MethodologyAssumptionsTable} from "../tables/methodologyAssumptions.js";
import {MethodologyLineage} from "../tables/methodologyLineage.js";
import {OptionModelNote} from "./options.js";
import type {Section, SectionContext} from "./types.js";

export {sources} from "./sources.js";

/** The figures drawn in the Monte Carlo (UNCERTAIN_FIGURES in the core), in words and units. */
const SPREAD_FIGURES: Record<string, [string, string]> = {
  "capacity.accelerators": ["Accelerators", "count"],
  "capacity.energyTwhPerYear": ["Energy a year at the ceiling", "twh-per-year"],
  "capacity.h100e": ["Compute in H100-equivalents", "count"],
  "commitment.gwYears": ["GW-years the commitment buys", "gw-years"],
  "commitment.coverage": ["Share of the ceiling's GW-years", "fraction"],
  "recycling.operatingProfitUsd": ["Provider's operating profit on the commitment", "usd"],
  "recycling.npvUsd": ["Investor's net present value", "usd"],
  "recycling.paybackYear": ["Payback year", "year"],
  "options.valuePerGwYear": ["Option value per GW-year", "usd-per-gw-year"]
};

/** Returns the deal the section explains: the context's, else the founding deal, else the first. */
function methodologyDeal({data, dealId}: SectionContext): Deal {
  const deals = data.deals;
  const deal = deals.find((d) => d.id === (dealId ?? "amazon-anthropic")) ?? (dealId ? undefined : deals[0]);
  if (!deal) throw new Error(`invalid dealId: ${dealId}`);
  return deal;
}

/** Returns the paragraph on how the bands are drawn, with the seed, draws and distributions of this build. */
function MonteCarloNote(projection: DealProjection, assumptions: readonly AssumptionRow[]): HTMLElement {
  const u = projection.uncertainty;
  const triangular = assumptions.filter((a) => a.distribution === "triangular").length;
  const uniform = assumptions.length - triangular;
  const shapes = [triangular ? `${triangular} triangular (low, mode, high)` : "", uniform ? `${uniform} uniform (low to high)` : ""]
    .filter(Boolean)
    .join(" and ");
  return el(
    "p",
    {class: "methodology-note"},
    u
      ? `Each band comes from ${count(u.draws)} draws seeded with “${u.seed}”. A draw sets all ${assumptions.length} assumptions at once from their distributions, ${shapes}, whose mode is the scenario's value, and recomputes the deal with the same core as the base case. Each deal draws from its own stream of random numbers, named after the deal (“${projection.deal}”), so adding or editing one deal leaves every other deal's bands unchanged, and the same seed gives the same bands on every machine (xoshiro128** seeded by a hash of the seed and the stream). P10, P50 and P90 are the 10th, 50th and 90th percentiles over the draws where the figure exists, interpolated between order statistics; draws where it does not (a payback that never comes) are counted apart. The tornado moves one assumption at a time to its low and its high, the others at base.`
      : "The Monte Carlo was not run for this build (0 draws)."
  );
}

/** Returns the P10 / P50 / P90 table of a deal's uncertain figures. */
function SpreadTable(projection: DealProjection): HTMLElement | null {
  const figures = projection.uncertainty?.figures ?? {};
  const rows = Object.entries(figures).filter(([, s]) => typeof s.p50 === "number" && Number.isFinite(s.p50));
  if (!rows.length) return null;
  const text = (x: number, unit: string) => figureText(x, unit).replace(/ (a year|per GW-year)$/, "");
  return el(
    "div",
    {class: "methodology-scroll"},
    el(
      "table",
      {class: "methodology-spread"},
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", {scope: "col"}, "Figure"),
          el("th", {scope: "col", class: "num"}, "P10"),
          el("th", {scope: "col", class: "num"}, "P50"),
          el("th", {scope: "col", class: "num"}, "P90"),
          el("th", {scope: "col", class: "num"}, "Draws without it")
        )
      ),
      el(
        "tbody",
        {},
        rows.map(([name, s]) => {
          const [label, unit] = SPREAD_FIGURES[name] ?? [name, ""];
          return el(
            "tr",
            {"data-spread": name},
            el("th", {scope: "row"}, label),
            el("td", {class: "num"}, text(s.p10, unit)),
            el("td", {class: "num"}, text(s.p50, unit)),
            el("td", {class: "num"}, text(s.p90, unit)),
            el("td", {class: "num"}, s.undefinedShare > 0 ? pct(s.undefinedShare) : "none")
          );
        })
      )
    )
  );
}

export const methodology: Section = {
  id: "methodology",
  title: "Methodology",
  perDeal: false,
  render(context) {
    const {data, analysis, width} = context;
    const deal = methodologyDeal(context);
    const projection: DealProjection = analysis.projections[deal.id];
    const assumptions: AssumptionRow[] = data.assumptions;
    const units = Object.fromEntries(assumptions.map((a) => [a.id, a.unit]));
    const links = {sources: data.sourcesById, index: data.sourceNumbers};
    return el(
      "div",
      {class: "methodology-section"},
      el(
        "p",
        {class: "methodology-version"},
        `Data version ${data.version}, as of ${date(data.asOf)}. Figures are computed for the ${projection.scenario === "base" ? "base" : projection.scenario} scenario (every assumption at its base value, ${projection.ramp} delivery ramp); each deal is valued from its own as-of date.`
      ),
      el("h3", {}, "Assumptions"),
      el(
        "p",
        {class: "methodology-note"},
        `The ${assumptions.length} conversion factors below turn the deals' sourced figures into capacity, energy, compute and cash. Each has a low, base and high value: the base case uses the base, a scenario overrides some, and the Monte Carlo draws each from its range.`
      ),
      MethodologyAssumptionsTable(assumptions, links),
      el("h3", {}, `Headline figures for ${deal.name}: how each is computed, and from what`),
      el(
        "p",
        {class: "methodology-note"},
        "Each figure lists its inputs: the deal's facts, chip specifications and assumptions it is computed from, with their values, statuses and sources. A figure is only as sure as its weakest input."
      ),
      MethodologyLineage(headlineFormulas(projection), {data, dealName: deal.name}),
      el("h3", {}, "How the uncertainty bands are drawn"),
      MonteCarloNote(projection, assumptions),
      SpreadTable(projection),
      Object.entries(projection.tornado).map(([name, rows]) => {
        const [label, unit] = SPREAD_FIGURES[name] ?? [name, ""];
        return [
          el("h4", {class: "methodology-tornado-title"}, `${label}: what moves it`),
          ChartFrame(MethodologyTornado(rows, {width, unit, assumptionUnits: units}), {
            title: rows.length
              ? `${label}: ${rows[0].label.charAt(0).toLowerCase()}${rows[0].label.slice(1)} moves it the most`
              : `${label}: no assumption moves it`,
            source: chartSource(data, {inputs: rows.map((r) => `assumption:${r.id}`)})
          })
        ];
      }),
      el("h3", {}, "The option model"),
      OptionModelNote()
    );
  }
};
