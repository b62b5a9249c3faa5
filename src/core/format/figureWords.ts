/**
 * A figure in words: the one function every output (the CLI, the pages, the briefings, the generated sentences)
 * writes a figure with, so one figure has one spelling everywhere.
 *
 * The significant-figure rule: a figure stated by a source, with status `confirmed` or `reported`, is written as
 * its source wrote it (2.75 stays "$2.75B", 1.25 stays "1.25 GW"); every other figure, computed (derived) or with
 * status `estimate` or `assumption`, is rounded to three significant figures ("4.01 million", "31,000", "9.09
 * GW-years"); ratios and percentages are whole from 10 and have two significant figures below ("18%", "7.7×"). A
 * computed floor ("over") is rounded down and a ceiling ("up to") up, so the word stays true ("over 7.6×" for 7.69).
 * Bounds are written with bounds.ts's words ("up to", "over", "about"; "about" for a negative value with a
 * floor or a ceiling).
 */
import type {MoneyTerm} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Bound, Status} from "../model.js";
import {withBound} from "./bounds.js";
import {assertFinite, type Precision, roundSig} from "./numbers.js";
import {unitText} from "./units.js";

/** What a figure needs to be written: its value and unit, and optionally bound, status and a low–high range. */
export interface FigureLike {
  value: number;
  unit: string;
  bound?: Bound;
  status?: Status;
  /** True for a computed figure: its status is its weakest input's, and it is never written "as its source wrote it". */
  derived?: boolean;
  /** Computed at a floor of the deal's terms with assumed inputs: "about 3.04 million or more" (Figure.orMore). */
  orMore?: boolean;
  /** A floor the value can equal (Figure.inclusive): "at least 6×", not "over 6×". */
  inclusive?: boolean;
  /** A range around the value (e.g. P10–P90), in the value's unit. */
  low?: number;
  high?: number;
}

/**
 * Returns the precision a figure is written at: "as-written" for a stated (not derived) `confirmed` or `reported`
 * figure, "3sf" otherwise (a figure whose status is not given counts as computed).
 */
export function figurePrecision({status, derived = false}: Pick<FigureLike, "status" | "derived">): Precision {
  return !derived && (status === "confirmed" || status === "reported") ? "as-written" : "3sf";
}

/**
 * Returns the precision a computed figure with a bound word is written at, so the word stays true: a floor ("over")
 * rounds down, a ceiling ("up to") up; a figure as its source wrote it, an approximation, an exact figure, zero and a
 * negative value (whose floor or ceiling reads "about", see bounds.ts) round to the nearest digit.
 *
 * @example boundPrecision("3sf", "at-least", 7.69) // "3sf-down": "over 7.6×"
 */
export function boundPrecision(precision: Precision, bound: Bound | undefined, value: number): Precision {
  if (precision !== "3sf" || !(value > 0)) return precision;
  return bound === "at-least" ? "3sf-down" : bound === "up-to" ? "3sf-up" : precision;
}

/**
 * Returns `value` written by `format` (a unit formatter of this vocabulary: usd, pct, times…) with its bound's words,
 * rounded the way the bound points (see {@link boundPrecision}): for a page that formats a computed figure with a
 * formatter of its own choosing. Prefer it to `withBound(format(value), bound, value)`, which rounds a floor up.
 *
 * @example bounded(100 / 13, "at-least", times) // "over 7.6×"
 */
export function bounded(
  value: number,
  bound: Bound | undefined,
  format: (x: number, precision?: Precision) => string,
  inclusive = false
): string {
  return withBound(format(value, boundPrecision("3sf", bound, value)), bound, value, inclusive);
}

/**
 * Returns a figure in words: value in its unit at its precision, preceded by its bound's words, followed by its
 * range when it has one; `bare` leaves the bound out. Throws `invalid figure value: NaN` for a value (or range end)
 * that is not a finite number, and for an unknown bound.
 *
 * @example figureWords({value: 100, unit: "usd-bn", bound: "at-least", status: "confirmed"}) // "over $100B"
 * @example figureWords({value: 100 / 11, unit: "gw-years", bound: "at-least", status: "assumption", derived: true}) // "over 9.09 GW-years"
 * @example figureWords({value: -3.4123e9, unit: "usd", bound: "at-least", derived: true}) // "about −$3.41B"
 * @example figureWords({value: 1.2e9, unit: "usd", low: 0.8e9, high: 1.61e9}) // "$1.2B ($800M–$1.61B)"
 */
