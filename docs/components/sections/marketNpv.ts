/**
 * The deals' cash returns side by side (the market briefing, /comparison and /recycling): each live deal with a cash
 * NPV, best median first (the order is computed: no ranking is typed), with its P10–P90, its median payback and the
 * share of draws that never pay back; its scope and valuation date in the caption. Bounded like the market's totals
 * (src/core/research/npvTable.ts): above a dozen priced deals, the best and worst five, the others in one line.
 */
import {
  CEILING_FILLED,
  drawShareText,
  type MarketScenarioColumn,
  type MarketScenarioTable,
  type NpvRow,
  type NpvTable,
  PAYBACK_EVEN_ODDS,
  paybackEven
} from "../../lib/core.js";
import {ChartCsv, MARKET_SCENARIOS, marketScenarioRows, NPV_TABLE} from "../chartDownloads.js";
import {asTitle, ChartFrame, chartSourceLine} from "../charts/chartFrame.js";
import {el} from "../dom.js";
import {count, figureText, modelUsd, NO_PAYBACK, paybackYearText, pct, unitText, usd} from "../format.js";
import {ScenarioGrid, type ScenarioGridRow} from "../tables/scenarioGrid.js";
import {assumptionValue} from "./research.js";
import {bandCell, bandNote, computeTimingNote, priceCapacityNote, priceCapexNote, ScenarioAssumptions} from "./scenarioNotes.js";
import type {Section, SectionContext} from "./types.js";

/** Valuation date of every cash NPV (VALUATION_YEAR in the core's recycling model). */
const VALUED_ON = "1 January 2026";

const deals = (n: number) => `${count(n)} deal${n === 1 ? "" : "s"}`;

/** A share of the draws in a cell: 0% and 100% only when exact, else "fewer than 1%" / "more than 99%" at the ends (critic s8 LOW). */
const shareCell = (share: number) => (share > 0 && share < 1 && (share < 0.01 || share > 0.99) ? drawShareText(share) : pct(share));

/** Returns the table's finding in one sentence, computed from its figures: how many are negative, the best and the worst. */
export function npvFinding(table: NpvTable): string {
  const {rows, priced, negative} = table;
  if (!priced) return "No deal in the data has a dollar commitment whose cash can be valued.";
  const best = rows[0];
  const worst = rows.at(-1)!;
  const share =
    negative === priced
      ? `All ${deals(priced)} that can be priced have a negative median cash NPV for their provider`
      : negative === 0
        ? `None of the ${deals(priced)} that can be priced has a negative median cash NPV for its provider`
        : `${count(negative)} of the ${deals(priced)} that can be priced ${negative === 1 ? "has" : "have"} a negative median cash NPV for ${negative === 1 ? "its" : "their"} provider`;
  if (priced === 1) return `${share}: ${best.name}, ${figureText(best.npvUsd, "usd")}.`;
  return `${share}: from ${best.name} (${figureText(best.npvUsd, "usd")}) down to ${worst.name} (${figureText(worst.npvUsd, "usd")}).`;
}

/** Returns the caption: scope, valuation date, discount rate and what the band and payback columns are. */
export function npvCaption(table: NpvTable, draws: number | null): string {
  const rate = table.discountRate === null ? "at each deal's discount rate" : `at ${figureText(table.discountRate, "fraction")}`;
  const median = draws
    ? `the median of ${count(draws)} seeded draws over the assumptions' ranges, with the P10–P90 of the same draws`
    : "the median of the draws, with their P10–P90";
  return `Scope: each deal's new money, as the provider sees it: its cash from the lab's committed spend after cash costs and the capex to deliver the capacity, less the investor's new money in the deal (none where the provider invests nothing); equity gains are not counted. Cash running costs come from physical inputs (power, staff and maintenance, property tax and insurance), the same per GW for every provider; the providers' reported margins set no cash figure. A provider that leases its data centres spends capex on the IT alone and pays their rent each year; the rent it still owes when the term ends is a cash cost of the last year. IT is renewed at the end of its life only while the term left covers a set share of a new generation's life (else the kit in use runs to the term's end, earning a share of the contract price; each deal's methodology gives both), and power is costed at the drawn electricity price. Discounted ${rate} to ${VALUED_ON}, from the start of each year. NPV: ${median}. Payback: the median year in which cumulative cash turns positive for good, the draws that never pay back ranked last; “${NO_PAYBACK}” when the median draw does not pay back before its spend ends (a draw's spend runs past the contract's term where its capacity comes online late, so a median year can fall after the term); "even odds" when more than ${pct(PAYBACK_EVEN_ODDS[0])} and fewer than ${pct(PAYBACK_EVEN_ODDS[1])} of the draws never pay back, the share as printed (whole percent: ${pct(PAYBACK_EVEN_ODDS[0])} and ${pct(PAYBACK_EVEN_ODDS[1])} themselves are not even odds), as the median's year then rests on a few draws.`;
}

