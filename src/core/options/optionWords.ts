/**
 * A future-chip option's value in words (per GW-year, in US dollars): computed from assumed inputs, so it reads
 * "about" (the footer's rule), and a value too small to matter against the price it is an option on reads as
 * nil rather than to the cent ("$0.352" on a $17.6B strike is a rounding of zero, not a finding).
 */
import {modelUsd} from "../format/figureWords.js";
import {usd} from "../format/money.js";
import {pct} from "../format/units.js";

/**
 * The share of the strike (the price of a GW-year on the next generation) under which an option's value is nil:
 * 0.1%. On the $17.6B strike of Amazon → Anthropic, $17.6M per GW-year.
 */
export const OPTION_NIL_SHARE = 0.001;

/** True when `value` (per GW-year, $) is below {@link OPTION_NIL_SHARE} of `strike` (per GW-year, $). */
export function isNilOptionValue(value: number, strike: number): boolean {
  return value < strike * OPTION_NIL_SHARE;
}

/**
 * Returns an option value per GW-year in words: "about $1.64B", or "next to nothing" below 0.1% of the strike.
 *
 * @example optionValueText(1.64e9, 17.6e9) // "about $1.64B"
 * @example optionValueText(0.352, 17.6e9) // "next to nothing"
 */
export function optionValueText(value: number, strike: number): string {
  return isNilOptionValue(value, strike) ? "next to nothing" : modelUsd(value);
}

/**
 * Returns a heat-map cell's label: the value at three significant figures, or "≈$0" below 0.1% of the strike (a
 * cell has no room for "about"; the chart's title carries it).
 *
 * @example optionCellText(1.64e9, 17.6e9) // "$1.64B"
 * @example optionCellText(1.35e6, 17.6e9) // "≈$0"
 */
export function optionCellText(value: number, strike: number): string {
  return isNilOptionValue(value, strike) ? "≈$0" : usd(value);
}

/**
 * Returns what "nil" means for an option on `strike`: "under $17.6M, 0.1% of its $17.6B price".
 *
 * @example optionNilText(17.6e9) // "under $17.6M, 0.1% of its $17.6B price"
 */
export function optionNilText(strike: number): string {
  return `under ${usd(strike * OPTION_NIL_SHARE)}, ${pct(OPTION_NIL_SHARE)} of its ${usd(strike)} price`;
}
