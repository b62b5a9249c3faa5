/**
 * What a deal's capacity figure is called, decided once for every output (the CLI, the key box, the capacity
 * section): a ceiling only when it is one. "Over 10 GW" is a floor, not a ceiling; Amazon → OpenAI's "about 2 GW" is
 * the Trainium part of the deal, whose Nvidia GPUs are stated in units (critic s8 M3); Microsoft + Nvidia →
 * Anthropic's "up to 1 GW" is contracted on top of its commitment.
 */
import type {Bound} from "../model.js";

/** What the label needs of a deal's capacity (src/core/model.ts Capacity). */
export interface CapacityLike {
  ceiling: {bound?: Bound};
  /** What the figure covers when it is part of the deal's capacity only ("Trainium"). */
  covers?: string;
  beyondCommitment?: boolean;
}

/**
 * Returns the label of a deal's capacity figure, capitalised: "Trainium capacity (part of the deal)" for a part,
 * "Capacity contracted on top" beyond the commitment, "Capacity stated" for a floor, "Capacity ceiling" otherwise.
 *
 * @example capacityLabel({ceiling: {bound: "about"}, covers: "Trainium"}) // "Trainium capacity (part of the deal)"
 * @example capacityLabel({ceiling: {bound: "at-least"}}) // "Capacity stated"
 */
export function capacityLabel(capacity: CapacityLike): string {
  const covers = capacity.covers?.trim();
  if (covers) return `${covers} capacity (part of the deal)`;
  if (capacity.beyondCommitment) return "Capacity contracted on top";
  return capacity.ceiling.bound === "at-least" ? "Capacity stated" : "Capacity ceiling";
}

/**
 * Returns how a sentence names the capacity figure with its value in words (`value`, e.g. "about 2 GW"): "the about
 * 2 GW of Trainium capacity (part of the deal)" reads badly, so a part reads "about 2 GW of Trainium capacity, part
 * of the deal", a floor "a stated capacity of over 10 GW", a ceiling "a ceiling of up to 5 GW".
 *
 * @example capacityPhrase({ceiling: {bound: "about"}, covers: "Trainium"}, "about 2 GW") // "about 2 GW of Trainium capacity, part of the deal"
 */
export function capacityPhrase(capacity: CapacityLike, value: string): string {
  const covers = capacity.covers?.trim();
  if (covers) return `${value} of ${covers} capacity, part of the deal`;
  return capacity.ceiling.bound === "at-least" ? `a stated capacity of ${value}` : `a ceiling of ${value}`;
}

/**
 * Returns how a sentence names the capacity figure without its value, lower case: "the Trainium capacity" for a part
 * (never "the ceiling": it caps only the chips it covers), "the capacity contracted on top", "the stated capacity"
 * for a floor, "the ceiling" otherwise.
 *
 * @example capacityName({ceiling: {bound: "about"}, covers: "Trainium"}) // "the Trainium capacity"
 * @example capacityName({ceiling: {bound: "up-to"}}) // "the ceiling"
 */
export function capacityName(capacity: CapacityLike | null | undefined): string {
  const covers = capacity?.covers?.trim();
  if (covers) return `the ${covers} capacity`;
  if (capacity?.beyondCommitment) return "the capacity contracted on top";
  return capacity?.ceiling.bound === "at-least" ? "the stated capacity" : "the ceiling";
}
