import {assumptionLineage} from "../assumptions.js";
import {type Lineage, leaf, mergeLineage} from "../lineage.js";
import type {Assumption, ChipOption} from "../model.js";
import {blackScholesCall} from "./blackScholes.js";
import {monteCarloCall} from "./monteCarloCall.js";

export interface ChipOptionInputs {
  /** Valuation date, ISO (the deal's as-of date); T counts from here to the option's `exercisable`. */
  asOf: string;
  /** Deal id, for the lineage (`<deal>.hardware.options.<option id>`). */
  deal: string;
  /** The assumption records, for the lineage's statuses. */
  assumptions: readonly Assumption[];
  /**
   * The scenario's assumption values in their units: `revenue-per-gw-year` (USD bn per GW-year),
   * `generation-gain` (ratio ≥ 1), `next-gen-price-ratio` (ratio > 0), `option-volatility` (fraction) and
   * `risk-free-rate` (fraction) are read.
   */
  values: Readonly<Record<string, number>>;
  /** GW of capacity the option covers; defaults to 1, so values are per GW. */
  gw?: number;
  /** Whole years of use taken on exercise; defaults to 1, so values are per GW-year. */
  yearsOfUse?: number;
  /** Years between chip generations, which sets how fast a generation's value erodes; defaults to 2. */
  generationYears?: number;
  /** Monte Carlo paths; defaults to 100,000. */
  draws?: number;
  /** Monte Carlo seed; defaults to "compute-deals". The stream is `chip-option:<option id>`. */
  seed?: string | number;
  /**
   * false skips the Monte Carlo check, the cost of waiting and the grid (they come back NaN and empty): for use
   * inside another Monte Carlo, where only the closed-form value is needed. Defaults to true.
   */
  detail?: boolean;
}

/** One cell of the "option value against volatility and time to exercise" heat map. */
export interface OptionGridCell {
  volatility: number;
  years: number;
  /** Option value in USD, everything else as in the valuation. */
  value: number;
}

