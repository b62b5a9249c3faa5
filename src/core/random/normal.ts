import type {Rng} from "./rngFor.js";

/**
 * Returns a sampler of the normal distribution with the given mean and standard deviation (defaults 0 and 1),
 * by Marsaglia's polar method: two uniforms on (−1, 1) inside the unit circle give two independent normals; the
 * second is kept for the next call. Deterministic for a given `rng`; it uses Math.log and Math.sqrt, so values
 * are bit-identical across machines running the same JavaScript engine (V8 in Node and Chrome), and agree to the
 * last bit or so elsewhere. sd = 0 gives the mean. Throws `invalid mean`/`invalid sd` unless finite and sd ≥ 0.
 *
 * @example normalSampler(rngFor(1, "z"))() // a standard normal draw
 */
export function normalSampler(rng: Rng, mean = 0, sd = 1): () => number {
  if (!Number.isFinite(mean)) throw new Error(`invalid mean: ${mean}`);
  if (!(Number.isFinite(sd) && sd >= 0)) throw new Error(`invalid sd: ${sd}`);
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return mean + sd * spare;
    }
    let x: number;
    let y: number;
    let r: number;
    do {
      x = 2 * rng() - 1;
      y = 2 * rng() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const scale = Math.sqrt((-2 * Math.log(r)) / r);
    spare = y * scale;
    hasSpare = true;
    return mean + sd * x * scale;
  };
}
