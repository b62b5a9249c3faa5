/**
 * The notes under a bull / base / bear table (a deal's and the market's): what a reader would otherwise misread in it,
 * generated from the table's own figures and said only when it happens.
 */
import {computeAgainstTiming, priceCapacity, priceCapexCorner, type ScenarioNoteColumn} from "../../lib/core.js";
import {count, pct, sig, unitText} from "../format.js";
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
  columns: Parameters<typeof priceCapexCorner>[1]
): string {
  const corner = priceCapexCorner(assumptions, columns);
  if (!corner) return "";
  const one = corner.labels.length === 1;
  return `${list(corner.labels)} pair${one ? "s" : ""} the contract price with the capex per GW against the model's own correlation between the two (${corner.rho > 0 ? "a provider prices a GW-year to recover what a GW costs, so the draws move them together" : "the draws move them apart"}, normal-scores correlation ${sig(corner.rho)}): a draw with the price in its ${corner.rho > 0 ? "lowest" : "highest"} ${pct(corner.tail)} and the capex in its highest ${pct(corner.tail)}, or the reverse, comes up about ${pct(corner.probability)} of the time (${pct(corner.independent)} were the two independent). ${one ? "That column is a stress case" : "Those columns are stress cases"} at the corners of the ranges, far less likely than the Monte Carlo's P10–P90.`;
}
