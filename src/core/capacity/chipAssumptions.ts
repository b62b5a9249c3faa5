/**
 * Chip-level inputs as assumptions the Monte Carlo and the tornado vary: a chip's IT power per accelerator and its
 * dense FLOP/s, wherever chips.yaml gives a range (low and/or high) for them. The largest uncertainties in a deal's
 * accelerator count and compute are often here (the power of a chip no one has measured, the FLOP/s of a chip not
 * yet released), not in the facility assumptions.
 */
import type {Assumption, Chip, Deal, Fact} from "../model.js";

/** The chip inputs that can vary, as they appear in an assumption id: `chip:<id>.<input>`. */
export const CHIP_INPUTS = ["itKw", "flops.bf16", "flops.fp8"] as const;
export type ChipInput = (typeof CHIP_INPUTS)[number];

/**
 * Returns the id under which a chip input is drawn: `chip:<chip>.<input>` (the same string as the input's lineage).
 *
 * @example chipAssumptionId("trainium4", "flops.bf16") // "chip:trainium4.flops.bf16"
 */
export function chipAssumptionId(chip: string, input: ChipInput): string {
  return `chip:${chip}.${input}`;
}

/**
 * Returns one triangular assumption per input of the chips named by `ids` (in that order; itKw, then bf16, then fp8)
 * whose fact gives a range: low = the fact's `low` (its value when absent), mode = its value, high = its `high` (its
 * value when absent); an input without a low or a high, or whose range is empty, is not varied. Status, source and
 * as-of date are the fact's; the description names the chip and quotes the fact's note. Throws `invalid chip: <id>`
 * for an id not in `chips`.
 *
 * @example chipAssumptions(chips, ["trainium3"])[0] // {id: "chip:trainium3.itKw", low: 1.4, base: 1.5, high: 1.6, …}
 */
export function chipAssumptions(chips: readonly Chip[], ids: readonly string[]): Assumption[] {
  const out: Assumption[] = [];
  for (const id of ids) {
    const chip = chips.find((c) => c.id === id);
    if (!chip) throw new Error(`invalid chip: ${id}`);
    const inputs: [ChipInput, Fact | undefined, string][] = [
      ["itKw", chip.itKw, "IT power per accelerator"],
      ["flops.bf16", chip.flops.bf16, "dense BF16 FLOP/s"],
      ["flops.fp8", chip.flops.fp8, "dense 8-bit FLOP/s"]
    ];
    for (const [input, fact, what] of inputs) {
      if (!fact || (fact.low === undefined && fact.high === undefined)) continue;
      const low = Math.min(fact.low ?? fact.value, fact.value);
      const high = Math.max(fact.high ?? fact.value, fact.value);
      if (!(high > low)) continue;
      out.push({
        id: chipAssumptionId(id, input),
        label: `${chip.name}: ${what}`,
        unit: input === "itKw" ? "kw" : "pflops",
        low,
        base: fact.value,
        high,
        distribution: "triangular",
        status: fact.status,
        source: fact.source,
        asOf: fact.asOf,
        description: `${chip.name}'s ${what}, over the range its sources give${fact.note ? ` (${fact.note})` : ""}.`
      });
    }
  }
  return out;
}

/**
 * Returns a reader of one input for `chips`: given assumption values, each chip's drawn value
 * `values["chip:<id>.<input>"]` when present, else the chip's own figure (NaN for a missing fp8 figure); aligned
 * with `chips`. The ids and own figures are worked out once (the reader runs per Monte Carlo draw).
 *
 * @example chipInputReader([trainium4], "flops.bf16")({"chip:trainium4.flops.bf16": 0.671}) // [0.671]
 */
export function chipInputReader(chips: readonly Chip[], input: ChipInput): (values: Readonly<Record<string, number>>) => number[] {
  const keys = chips.map((c) => chipAssumptionId(c.id, input));
  const own = chips.map((c) =>
    input === "itKw" ? c.itKw.value : input === "flops.bf16" ? c.flops.bf16.value : (c.flops.fp8?.value ?? Number.NaN)
  );
  return (values) => {
    const out = new Array<number>(keys.length);
    for (let k = 0; k < keys.length; ++k) out[k] = values[keys[k]] ?? own[k];
    return out;
  };
}

/**
 * Returns the id under which a deal's stated share of a chip generation is drawn: `<deal>.capacity.shares.<chip>.share`
 * (the same string as the share's lineage).
 *
 * @example shareAssumptionId("amazon-openai", "trainium4") // "amazon-openai.capacity.shares.trainium4.share"
 */
export function shareAssumptionId(deal: string, chip: string): string {
  return `${deal}.capacity.shares.${chip}.share`;
}

/**
 * Returns one triangular assumption per generation share the deal states with a low or a high (see
 * Capacity.shares): low = its low (its value when absent), mode = its value, high = its high (its value when
 * absent). The projection normalises the drawn shares to sum to 1. None for a deal without shares.
 *
 * @example shareAssumptions(amazonOpenAi)[0] // {id: "amazon-openai.capacity.shares.trainium3.share", low: 0.2, base: 0.5, high: 0.8, …}
 */
export function shareAssumptions(deal: Pick<Deal, "id" | "capacity">): Assumption[] {
  const out: Assumption[] = [];
  for (const {id, share} of deal.capacity?.shares ?? []) {
    const low = Math.min(share.low ?? share.value, share.value);
    const high = Math.max(share.high ?? share.value, share.value);
    if (!(high > low)) continue;
    out.push({
      id: shareAssumptionId(deal.id, id),
      label: `${id}'s share of the deal's capacity`,
      unit: "fraction",
      low,
      base: share.value,
      high,
      distribution: "triangular",
      status: share.status,
      source: share.source,
      asOf: share.asOf,
      description: `The share of the deal's capacity on ${id}${share.note ? ` (${share.note})` : ""}; the drawn shares are normalised to sum to 1.`
    });
  }
  return out;
}
