import type {Rng} from "./rngFor.js";

/**
 * Returns the p-quantile of the triangular distribution on [low, high] with the given mode (the inverse of its
 * CDF): low + √(p·(high − low)·(mode − low)) below the mode's probability (mode − low)/(high − low), else
 * high − √((1 − p)·(high − low)·(high − mode)). p = 0 gives low, p = 1 gives high; low = mode = high gives that
 * value for every p. No validation here, since samplers call it per draw: use {@link triangularSampler}, or
 * validate first.
 *
 * @example triangularQuantile(0.5, 0, 1, 2) // 1
 */
export function triangularQuantile(p: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width === 0) return low;
  return p * width < mode - low ? low + Math.sqrt(p * width * (mode - low)) : high - Math.sqrt((1 - p) * width * (high - mode));
}

/**
 * Returns a sampler of the triangular distribution on [low, high] peaking at mode, by inverse CDF
 * ({@link triangularQuantile}) of the next number of `rng`, so one uniform draw gives one value. Its mean is
 * (low + mode + high) / 3 and its variance (a² + b² + c² − ab − ac − bc) / 18. low = mode = high gives that value.
 * Throws `invalid low`, `invalid mode` or `invalid high` unless all are finite and low ≤ mode ≤ high.
 *
 * @example triangularSampler(rngFor(1, "pue"), 1.08, 1.15, 1.3)() // a PUE between 1.08 and 1.3
 */
export function triangularSampler(rng: Rng, low: number, mode: number, high: number): () => number {
  if (!Number.isFinite(low)) throw new Error(`invalid low: ${low}`);
  if (!(Number.isFinite(mode) && mode >= low)) throw new Error(`invalid mode: ${mode}`);
  if (!(Number.isFinite(high) && high >= mode)) throw new Error(`invalid high: ${high}`);
  return () => triangularQuantile(rng(), low, mode, high);
}