export function figureWords(figure: FigureLike, {bare = false}: {bare?: boolean} = {}): string {
  const {value, unit, bound, low, high} = figure;
  assertFinite(value);
  const precision = boundPrecision(figurePrecision(figure), bare ? undefined : bound, value);
  const text = unitText(value, unit, precision);
  const main = bare
    ? text
    : `${withBound(text, bound, value, figure.inclusive)}${figure.orMore && bound !== "at-least" && value > 0 ? " or more" : ""}`;
  if (low === undefined || high === undefined) return main;
  assertFinite(low);
  assertFinite(high);
  return `${main} (${unitText(low, unit, "3sf")}–${unitText(high, unit, "3sf")})`;
}

/**
 * Returns a value in its unit's words with its bound: the short form of {@link figureWords}. Without a status the
 * value counts as computed (three significant figures).
 *
 * @example figureText(100, "usd-bn", "at-least", "confirmed") // "over $100B"
 */
export function figureText(value: number, unit: string, bound?: Bound, status?: Status): string {
  return figureWords({value, unit, bound, status});
}

/**
 * Returns a computed figure (src/core/lineage.ts) in words; it is derived, so three significant figures; a figure
 * that carries its own words (a term over several contracts) is written with them.
 *
 * @example derivedText({value: 100 / 11, unit: "gw-years", bound: "at-least", lineage}) // "over 9.09 GW-years"
 */
export function derivedText(
  figure: Pick<Figure, "value" | "unit" | "bound" | "words" | "orMore" | "inclusive">,
  {bare = false}: {bare?: boolean} = {}
): string {
  // A figure one number would misstate carries its words ("7–8 years (2 contracts)").
  if (figure.words) return figure.words;
  return figureWords(
    {value: figure.value, unit: figure.unit, bound: figure.bound, derived: true, orMore: figure.orMore, inclusive: figure.inclusive},
    {bare}
  );
}

/**
 * Returns a model input (an assumption's low, base or high, a scenario's or a reader's value) in its unit, with
 * every digit the data writes it with, so a reader can recompute each figure from the inputs printed: a PUE of 1.15
 * is "1.15×", not "1.1×"; a 35.4% margin is "35.4%", not "35%". Derived figures keep the three-significant-figure
 * rule; inputs are not derived.
 *
 * @example inputText(1.15, "ratio") // "1.15×"
 * @example inputText(0.354, "fraction") // "35.4%"
 */
export function inputText(value: number, unit: string): string {
  assertFinite(value);
  return unitText(value, unit, "as-written");
}

/**
 * Returns a value and its standard error, the error to two significant figures and never more precise than the
 * value's last written digit (its third significant figure): (1.234e9, 24.6e6, "usd") → "$1.23B ± $20M" ($25M
 * would claim a digit the $1.23B does not show); an error below that digit is written as that digit
 * ((2.02e9, 3e6) → "$2.02B ± $10M"); 0 stays 0.
 */
export function plusMinus(value: number, error: number, unit: string): string {
  assertFinite(value);
  assertFinite(error);
  const a = Math.abs(error);
  const shown = roundSig(value);
  let e = 0;
  if (a > 0) {
    // One rounding, at the coarser of the error's second significant digit and the value's third.
    const own = 10 ** (Math.floor(Math.log10(a)) - 1);
    const step = shown === 0 ? own : Math.max(own, 10 ** (Math.floor(Math.log10(Math.abs(shown))) - 2));
    e = Number((Math.max(1, Math.round(a / step)) * step).toPrecision(12));
  }
  return `${unitText(value, unit, "3sf")} ± ${unitText(e, unit, "as-written")}`;
}

/**
 * Returns a money term (src/core/headlines.ts) in words: a stated total or tranche as its source wrote it, a sum
 * of several at three significant figures.
 *
 * @example moneyTermText(headlineTerms(amazonAnthropic).committed) // "over $100B"
 */
export function moneyTermText(term: Pick<MoneyTerm, "usd" | "bound" | "fact" | "lineage">, {bare = false}: {bare?: boolean} = {}): string {
  return figureWords(
    {value: term.usd, unit: "usd", bound: term.bound, status: term.fact?.status ?? term.lineage.status, derived: !term.fact},
    {bare}
  );
}

/**
 * Returns a dollar figure a model computed at stated values (a scenario's cash NPV, a sum of them) with "about",
 * as every figure computed from an assumption reads: "about −$7.61B".
 *
 * @example modelUsd(-7.61e9) // "about −$7.61B"
 */
export function modelUsd(value: number): string {
  return derivedText({value, unit: "usd", bound: "about"});
}
