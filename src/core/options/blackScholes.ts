import {normalCdf} from "./normalCdf.js";

/** The inputs of a European option under Black–Scholes–Merton. */
export interface OptionInputs {
  /** Price of the underlying today, ≥ 0. */
  spot: number;
  /** Exercise price, ≥ 0, in the spot's unit. */
  strike: number;
  /** Time to exercise in years, ≥ 0. */
  years: number;
  /** Annual volatility of the underlying's log price, ≥ 0 (0.2 is 20%). */
  volatility: number;
  /** Continuously compounded annual interest rate (0.05 is 5%); may be negative. */
  rate: number;
  /**
   * Continuous annual yield paid by the underlying, or the rate at which its value erodes while the holder
   * waits; defaults to 0.
   */
  dividendYield?: number;
}

/**
 * Returns the Black–Scholes–Merton value of a European call, in the unit of spot and strike:
 * S·e^(−qT)·Φ(d1) − K·e^(−rT)·Φ(d2), with d1 = (ln(S/K) + (r − q + σ²/2)T) / (σ√T) and d2 = d1 − σ√T. At T = 0
 * or σ = 0 it is the discounted intrinsic value max(S·e^(−qT) − K·e^(−rT), 0); a zero strike gives S·e^(−qT) and a
 * zero spot 0. Throws `invalid spot`, `invalid strike`, `invalid years`, `invalid volatility`, `invalid rate` or
 * `invalid dividendYield` for negative or non-finite inputs (rate and dividendYield may be negative).
 *
 * @example blackScholesCall({spot: 100, strike: 100, years: 1, volatility: 0.2, rate: 0.05}) // 10.4506
 */
export function blackScholesCall(inputs: OptionInputs): number {
  const {spot, strike, years, volatility, rate, dividendYield = 0} = validateOptionInputs(inputs);
  const forward = spot * Math.exp(-dividendYield * years);
  const pvStrike = strike * Math.exp(-rate * years);
  const s = volatility * Math.sqrt(years);
  if (s === 0 || spot === 0 || strike === 0) return Math.max(forward - pvStrike, 0);
  const d1 = (Math.log(forward / pvStrike) + (s * s) / 2) / s;
  return forward * normalCdf(d1) - pvStrike * normalCdf(d1 - s);
}

/**
 * Returns the Black–Scholes–Merton value of a European put, in the unit of spot and strike:
 * K·e^(−rT)·Φ(−d2) − S·e^(−qT)·Φ(−d1). It satisfies put–call parity C − P = S·e^(−qT) − K·e^(−rT). Edge cases
 * and errors as {@link blackScholesCall}.
 *
 * @example blackScholesPut({spot: 100, strike: 100, years: 1, volatility: 0.2, rate: 0.05}) // 5.5735
 */
export function blackScholesPut(inputs: OptionInputs): number {
  const {spot, strike, years, volatility, rate, dividendYield = 0} = validateOptionInputs(inputs);
  const forward = spot * Math.exp(-dividendYield * years);
  const pvStrike = strike * Math.exp(-rate * years);
  const s = volatility * Math.sqrt(years);
  if (s === 0 || spot === 0 || strike === 0) return Math.max(pvStrike - forward, 0);
  const d1 = (Math.log(forward / pvStrike) + (s * s) / 2) / s;
  return pvStrike * normalCdf(s - d1) - forward * normalCdf(-d1);
}

/**
 * Returns the inputs unchanged if they are usable by the option functions, else throws `invalid <name>: <value>`
 * (spot, strike, years and volatility must be finite and ≥ 0; rate and dividendYield finite).
 *
 * @example validateOptionInputs({spot: 1, strike: 1, years: 0, volatility: 0, rate: 0}) // the same object
 */
export function validateOptionInputs(inputs: OptionInputs): OptionInputs {
  const {spot, strike, years, volatility, rate, dividendYield = 0} = inputs;
  if (!(spot >= 0 && spot < Infinity)) throw new Error(`invalid spot: ${spot}`);
  if (!(strike >= 0 && strike < Infinity)) throw new Error(`invalid strike: ${strike}`);
  if (!(years >= 0 && years < Infinity)) throw new Error(`invalid years: ${years}`);
  if (!(volatility >= 0 && volatility < Infinity)) throw new Error(`invalid volatility: ${volatility}`);
  if (!Number.isFinite(rate)) throw new Error(`invalid rate: ${rate}`);
  if (!Number.isFinite(dividendYield)) throw new Error(`invalid dividendYield: ${dividendYield}`);
  return inputs;
}
