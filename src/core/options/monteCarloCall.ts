import {normalSampler} from "../random/normal.js";
import {rngFor} from "../random/rngFor.js";
import {type OptionInputs, validateOptionInputs} from "./blackScholes.js";

export interface MonteCarloCallOptions extends OptionInputs {
  /** Number of simulated paths, a positive integer; defaults to 100,000. */
  draws?: number;
  /** Seed of the generator ({@link rngFor}); the same seed and stream give the same value on every run. */
  seed: string | number;
  /** Stream name; defaults to "monteCarloCall". */
  stream?: string;
}

/** A Monte Carlo estimate and its standard error, in the unit of spot and strike. */
export interface MonteCarloEstimate {
  value: number;
  /** Sample standard deviation of the discounted payoffs ÷ √draws; 0 when every payoff is the same. */
  standardError: number;
}

/**
 * Returns the value of a European call estimated by Monte Carlo under geometric Brownian motion, with its
 * standard error: each draw takes one standard normal z (Marsaglia polar, seeded), sets the terminal price
 * S_T = S·exp((r − q − σ²/2)T + σ√T·z) and pays e^(−rT)·max(S_T − K, 0); the value is the mean payoff. It
 * converges on {@link blackScholesCall} (within about 3 standard errors almost always); it exists to check the
 * closed form and to show the sampling noise on the options page. T = 0 or σ = 0 gives the intrinsic value with
 * standard error 0. Throws as {@link blackScholesCall}, and `invalid draws` unless a positive integer.
 *
 * @example monteCarloCall({spot: 100, strike: 100, years: 1, volatility: 0.2, rate: 0.05, seed: 1})
 * // {value: ≈10.45, standardError: ≈0.047}
 */
export function monteCarloCall(options: MonteCarloCallOptions): MonteCarloEstimate {
  const {spot, strike, years, volatility, rate, dividendYield = 0} = validateOptionInputs(options);
  const {draws = 100_000, seed, stream = "monteCarloCall"} = options;
  if (!(Number.isInteger(draws) && draws >= 1)) throw new Error(`invalid draws: ${draws}`);
  const z = normalSampler(rngFor(seed, stream));
  const drift = (rate - dividendYield - (volatility * volatility) / 2) * years;
  const diffusion = volatility * Math.sqrt(years);
  const discount = Math.exp(-rate * years);
  // Welford's running mean and sum of squared deviations: stable without storing the payoffs.
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= draws; ++i) {
    const terminal = spot * Math.exp(drift + diffusion * z());
    const payoff = terminal > strike ? discount * (terminal - strike) : 0;
    const delta = payoff - mean;
    mean += delta / i;
    m2 += delta * (payoff - mean);
  }
  const standardError = draws > 1 ? Math.sqrt(m2 / (draws - 1) / draws) : 0;
  return {value: mean, standardError};
}
