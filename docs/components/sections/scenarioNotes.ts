/**
 * The notes under a bull / base / bear table (a deal's and the market's): what a reader would otherwise misread in it,
 * generated from the table's own figures and said only when it happens.
 */
import {
  type BandPosition,
  bandPosition,
  CEILING_FILLED,
  chanceText,
  computeAgainstTiming,
  type FigureSpread,
  priceCapacity,
  priceCapexCorner,
  type ScenarioNoteColumn
} from "../../lib/core.js";
import {el} from "../dom.js";
import {count, modelUsd, pct, sig, unitText, usd} from "../format.js";
import {dataUnitText} from "../tables/methodologyUnits.js";

/** "A", "A and B", "A, B and C". */
function list(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Returns the sentence that says why H100-equivalents move against timing in the table (computeAgainstTiming: a
 * scenario that delivers later counts more, one that delivers earlier fewer), or "" when none does. `whose` names the
 * chips' owner: "the deal's" or "each deal's".
 *
 * @example computeTimingNote(scenarioTable(dataset, "amazon-anthropic"), "the deal's") // "Compute moves against timing: …"
 */
export function computeTimingNote(columns: readonly ScenarioNoteColumn[], whose: string): string {
  const shifts = computeAgainstTiming(columns);
  if (!shifts.length) return "";
  const base = shifts[0].baseH100eFp8;
  const part = (timing: "later" | "earlier") => {
    const these = shifts.filter((s) => s.timing === timing);
    if (!these.length) return "";
    const names = list(these.map((s) => s.column.label));
    const values = list(these.map((s) => count(s.h100eFp8)));
    const one = these.length === 1;
    return timing === "later"
      ? `in ${names}, which deliver${one ? "s" : ""} later, the capacity counts more H100-equivalents than in the base case (about ${values} against ${count(base)})`
      : `in ${names}, which deliver${one ? "s" : ""} earlier, fewer (about ${values}${shifts.some((s) => s.timing === "later") ? "" : ` against ${count(base)} in the base case`})`;
  };
  const parts = [part("later"), part("earlier")].filter(Boolean);
  return `Compute moves against timing: each GW is filled with the newest of ${whose} chips available when it arrives, so ${parts.join(", and ")}.`;
}

/**
 * Returns the sentence that says how a scenario's price per GW-year moves the capacity built (priceCapacity: a
 * stated commitment is the dollars the lab pays, so a lower price buys more GW-years, a higher one fewer), or "" when
 * no scenario sets a price that moves the GW-years. `what`: "the commitment" or "the commitments".
 *
 * @example priceCapacityNote(scenarioTable(dataset, "microsoft-openai"), "the commitment") // "A price per GW-year moves …"
 */
export function priceCapacityNote(columns: readonly ScenarioNoteColumn[], what: string): string {
  const moves = priceCapacity(columns);
  if (!moves.length) return "";
  const each = moves.map((m, i) => {
    const change = `${pct(Math.abs(m.change))} ${m.change > 0 ? "more" : "fewer"}`;
    const built = m.capexPerGw === null ? "" : `, built at ${dataUnitText(m.capexPerGw, "usd-bn-per-gw")}`;
    const price = dataUnitText(m.price, "usd-bn-per-gw-year");
    return i === 0
      ? `in ${m.column.label} the contract price of ${price} alone has ${what} pay for about ${unitText(m.gwYears, "gw-years")} against ${unitText(m.baseGwYears, "gw-years")} in the base case (${change})${built}`
      : `in ${m.column.label}, ${price}: about ${unitText(m.gwYears, "gw-years")} (${change})${built}`;
  });
  // The row above counts the GW-years at the contract price; the cash model pays (and builds) fewer where a
  // commitment pays more than the contract price for what its schedule delivers: say so when the two differ.
  const row = columns.find((c) => c.scenario === "base")?.gwYears;
  const differs = row !== null && row !== undefined && Math.abs(row - moves[0].baseGwYears) > 1e-6 * row;
  const rowNote = differs
    ? ` These are the GW-years the providers are paid for and build, fewer than the row above (${unitText(row, "gw-years")} in the base case) where a commitment pays more than the contract price for the capacity its schedule delivers.`
    : "";
  return `A price per GW-year moves the capacity, not the revenue: a stated commitment is taken as the dollars the lab pays, so ${each.join("; ")}. The provider builds what the dollars pay for, so in a scenario the price and the capex per GW act together; holding the capacity and cutting the revenue instead would have the lab pay less than it committed.${rowNote}`;
}

/**
 * Returns the sentence that says how unlikely a scenario's pairing of the price per GW-year with the capex per GW is
 * under the model's own correlation between the two (priceCapexCorner: a tenth at each end), or "" when no scenario
 * pairs them against it.
 *
 * @example priceCapexNote(data.assumptions, scenarioTable(dataset, "microsoft-openai")) // "Bear economics and Bull economics pair …"
 */
export function priceCapexNote(
  assumptions: Parameters<typeof priceCapexCorner>[0],
  columns: readonly (Parameters<typeof priceCapexCorner>[1][number] & TogetherColumn)[]
): string {
  const corner = priceCapexCorner(assumptions, columns);
  if (!corner) return "";
  const one = corner.labels.length === 1;
  return `${list(corner.labels)} pair${one ? "s" : ""} the contract price with the capex per GW against the model's own correlation between the two (${corner.rho > 0 ? "a provider prices a GW-year to recover what a GW costs, so the draws move them together" : "the draws move them apart"}, normal-scores correlation ${sig(corner.rho)}): a draw with the price in its ${corner.rho > 0 ? "lowest" : "highest"} ${pct(corner.tail)} and the capex in its highest ${pct(corner.tail)}, or the reverse, has ${chanceText(corner.probability)} (${chanceText(corner.independent)} were the two independent). ${one ? "That column is a stress case" : "Those columns are stress cases"} at the corners of the ranges, far less likely than the Monte Carlo's P10–P90.${togetherText(columns)}`;
}

/** A column's reading with the price and the capex per GW moving together (ScenarioColumn.together, or the market's sum). */
interface TogetherColumn {
  label: string;
  overrides: readonly {id: string; value: number}[];
  together?: {capexPerGw: number; npvUsd: number; positive?: number} | null;
  priced?: number;
}

// " Read with the two moving together instead (…), Bear economics comes to about −$415B and …": the alternative reading
// of each corner column, computed by the same model; "" when no column has one.
function togetherText(columns: readonly TogetherColumn[]): string {
  const moved = columns.filter((c) => c.together);
  if (!moved.length) return "";
  const pairs = moved.map((c) => {
    const price = c.overrides.find((o) => o.id === "revenue-per-gw-year");
    return `${dataUnitText(c.together!.capexPerGw, "usd-bn-per-gw")} with ${price ? dataUnitText(price.value, "usd-bn-per-gw-year") : "its price"}`;
  });
  const readings = moved.map((c, i) => {
    const above =
      c.together!.positive !== undefined && c.priced ? ` (${count(c.together!.positive)} of ${count(c.priced)} deals above zero)` : "";
    return `${i ? lowerFirst(c.label) : `${c.label} comes to`} ${modelUsd(c.together!.npvUsd)}${above}`;
  });
  return ` Read with the two moving together instead (the capex per GW at the end of its range on the price's side: ${list(pairs)}), ${list(readings)}: the same model, every other value the scenario's.`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A column as the band note reads it: its heading, its value of the measure, and whether the draws describe it. */
export interface BandColumn {
  title: string;
  value: number | null;
}

const POSITION_WORDS: Record<BandPosition, string> = {
  "below-p10": "below the P10",
  "p10-median": "between the P10 and the median",
  "median-p90": "between the median and the P90",
  "above-p90": "above the P90"
};

/**
 * Returns the sentence that places each scenario column among the Monte Carlo's draws of the same measure: the band
 * (P10, median, P90) and, position by position, the columns in it; then what a column outside the band means. "" when
 * the band or every value is missing. `measure`: "the cash NPV" or "the summed cash NPV".
 *
 * @example bandNote([{title: "Bear economics", value: -280e9}], spread, {draws: 10000, measure: "the cash NPV"})
 * // "Against the 10,000 Monte Carlo draws of the cash NPV (P10 −$41.4B, median $6.83B, P90 $50.7B): below the P10, Bear economics (about −$280B). …"
 */
export function bandNote(
  columns: readonly BandColumn[],
  band: Pick<FigureSpread, "p10" | "p50" | "p90"> | null | undefined,
  {draws, measure}: {draws: number; measure: string}
): string {
  if (!band || ![band.p10, band.p50, band.p90].every(Number.isFinite)) return "";
  const placed = columns
    .map((c) => ({c, at: bandPosition(c.value, band)}))
    .filter((p): p is {c: BandColumn; at: BandPosition} => p.at !== null);
  if (!placed.length) return "";
  const groups = (Object.keys(POSITION_WORDS) as BandPosition[])
    .map((at) => ({at, these: placed.filter((p) => p.at === at)}))
    .filter((g) => g.these.length)
    .map((g) => `${POSITION_WORDS[g.at]}, ${list(g.these.map((p) => `${p.c.title} (${modelUsd(p.c.value!)})`))}`);
  const outside = placed.filter((p) => p.at === "below-p10" || p.at === "above-p90").length;
  const meaning = outside
    ? ` A column outside the P10–P90 is a case that fewer than one draw in ten reaches on its side; inside it, a case the draws often give.`
    : " Every column lies inside the P10–P90: each is a case the draws often give.";
  return `Against the ${count(draws)} Monte Carlo draws of ${measure} (every assumption drawn over its range; P10 ${usd(band.p10)}, median ${usd(band.p50)}, P90 ${usd(band.p90)}): ${groups.join("; ")}.${meaning}`;
}

/** Returns a band cell: "−$41.4B to $50.7B" (`format` for each end; an undefined end reads `missing`). */
export function bandCell(band: Pick<FigureSpread, "p10" | "p90"> | null | undefined, format: (x: number) => string, missing = "–"): string {
  if (!band) return "";
  const end = (x: number) => (Number.isFinite(x) ? format(x) : missing);
  if (!Number.isFinite(band.p10) && !Number.isFinite(band.p90)) return "";
  return `${end(band.p10)} to ${end(band.p90)}`;
}

/** A scenario column as the assumption list reads it. */
interface ListedColumn {
  scenario: string;
  description: string;
  ramp: string;
  overrides: readonly unknown[];
}

/**
 * Returns the list under a bull / base / bear table (a deal's or the market's): each column's heading and what it
 * sets, in words. `baseText` and `ceilingText` say what the base case and the "fills the ceiling" column are; every
 * other column gives its description, then `stated(c)` (its values against their base) and its delivery ramp.
 *
 * @example ScenarioAssumptions(columns, {title: (c) => c.label, baseText: "every assumption at its base value, no draws.", stated})
 */
export function ScenarioAssumptions<C extends ListedColumn>(
  columns: readonly C[],
  {
    title,
    baseText,
    ceilingText,
    stated
  }: {title: (c: C) => string; baseText: string; ceilingText?: (c: C) => string; stated: (c: C) => string}
): HTMLElement {
  return el(
    "ul",
    {class: "research-assumptions"},
    columns.map((c) =>
      el(
        "li",
        {},
        el("strong", {}, `${title(c)}: `),
        c.scenario === "base"
          ? baseText
          : c.scenario === CEILING_FILLED && ceilingText
            ? ceilingText(c)
            : c.overrides.length
              ? `${c.description} Sets ${stated(c)}; ${c.ramp} delivery ramp.`
              : c.description
      )
    )
  );
}
