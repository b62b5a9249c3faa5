/**
 * The one unit table: every unit a figure can carry (the data files' units, src/core/model.ts Unit, and the
 * units computed figures carry, src/core/lineage.ts Figure) → its words. Each formatter takes the precision
 * (see numbers.ts) so a sourced value keeps its digits and a computed one gets three significant figures.
 */
import {usd} from "./money.js";
import {assertFinite, atPrecision, directionOf, numberText, type Precision, roundSig, roundWhole} from "./numbers.js";

type Formatter = (x: number, precision: Precision) => string;

/**
 * Returns a number of whole units, for ratios and percentages: whole from 10 (at most three significant
 * figures), two significant figures below, so "18%", "7.7×", "0.5%" rather than "18.2%" or "7.69×"; a sourced
 * value keeps its digits (a 2.5% stake is "2.5%").
 */
function coarse(x: number, precision: Precision): string {
  if (precision === "as-written") return numberText(x, precision);
  const a = Math.abs(x);
  const d = directionOf(precision);
  return numberText(a >= 1000 ? roundSig(x, 3, d) : a >= 10 ? roundWhole(x, d) : roundSig(x, 2, d), "as-written");
}

/**
 * Returns a computed ratio's number without a sign, under the ratio rule (whole from 10, two significant figures
 * below), for ratios a sentence names in words: 85.37 chips per system → "85", 1.2837 standard errors → "1.3",
 * 28.4 times → "28".
 */
export function ratioNumber(x: number): string {
  return coarse(x, "3sf");
}

/** Returns a fraction as a percentage: 0.05 → "5%", 0.1333 → "13%", 0.005 → "0.5%", 0.025 as written → "2.5%". */
export function pct(x: number, precision: Precision = "3sf"): string {
  return `${coarse(x * 100, precision)}%`;
}

/** Returns a ratio as a multiple: 7.69 → "7.7×", 20 → "20×". */
export function times(x: number, precision: Precision = "3sf"): string {
  return `${coarse(x, precision)}×`;
}

/** Returns gigawatts, below 1 GW in megawatts: 5 → "5 GW", 0.3 → "300 MW", 0.8696 → "870 MW", 0.9996 → "1 GW". */
export function gw(x: number, precision: Precision = "3sf"): string {
  const v = atPrecision(x, precision);
  return v !== 0 && Math.abs(v) < 1 ? `${numberText(v * 1000, precision)} MW` : `${numberText(v, precision)} GW`;
}

/** Returns megawatts: 869.57 → "870 MW"; 1,500 → "1.5 GW". */
export function mw(x: number, precision: Precision = "3sf"): string {
  return gw(x / 1000, precision);
}

/**
 * Returns a count: 30,966 → "31,000", 4,006,744 → "4.01 million", 5.2e9 → "5.2 billion"; a sourced 430,000 stays
 * "430,000".
 */
export function count(x: number, precision: Precision = "3sf"): string {
  const v = atPrecision(x, precision);
  const a = Math.abs(v);
  if (a >= 1e9) return `${numberText(v / 1e9, precision)} billion`;
  if (a >= 1e6) return `${numberText(v / 1e6, precision)} million`;
  return numberText(precision === "as-written" ? v : roundWhole(v, directionOf(precision)), precision);
}

/** Returns energy: 7.008 → "7.01 TWh", 35.04 → "35 TWh". */
export function twh(x: number, precision: Precision = "3sf"): string {
  return `${numberText(x, precision)} TWh`;
}

/** Returns compute in FLOP/s with an SI prefix: 3.1e18 → "3.1 EFLOP/s", 6.67e17 → "667 PFLOP/s", 1e21 → "1 ZFLOP/s". */
export function flops(x: number, precision: Precision = "3sf"): string {
  const v = atPrecision(x, precision);
  const prefixes: [number, string][] = [
    [1e21, "Z"],
    [1e18, "E"],
    [1e15, "P"],
    [1e12, "T"]
  ];
  for (const [scale, prefix] of prefixes) if (Math.abs(v) >= scale) return `${numberText(v / scale, precision)} ${prefix}FLOP/s`;
  return `${numberText(v / 1e9, precision)} GFLOP/s`;
}

/**
 * Returns `n unit` with the unit singular for exactly 1: (1, "year") → "1 year", (2.5, "year") → "2.5 years". A
 * computed span (a term weighted over several contracts: 8.3178 years) has two significant figures ("8.3 years"):
 * a third would claim days the dates do not carry.
 */
