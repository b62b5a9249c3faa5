/** Values in the data's units, in words, for the methodology tables. */

import type {Bound} from "../format.js";
import {count, figureText, gw, mw, pct, sig, usd, withBound} from "../format.js";

// The data files' units (src/core/model.ts Unit) that figureText does not know.
const DATA_UNITS: Record<string, (x: number) => string> = {
  "usd-m": (x) => usd(x * 1e6),
  "usd-bn": (x) => usd(x * 1e9),
  "usd-bn-per-year": (x) => `${usd(x * 1e9)} a year`,
  "usd-bn-per-gw": (x) => `${usd(x * 1e9)} per GW`,
  "usd-bn-per-gw-year": (x) => `${usd(x * 1e9)} per GW-year`,
  "usd-per-mwh": (x) => `$${sig(x)} per MWh`,
  "usd-per-chip-hour": (x) => `$${sig(x)} per chip-hour`,
  gw,
  mw,
  kw: (x) => `${sig(x)} kW`,
  twh: (x) => `${sig(x)} TWh`,
  fraction: pct,
  ratio: sig,
  years: (x) => `${sig(x)} year${x === 1 ? "" : "s"}`,
  months: (x) => `${sig(x)} month${x === 1 ? "" : "s"}`,
  count,
  pflops: (x) => `${sig(x)} PFLOP/s`,
  gb: (x) => `${sig(x)} GB`,
  h100e: (x) => `${count(x)} H100e`
};

/** Returns a value in its data unit with its bound's words: (100, "usd-bn", "at-least") → "over $100B". */
export function dataUnitText(value: number, unit: string, bound?: Bound): string {
  const format = DATA_UNITS[unit];
  return format ? withBound(format(value), bound) : figureText(value, unit, bound);
}

/** Returns the unit's name in words, for a table's unit column. */
export function unitWords(unit: string): string {
  const words: Record<string, string> = {
    "usd-bn-per-gw": "$ bn per GW",
    "usd-bn-per-gw-year": "$ bn per GW-year",
    "usd-per-mwh": "$ per MWh",
    fraction: "share",
    ratio: "ratio",
    years: "years",
    months: "months",
    mw: "MW",
    gw: "GW",
    kw: "kW"
  };
  return words[unit] ?? unit;
}