export interface ChipOptionValue {
  option: string;
  /** S: value today of the compute one GW-year of the future generation delivers, USD per GW-year. */
  spot: number;
  /** K: price of a GW-year on the next generation, USD: today's rate × next-gen-price-ratio. */
  strike: number;
  /** T: years from asOf to the exercise date (0 if already exercisable). */
  years: number;
  /** σ, r and the erosion yield q = ln(generation gain) ÷ generation years, all annual. */
  volatility: number;
  rate: number;
  erosion: number;
  gw: number;
  yearsOfUse: number;
  /** Closed-form value of the option, USD. */
  value: number;
  /** value ÷ (gw × yearsOfUse), USD per GW-year. */
  valuePerGwYear: number;
  /** The value at zero volatility (exercise is certain to be worth what the forward says), USD. */
  intrinsicValue: number;
  /** Monte Carlo value and its standard error, USD. */
  monteCarlo: {value: number; standardError: number};
  /** Value lost by exercising one year later (T + 1), both in today's dollars, USD; negative if waiting pays. */
  costOfWaiting: number;
  /** σ from 0.1 to 1.0 by 0.1 × T from 0.5 to 5 years by 0.5: 100 rows, σ-major. */
  grid: OptionGridCell[];
  lineage: Lineage;
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Returns why an option is not valued by {@link valueChipOption}, in one sentence, or null for a right on a future
 * generation (the only kind the model describes).
 *
 * @example unvaluedReason({kind: "expansion"}) // "A right to more of the same capacity: …"
 */
export function unvaluedReason(option: Pick<ChipOption, "kind">): string | null {
  switch (option.kind ?? "next-generation") {
    case "expansion":
      return "A right to more of the same capacity, not to a newer generation: its value is the gap between the reserved and the future market price of the same chips, and neither is disclosed, so it is shown unvalued.";
    case "warrant-for-purchases":
      return "A warrant that vests as the lab buys and as the vendor's share price reaches targets: a call on the vendor's stock at a near-zero strike, whose value is the shares of each tranche × the chance that tranche's purchase milestone and price target are both met. What of the filing could be read (the warrant's opening and the 8-K's summary of it) gives the first purchase milestone, the purchases that vest it in full and the final price target, but not each tranche's shares or price target, so a value would rest on invented tranche terms: it is shown unvalued, and the deal's own figures give its worth at the signing price and at the final target.";
    default:
      return null;
  }
}
const USED = ["revenue-per-gw-year", "generation-gain", "next-gen-price-ratio", "option-volatility", "risk-free-rate"] as const;

/**
 * Returns the value, in US dollars, of a right to take `gw` of capacity on a future chip generation at a
 * reserved price, with a Monte Carlo check, the cost of waiting a year and a volatility × time grid.
 *
 * **Model.** The underlying is the market value of one GW-year of capacity on the future generation. Today it is
 * worth what the same compute costs on today's capacity: S = revenue-per-gw-year × generation-gain (a new
 * generation does `generation-gain` times the work per watt, so a GW-year of it replaces that many GW-years of
 * today's). The reserved price is today's contract rate, K = revenue-per-gw-year, as a long commitment priced now
 * would fix it. That value erodes while the holder waits, because compute gets cheaper as later generations
 * arrive: at the erosion yield q = ln(generation-gain) ÷ `generationYears`, a generation loses one
 * generation-gain of value per cadence, so its forward value is S·e^((r − q)T) (with the base values, S = 2K
 * erodes to about 1.4K by the 2028 exercise date). The value follows geometric Brownian motion with volatility
 * σ = option-volatility, and r = risk-free-rate (a Treasury yield, not the NPVs' discount rate). The option is European, exercised at T = years from `asOf` to
 * the option's `exercisable` date, and valued with Black–Scholes–Merton with yield q. Exercise takes
 * `yearsOfUse` years of capacity, paid yearly in advance at K; year k's capacity is worth the first year's
 * eroded by e^(−qk), and its price is discounted by e^(−rk), so the block is a call on A_q GW-years at the
 * effective strike K·A_r ÷ A_q, where A_x = Σ e^(−xk) for k < yearsOfUse. Value = gw × A_q × call.
 * The cost of waiting is value(T) − value(T + 1), both discounted to `asOf`: erosion against the time value
 * of the extra year. The Monte Carlo value prices the same call by simulation (stream `chip-option:<id>`).
 *
 * **Limits.** The reserved price and the option's size are not disclosed for any deal; K = today's rate and
 * `gw` = 1 are placeholders that make the figure "per GW". Capacity is not a traded asset, so the risk-neutral
 * pricing is an analogy; the discount rate stands in for the risk-free rate (a higher r raises the value by
 * lowering the strike's present value). The volatility is an editors' assumption. One exercise date is
 * modelled (the real right likely spans several generations), erosion is smooth rather than stepped at each
 * launch, and the lab's other choices (another cloud, older chips) are not valued. Read it as the order of
 * magnitude of the flexibility, not a price.
 *
 * Throws `invalid asOf`/`invalid exercisable` (not ISO dates), `invalid <assumption id>` (missing, or out of
 * domain: revenue > 0, gain ≥ 1, volatility ≥ 0, rate finite), `invalid gw` (≥ 0), `invalid yearsOfUse`
 * (positive integer), `invalid generationYears` (> 0) and as {@link monteCarloCall}.
 *
 * @example valueChipOption(option, {asOf: "2026-06-30", deal: "amazon-anthropic", assumptions, values})
 * // {value: ≈4.9e9, costOfWaiting: ≈1.8e9, …} per GW-year with the base values
 */
export function valueChipOption(option: ChipOption, inputs: ChipOptionInputs): ChipOptionValue {
  const {
    asOf,
    deal,
    assumptions,
    values,
    gw = 1,
    yearsOfUse = 1,
    generationYears = 2,
    draws = 100_000,
    seed = "compute-deals",
    detail = true
  } = inputs;
  const years = yearsToExercise(option, asOf);
  const revenue = value(values, "revenue-per-gw-year", (x) => x > 0);
  const gain = value(values, "generation-gain", (x) => x >= 1);
  const priceRatio = value(values, "next-gen-price-ratio", (x) => x > 0);
  const volatility = value(values, "option-volatility", (x) => x >= 0);
  const rate = value(values, "risk-free-rate", () => true);
  if (!(gw >= 0 && gw < Infinity)) throw new Error(`invalid gw: ${gw}`);
  if (!(Number.isInteger(yearsOfUse) && yearsOfUse >= 1)) throw new Error(`invalid yearsOfUse: ${yearsOfUse}`);
  if (!(generationYears > 0 && generationYears < Infinity)) throw new Error(`invalid generationYears: ${generationYears}`);
  const spot = revenue * 1e9 * gain;
  // The strike follows the next generation's price path: a GW-year on it costs priceRatio × today's rate, so the
  // right is in the money only when the new generation is cheaper per unit of compute (gain > priceRatio).
  const strike = revenue * 1e9 * priceRatio;
  const erosion = Math.log(gain) / generationYears;
  const capacity = gw * annuity(erosion, yearsOfUse); // GW-years, in first-year value
  const effectiveStrike = (strike * annuity(rate, yearsOfUse)) / annuity(erosion, yearsOfUse);
  const call = {spot, strike: effectiveStrike, rate, dividendYield: erosion};
  const valueAt = (v: number, t: number) => capacity * blackScholesCall({...call, volatility: v, years: t});
  const optionValue = valueAt(volatility, years);
  const mc = detail
    ? monteCarloCall({...call, volatility, years, draws, seed, stream: `chip-option:${option.id}`})
    : {value: Number.NaN, standardError: Number.NaN};
  const grid: OptionGridCell[] = [];
  for (let i = 1; detail && i <= 10; ++i) {
    for (let j = 1; j <= 10; ++j) grid.push({volatility: i / 10, years: j / 2, value: valueAt(i / 10, j / 2)});
  }
  return {
    option: option.id,
    spot,
    strike,
    years,
    volatility,
    rate,
    erosion,
    gw,
    yearsOfUse,
    value: optionValue,
    valuePerGwYear: gw > 0 ? optionValue / (gw * yearsOfUse) : 0,
    intrinsicValue: valueAt(0, years),
    monteCarlo: {value: capacity * mc.value, standardError: capacity * mc.standardError},
    costOfWaiting: detail ? optionValue - valueAt(volatility, years + 1) : Number.NaN,
    grid,
    lineage: mergeLineage(
      leaf(`${deal}.hardware.options.${option.id}`, option.status),
      ...USED.map((id) => assumptionLineage(assumptions, id))
    )
  };
}

/**
 * Returns only the closed-form value in US dollars of the option described in {@link valueChipOption}, for `years`
 * to exercise: the same model without the Monte Carlo, grid or lineage, cheap enough to run inside another Monte
 * Carlo. Inputs are not validated here; valueChipOption validates the same inputs.
 */
export function chipOptionClosedForm(
  years: number,
  values: Readonly<Record<string, number>>,
  {gw = 1, yearsOfUse = 1, generationYears = 2}: {gw?: number; yearsOfUse?: number; generationYears?: number} = {}
): number {
  const revenue = values["revenue-per-gw-year"];
  const gain = values["generation-gain"];
  const rate = values["risk-free-rate"];
  const erosion = Math.log(gain) / generationYears;
  const capacity = gw * annuity(erosion, yearsOfUse);
  const strike = (revenue * 1e9 * values["next-gen-price-ratio"] * annuity(rate, yearsOfUse)) / annuity(erosion, yearsOfUse);
  return (
    capacity *
    blackScholesCall({spot: revenue * 1e9 * gain, strike, rate, dividendYield: erosion, volatility: values["option-volatility"], years})
  );
}

/** Returns the years from `asOf` to the option's exercise date (0 once it is exercisable). */
export function yearsToExercise(option: Pick<ChipOption, "exercisable">, asOf: string): number {
  return Math.max(0, (isoTime(option.exercisable, "exercisable") - isoTime(asOf, "asOf")) / YEAR_MS);
}

/** Σ e^(−rate·k) for k = 0 … n − 1: present value of n yearly payments of 1 made in advance. */
function annuity(rate: number, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; ++k) sum += Math.exp(-rate * k);
  return sum;
}

function isoTime(date: string, name: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time)) throw new Error(`invalid ${name}: ${date}`);
  return time;
}

function value(values: Readonly<Record<string, number>>, id: string, valid: (x: number) => boolean): number {
  const x = values[id];
  if (!(typeof x === "number" && Number.isFinite(x) && valid(x))) throw new Error(`invalid ${id}: ${x}`);
  return x;
}