function plural(x: number, precision: Precision, one: string, many = `${one}s`): string {
  const text = numberText(precision === "as-written" ? x : roundSig(x, 2, directionOf(precision)), precision);
  return `${text} ${text === "1" ? one : many}`;
}

/** Every unit's words. A unit missing here is written as a plain number. */
export const UNIT_WORDS: Readonly<Record<string, Formatter>> = {
  usd: (x, p) => usd(x, p),
  "usd-m": (x, p) => usd(x * 1e6, p),
  "usd-bn": (x, p) => usd(x * 1e9, p),
  "usd-per-year": (x, p) => `${usd(x, p)} a year`,
  "usd-bn-per-year": (x, p) => `${usd(x * 1e9, p)} a year`,
  "usd-per-gw": (x, p) => `${usd(x, p)} per GW`,
  "usd-bn-per-gw": (x, p) => `${usd(x * 1e9, p)} per GW`,
  "usd-per-gw-year": (x, p) => `${usd(x, p)} per GW-year`,
  "usd-bn-per-gw-year": (x, p) => `${usd(x * 1e9, p)} per GW-year`,
  "usd-per-mwh": (x, p) => `${usd(x, p)} per MWh`,
  "usd-per-chip-hour": (x, p) => `${usd(x, p)} per chip-hour`,
  gw,
  mw,
  kw: (x, p) => `${numberText(x, p)} kW`,
  twh,
  "twh-per-year": (x, p) => `${twh(x, p)} a year`,
  fraction: pct,
  ratio: times,
  count,
  h100e: (x, p) => `${count(x, p)} H100-equivalents`,
  flops,
  pflops: (x, p) => `${numberText(x, p)} PFLOP/s`,
  gb: (x, p) => `${numberText(x, p)} GB`,
  years: (x, p) => plural(x, p, "year"),
  months: (x, p) => plural(x, p, "month"),
  year: (x) => String(Math.round(x)),
  "gw-years": (x, p) => `${numberText(x, p)} GW-years`
};

/**
 * Returns a value in its unit's words, without a bound: (5, "gw") → "5 GW", (100, "usd-bn") → "$100B", (2030.4,
 * "year") → "2030". An unknown unit is written as a plain number. Throws for NaN or an infinity.
 */
export function unitText(value: number, unit: string, precision: Precision = "3sf"): string {
  const format = UNIT_WORDS[unit] ?? ((x: number, p: Precision) => numberText(x, p));
  return format(value, precision);
}

const NAMES: Record<string, string> = {
  usd: "$",
  "usd-m": "$ m",
  "usd-bn": "$ bn",
  "usd-bn-per-year": "$ bn a year",
  "usd-bn-per-gw": "$ bn per GW",
  "usd-bn-per-gw-year": "$ bn per GW-year",
  "usd-per-mwh": "$ per MWh",
  "usd-per-chip-hour": "$ per chip-hour",
  fraction: "share",
  ratio: "ratio",
  years: "years",
  months: "months",
  mw: "MW",
  gw: "GW",
  kw: "kW",
  twh: "TWh",
  pflops: "PFLOP/s",
  gb: "GB",
  h100e: "H100-equivalents"
};

/** Returns the unit's name in words, for a table's unit column: "usd-bn-per-gw" → "$ bn per GW". */
export function unitName(unit: string): string {
  return NAMES[unit] ?? unit;
}

/**
 * Returns a commitment's term from each contract's own term in years: "10 years" for one, "5 years each (3
 * contracts)" for several of one length, "7–8 years (2 contracts)" for several of different lengths; null for none.
 * A span from the first start to the last end (8.32 years for Amazon → OpenAI's two contracts) is a model's
 * number, not a term anyone stated (critic s8 M14).
 *
 * @example termText([7, 8]) // "7–8 years (2 contracts)"
 */
export function termText(years: readonly number[]): string | null {
  if (!years.length) return null;
  for (const y of years) assertFinite(y);
  const low = Math.min(...years);
  const high = Math.max(...years);
  const one = (y: number) => unitText(y, "years", "as-written");
  if (years.length === 1) return one(years[0]);
  if (low === high) return `${one(low)} each (${years.length} contracts)`;
  return `${numberText(low, "as-written")}–${one(high)} (${years.length} contracts)`;
}
