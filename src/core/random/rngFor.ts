import {hashString} from "./hashString.js";
import {xoshiro128ss} from "./xoshiro128ss.js";

/** A source of uniform random numbers in [0, 1), like Math.random but seeded. */
export type Rng = () => number;

/**
 * Returns a seeded uniform generator for one stream: each call returns the next number in [0, 1), a multiple
 * of 2^−32. The state is the 128-bit hash ({@link hashString}) of the pair [String(seed), stream], so each deal
 * (stream = deal id) draws from its own sequence derived from the global seed: adding a deal or drawing more in
 * another stream never changes this stream's draws. A number seed is the same as its string form (42 ≡ "42").
 * The same seed and stream give bit-identical sequences on every machine (xoshiro128**, 32-bit integer
 * arithmetic only).
 *
 * @example rngFor("compute-deals", "amazon-anthropic")() // 0.5360092862974852
 */
export function rngFor(seed: string | number, stream: string): Rng {
  if (!(typeof seed === "string" || (typeof seed === "number" && Number.isFinite(seed)))) throw new Error(`invalid seed: ${seed}`);
  if (typeof stream !== "string") throw new Error(`invalid stream: ${stream}`);
  const [a, b, c, d] = hashString(JSON.stringify([String(seed), stream]));
  // A zero hash is astronomically unlikely, but xoshiro must not start from an all-zero state.
  const next = xoshiro128ss(a, b, c, (a | b | c | d) === 0 ? 1 : d);
  return () => next() / 4294967296;
}