// Near even odds the median draw's year (or NO_PAYBACK) rests on a few draws: the cell says so, by the rule page 1
// and the deal's own briefing follow (paybackEven; critic s9 M1).
export function paybackText(row: Pick<NpvRow, "paybackYear" | "neverShare">): string {
  if (paybackEven(row.neverShare ?? undefined)) return "even odds";
  return paybackYearText(row.paybackYear);
}

function NpvTableElement(table: NpvTable): HTMLElement {
  const head = ["Deal", "Cash NPV, median", "P10 to P90", "Pays back (median)", "Draws that never pay back"];
  const row = (r: NpvRow) =>
    el(
      "tr",
      {"data-deal": r.id},
      el("th", {scope: "row", "data-label": head[0]}, r.name),
      el("td", {class: "num", "data-label": head[1]}, figureText(r.npvUsd, "usd")),
      el(
        "td",
        {class: "num", "data-label": head[2]},
        r.p10 === null || r.p90 === null ? "–" : `${figureText(r.p10, "usd")} to ${figureText(r.p90, "usd")}`
      ),
      el("td", {class: "num", "data-label": head[3]}, paybackText(r)),
      el("td", {class: "num", "data-label": head[4]}, r.neverShare === null ? "–" : shareCell(r.neverShare))
    );
  const top = table.others ? table.rows.length / 2 : table.rows.length;
  return el(
    "table",
    {class: "market-npv-table"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        head.map((h, i) => el("th", {scope: "col", class: i ? "num" : undefined}, h))
      )
    ),
    el(
      "tbody",
      {},
      table.rows.slice(0, top).map(row),
      table.others
        ? el(
            "tr",
            {class: "market-totals-others"},
            el(
              "td",
              {colspan: 5, "data-label": "Others"},
              `${deals(table.others.deals)} in between: medians from ${figureText(table.others.high, "usd")} down to ${figureText(table.others.low, "usd")}; ${count(table.others.negative)} negative; ${count(table.others.neverMedian)} whose median draw never pays back.`
            )
          )
        : null,
      table.rows.slice(top).map(row)
    )
  );
}

/** Returns a scenario column's heading: "Base case" for the base scenario's values (no draw), else its label. */
export function scenarioTitle(c: Pick<MarketScenarioColumn, "scenario" | "label">): string {
  return c.scenario === "base" ? "Base case" : c.scenario === CEILING_FILLED ? "If each lab uses all its capacity" : c.label;
}

/**
 * What the market's "each lab uses all its capacity" column is (the deal tables say it of one lab, naming its figure:
 * a ceiling, a stated floor, or the Trainium capacity of a deal that states only that part).
 */
const CEILING_FILLED_MARKET =
  "Each deal's base case if its lab paid the contract price on all the capacity delivered, not only its stated commitment, and its provider built it all; every assumption at its base value.";

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * Returns the market scenario table's finding, computed: the scenarios with the highest and the lowest summed cash
 * NPV, and the most deals above zero in any of them (the clause agrees with the count). Empty when none is priced.
 */
export function marketScenarioFinding(table: MarketScenarioTable): string {
  const valued = table.columns.filter((c): c is MarketScenarioColumn & {npvUsd: number} => c.npvUsd !== null);
  if (!valued.length) return "";
  const bull = valued.reduce((a, b) => (b.npvUsd > a.npvUsd ? b : a));
  const bear = valued.reduce((a, b) => (b.npvUsd < a.npvUsd ? b : a));
  const name = (c: MarketScenarioColumn) =>
    c.scenario === "base" ? "the base case" : c.scenario === CEILING_FILLED ? "if each lab uses all its capacity" : lowerFirst(c.label);
  // How many deals are above zero at most, in any column: the clause agrees with the count.
  const most = Math.max(...valued.map((c) => c.positive));
  const priced = Math.max(...valued.map((c) => c.priced));
  const above =
    priced === 1
      ? `the one deal priced is ${most ? "above zero in at least one of them" : "below zero in every one of them"}`
      : most === 0
        ? `none of the ${deals(priced)} is above zero in any of them`
        : most === priced
          ? `in at least one of them all ${deals(priced)} are above zero`
          : `no scenario puts more than ${count(most)} of the ${deals(priced)} above zero`;
  if (bull === bear) return `Added up, the providers' cash NPVs come to ${modelUsd(bull.npvUsd)} under every scenario; ${above}.`;
  return `Added up, the providers' cash NPVs run from ${modelUsd(bull.npvUsd)} (${name(bull)}) down to ${modelUsd(bear.npvUsd)} (${name(bear)}); ${above}.`;
}

