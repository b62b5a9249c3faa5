import type {Rng} from "./rngFor.js";

/**
 * Returns a sampler of the continuous uniform distribution on [low, high): each call maps the next number of
 * `rng` linearly onto the interval. low = high gives that value every time. Throws `invalid low`/`invalid high`
 * unless both are finite and low ≤ high.
 *
 * @example uniformSampler(rngFor(1, "x"), 10, 20)() // a number in [10, 20)
 */
export function uniformSampler(rng: Rng, low: number, high: number): () => number {
  if (!Number.isFinite(low)) throw new Error(`invalid low: ${low}`);
  if (!(Number.isFinite(high) && high >= low)) throw new Error(`invalid high: ${high}`);
  const width = high - low;
  return () => low + width * rng();
}
