/** Accelerator, server and FLOP/s counts for capacity split across chips. */
import type {Chip} from "../model.js";
import {acceleratorsToFlops, acceleratorsToServers, facilityGwToItMw, itMwToAccelerators} from "./convert.js";

export interface ChipCounter {
  /** Whole accelerators per chip for facility GW per chip (aligned with the chips) at a PUE. */
  accelerators(gw: readonly number[], pue: number): number[];
  /** Servers to hold the accelerators, rounded up per chip and summed. */
  servers(counts: readonly number[]): number;
  /** Peak dense FLOP/s of the accelerators; NaN if a chip with accelerators has no figure at the precision. */
  flops(counts: readonly number[], precision: "bf16" | "fp8"): number;
}

/**
 * Returns counters for capacity split across `chips` (arrays passed to them are aligned with `chips`).
 *
 * @example chipCounter([trainium2]).accelerators([1], 1.15) // [1159420]
 */
export function chipCounter(chips: readonly Chip[]): ChipCounter {
  return {
    accelerators: (gw, pue) => gw.map((g, k) => itMwToAccelerators(facilityGwToItMw(g, pue), chips[k].itKw.value)),
    servers: (counts) => counts.reduce((sum, c, k) => sum + acceleratorsToServers(c, chips[k].perServer), 0),
    flops: (counts, precision) =>
      counts.reduce((sum, c, k) => {
        const pflops = chips[k].flops[precision]?.value;
        return c === 0 ? sum : pflops === undefined ? NaN : sum + acceleratorsToFlops(c, pflops);
      }, 0)
  };
}