/** The assumptions a market column sets, in words: the providers' margins in one item (one per provider otherwise). */
function marketStated(c: MarketScenarioColumn): string {
  const margins = c.overrides.filter((o) => o.id.startsWith("margin-"));
  const others = c.overrides.filter((o) => !o.id.startsWith("margin-"));
  const parts = others.map((o) => `${o.label} ${assumptionValue(o.value, o.unit)} (base ${assumptionValue(o.base, o.unit)})`);
  if (margins.length)
    parts.push(
      margins.length === 1
        ? `${margins[0].label} ${assumptionValue(margins[0].value, margins[0].unit)} (base ${assumptionValue(margins[0].base, margins[0].unit)})`
        : `the operating margin of each of ${count(margins.length)} providers (each deal's briefing gives its own)`
    );
  return parts.join("; ");
}

/**
 * Returns the market's bull / base / bear table: the live deals added up under each scenario, a column per scenario
 * and a fixed set of rows (its size does not grow with the deals), with its finding, caption and CSV.
 */
export function MarketScenariosPart({data, analysis, print}: Pick<SectionContext, "data" | "analysis" | "print">): HTMLElement | null {
  const table = analysis.marketScenarios;
  if (!table?.columns.length) return null;
  const {columns} = table;
  const priced = Math.max(...columns.map((c) => c.priced));
  // The same sums over the Monte Carlo's common draws (every deal at the same drawn values): the band column.
  const draws = table.draws ?? null;
  const ofPriced = (x: number) => `${count(Math.round(x))} of ${count(draws?.priced ?? priced)}`;
  const rows: ScenarioGridRow<MarketScenarioColumn>[] = [];
  if (priced) {
    rows.push({
      label: "Cash NPV of the new money, all deals",
      cell: (c) => (c.npvUsd === null ? "n/a" : modelUsd(c.npvUsd)),
      band: bandCell(draws?.npvUsd, usd)
    });
    rows.push({
      label: "Deals above zero",
      cell: (c) => `${count(c.positive)} of ${count(c.priced)}`,
      band: bandCell(draws?.positive, ofPriced)
    });
    if (columns.some((c) => c.npvWithResidualUsd !== null)) {
      rows.push({
        label: "The same with the capacity's value at term end (not cash)",
        cell: (c) => (c.npvWithResidualUsd === null ? "n/a" : modelUsd(c.npvWithResidualUsd)),
        band: bandCell(draws?.npvWithResidualUsd, usd)
      });
      rows.push({
        label: "Deals above zero with that value",
        cell: (c) => (c.positiveWithResidual === null ? "n/a" : `${count(c.positiveWithResidual)} of ${count(c.priced)}`),
        band: bandCell(draws?.positiveWithResidual, ofPriced)
      });
    }
    rows.push({
      label: "Deals paying back within the deal",
      cell: (c) => `${count(c.paysBack)} of ${count(c.priced)}`,
      band: bandCell(draws?.paysBack, ofPriced)
    });
    // "Name, about −$5.36B", not "Name (about −$5.36B)": in a narrow column the brackets broke away from the figure,
    // which never breaks, and stood on lines of their own.
    rows.push({label: "Highest cash NPV", cell: (c) => (c.best ? `${c.best.name}, ${modelUsd(c.best.npvUsd)}` : "n/a")});
    rows.push({label: "Lowest cash NPV", cell: (c) => (c.worst ? `${c.worst.name}, ${modelUsd(c.worst.npvUsd)}` : "n/a")});
  }
  if (columns.some((c) => c.gwYears !== null))
    rows.push({
      label: "GW-years the commitments buy",
      cell: (c) => (c.gwYears === null ? "n/a" : unitText(c.gwYears, "gw-years")),
      band: bandCell(draws?.gwYears, (x) => unitText(x, "gw-years"))
    });
  if (columns.some((c) => c.h100eFp8 !== null))
    rows.push({
      label: "H100-equivalents at the ceilings (8-bit)",
      cell: (c) => (c.h100eFp8 === null ? "n/a" : count(c.h100eFp8)),
      band: bandCell(draws?.h100eFp8, count)
    });
  if (!rows.length) return null;
  const asBase = columns.find((c) => c.asBase > 0);
  const counted = [
    priced ? `the ${deals(priced)} with a dollar commitment to value for the cash rows` : "",
    columns.some((c) => c.gwYears !== null) ? `${deals(Math.max(...columns.map((c) => c.gwYearsDeals)))} for GW-years` : "",
    columns.some((c) => c.h100eFp8 !== null)
      ? `${deals(Math.max(...columns.map((c) => c.h100eDeals)))} with chip counts for H100-equivalents`
      : ""
  ].filter(Boolean);
  const caption = [
    `Every live deal computed with the same model at each scenario's values, with no draw, then added up (${counted.join(", ")}); every figure is a model estimate ("about").`,
    "The base case column is every assumption at its base value, so it differs from the medians of draws in the table above.",
    "The deal terms do not move: the dollar commitments and the capacity ceilings are what the parties stated; a scenario sets the model's assumptions.",
    asBase
      ? `In "${scenarioTitle(asBase)}", ${deals(asBase.asBase)} count${asBase.asBase === 1 ? "s" : ""} with ${asBase.asBase === 1 ? "its" : "their"} base case: filling the ceiling adds nothing to ${asBase.asBase === 1 ? "its" : "their"} commitment, or the deal has no delivery schedule.`
      : "",
    table.superseded ? `${deals(table.superseded)} superseded (history) ${table.superseded === 1 ? "is" : "are"} left out.` : ""
  ]
    .filter(Boolean)
    .join(" ");
  const finding = marketScenarioFinding(table);
  const inputs = Object.values(analysis.projections).flatMap((p) => p.recycling.npvUsd?.lineage.inputs ?? []);
  return el(
    "div",
    {class: "market-scenarios"},
    el("h3", {}, "Bull, base and bear, all deals together"),
    ChartFrame(
      [
        ...ScenarioGrid(columns, rows, {
          title: scenarioTitle,
          label: "The market under each scenario",
          className: "research-scenarios market-scenarios-table",
          band: "Monte Carlo P10 to P90"
        }),
        el("p", {class: "market-npv-caption"}, caption),
        ...[
          draws
            ? bandNote(
                columns
                  .filter((c) => c.scenario !== CEILING_FILLED)
                  .map((c) => ({title: c.scenario === "base" ? "the base case" : lowerFirst(c.label), value: c.npvUsd})),
                draws.npvUsd,
                {draws: draws.draws, measure: "the cash NPVs added up, every deal at the same drawn values on each draw"}
              )
            : "",
          priceCapacityNote(columns, "the commitments"),
          priceCapexNote(data.assumptions, columns),
          computeTimingNote(columns, "each deal's")
        ]
          .filter(Boolean)
          .map((note) => el("p", {class: "market-npv-caption"}, note))
      ],
      {
        title: asTitle(finding || "The market under each scenario"),
        source: chartSourceLine(data, {inputs}),
        className: "market-scenarios-frame"
      }
    ),
    print ? null : ChartCsv(MARKET_SCENARIOS, "", marketScenarioRows(columns), data.version),
    ScenarioAssumptions(columns, {
      title: scenarioTitle,
      baseText: "every assumption at its base value, no draws.",
      ceilingText: (c) =>
        `${CEILING_FILLED_MARKET}${c.npvWithResidualUsd === null && c.priced ? " The model gives a deal's own reading of it no value at term end, so that row is n/a." : ""}`,
      stated: marketStated
    })
  );
}

