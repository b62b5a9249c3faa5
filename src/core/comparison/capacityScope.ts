import type {Deal} from "../model.js";

/** What a deal's capacity figure covers among the chips the deal names. */
export interface CapacityScope {
  /** True when the deal names hardware that its capacity figure does not count, so GW-based ratios are partial. */
  partial: boolean;
  /** Chip ids the capacity figure counts (the capacity's chips that the deal also names, or all of them). */
  covered: string[];
  /** Chip ids the deal names in its hardware that the capacity figure leaves out. */
  uncovered: string[];
  /** True when the capacity is contracted on top of the dollar commitment, not what it buys (`capacity.beyondCommitment`). */
  additional: boolean;
}

/**
 * Returns which of a deal's named chips its capacity ceiling covers. A ceiling stated for some chips only
 * (Amazon–OpenAI's "about 2 GW" is Trainium3 and Trainium4, while its Nvidia GPUs are counted in units, not GW)
 * makes every GW-based figure partial: $ per GW then divides the whole commitment by part of the capacity. A deal
 * without capacity, or whose capacity lists no chips, is not partial (nothing tells what is missing). `additional`: the
 * capacity is contracted on top of the commitment (`capacity.beyondCommitment`), so no GW-based ratio of the
 * commitment applies either.
 *
 * @example capacityScope(amazonOpenai) // {partial: true, covered: ["trainium3", "trainium4"], uncovered: ["gb200", "gb300"]}
 */
export function capacityScope(deal: Pick<Deal, "hardware" | "capacity">): CapacityScope {
  const chips = deal.capacity?.chips ?? [];
  const additional = deal.capacity?.beyondCommitment === true;
  if (chips.length === 0) return {partial: false, covered: [], uncovered: [], additional};
  const counted = new Set(chips);
  const uncovered = deal.hardware.chips.filter((id) => !counted.has(id));
  return {partial: uncovered.length > 0, covered: [...chips], uncovered, additional};
}
