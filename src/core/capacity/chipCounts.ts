/** Accelerator, server and FLOP/s counts for capacity split across chips (loops, not closures: this runs per draw). */
import type {Chip} from "../model.js";
import {acceleratorsToFlops, acceleratorsToServers, facilityGwToItMw, itMwToAccelerators} from "./convert.js";

/**
 * Returns whole accelerators per chip for facility GW per chip (`gw` aligned with `chips`) at a PUE; `itKw`, when
 * given (aligned with `chips`), replaces each chip's own IT power (a Monte Carlo draw).
 *
 * @example chipAccelerators([trainium2], [1], 1.15) // [1159420]
 */
export function chipAccelerators(chips: readonly Chip[], gw: readonly number[], pue: number, itKw?: readonly number[]): number[] {
  const counts = new Array<number>(chips.length);
  for (let k = 0; k < chips.length; ++k) counts[k] = itMwToAccelerators(facilityGwToItMw(gw[k], pue), itKw ? itKw[k] : chips[k].itKw.value);
  return counts;
}

/**
 * Returns the servers that hold `counts` accelerators (aligned with `chips`), rounded up per chip and summed.
 *
 * @example chipServers([trainium2], [130]) // 3 (64 per Trn2 UltraServer)
 */
export function chipServers(chips: readonly Chip[], counts: readonly number[]): number {
  let servers = 0;
  for (let k = 0; k < chips.length; ++k) servers += acceleratorsToServers(counts[k], chips[k].perServer);
  return servers;
}

/**
 * Returns the peak dense FLOP/s of `counts` accelerators (aligned with `chips`) at a precision; NaN when a chip
 * with accelerators has no figure at that precision (fp8 is optional). `pflops`, when given (aligned with
 * `chips`, NaN for no figure), replaces each chip's own figure (a Monte Carlo draw).
 *
 * @example chipFlops([trainium2], [1000], "bf16") // 6.67e17
 */
export function chipFlops(
  chips: readonly Chip[],
  counts: readonly number[],
  precision: "bf16" | "fp8",
  pflops?: readonly number[]
): number {
  let flops = 0;
  for (let k = 0; k < chips.length; ++k) {
    if (counts[k] === 0) continue;
    const own = pflops ? pflops[k] : chips[k].flops[precision]?.value;
    if (own === undefined || Number.isNaN(own)) return NaN;
    const value = own;
    flops += acceleratorsToFlops(counts[k], value);
  }
  return flops;
}