/** Returns the section: the finding, the table in a numbered frame with its source line, the caption, and a CSV. */
export function MarketNpvSection({data, analysis, print}: Pick<SectionContext, "data" | "analysis" | "print">): HTMLElement {
  const table = analysis.npvTable;
  if (!table) return el("p", {class: "muted"}, "The deals' cash NPVs side by side are computed for the market only.");
  if (!table.rows.length) return el("p", {}, npvFinding(table));
  const draws = Object.values(analysis.projections).find((p) => p.uncertainty)?.uncertainty?.draws ?? null;
  const inputs = table.rows.flatMap((r) => analysis.projections[r.id]?.recycling.npvUsd?.lineage.inputs ?? []);
  const finding = npvFinding(table);
  const left = [
    table.unpriced ? `${count(table.unpriced)} live deal${table.unpriced === 1 ? "" : "s"} with no dollar commitment to value` : "",
    table.superseded ? `${count(table.superseded)} superseded deal${table.superseded === 1 ? "" : "s"} (history, in no ranking)` : ""
  ].filter(Boolean);
  return el(
    "div",
    {class: "market-npv"},
    ChartFrame(
      [
        el("div", {class: "table-scroll", tabindex: "0"}, NpvTableElement(table)),
        el("p", {class: "market-npv-caption"}, npvCaption(table, draws), left.length ? ` Not in the table: ${left.join(" and ")}.` : "")
      ],
      {title: asTitle(finding), source: chartSourceLine(data, {inputs}), className: "market-npv-frame"}
    ),
    print ? null : ChartCsv(NPV_TABLE, "", table.rows, data.version),
    MarketScenariosPart({data, analysis, print})
  );
}

export const marketNpv: Section = {
  id: "market-npv",
  title: "What the deals return in cash",
  perDeal: false,
  render: (context) => MarketNpvSection(context)
};
