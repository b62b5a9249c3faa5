/** Performance per watt and per dollar-hour of every chip generation, by line, for the roadmap charts. */
import {acceleratorsToFlops} from "../capacity/convert.js";
import {type Lineage, leaf, mergeLineage} from "../lineage.js";
import type {Chip, ChipLine, PriceClass} from "../model.js";

/** The chip lines in the order the roadmap shows them. */
export const CHIP_LINES: readonly ChipLine[] = ["trainium", "nvidia", "tpu", "amd"];

export interface ChipEfficiency {
  id: string;
  name: string;
  line: ChipLine;
  /** Availability date, ISO. */
  available: string;
  /** IT power per accelerator, kW. */
  itKw: number;
  /** Status of that IT power figure (most are estimates: few vendors publish it). */
  itKwStatus: Chip["itKw"]["status"];
  /** Dense bf16 FLOP/s per IT watt: flops ÷ (itKw × 1,000). */
  flopsPerWatt: number;
  /** Dense fp8 FLOP/s per IT watt; null without an fp8 figure. */
  fp8FlopsPerWatt: number | null;
  /** Dense bf16 FLOP/s per US dollar an hour of rent; null without a published price. */
  flopsPerDollarHour: number | null;
  /** The price's basis (compare per dollar only within one); null without a price. */
  priceClass: PriceClass | null;
  /** flopsPerWatt ÷ the previous generation's in the same line; null for the first. */
  gainPerWatt: number | null;
  /**
   * fp8FlopsPerWatt ÷ that of the previous generation in the same line that has an 8-bit figure; null without one
   * or for the first. Beside gainPerWatt it compares like with like on each basis: a generation can gain on 8-bit
   * while losing on BF16 (Trainium3 against Trainium2).
   */
  fp8GainPerWatt: number | null;
  hbmGb: number | null;
  /** Every input the row uses (`chip:<id>.flops.bf16`, `.flops.fp8`, `.itKw`, `.price`, `.hbmGb`). */
  lineage: Lineage;
}

/** A price basis in words, for a label or a sentence ("on neocloud list prices"). */
export const PRICE_CLASS_WORDS: Readonly<Record<PriceClass, string>> = {
  "cloud-on-demand": "a cloud's own on-demand rate",
  "neocloud-list": "neocloud list prices",
  "market-median": "the median across providers"
};

export interface ChipLineEfficiency {
  line: ChipLine;
  chips: ChipEfficiency[];
}

/**
 * Returns every chip's performance per IT watt (dense bf16 FLOP/s ÷ (itKw × 1,000)), per dollar-hour where a
 * price exists (FLOP/s ÷ USD per chip-hour) and HBM, grouped by line (trainium, nvidia, tpu, amd; lines without
 * chips left out) and sorted by availability date (then id) within each line.
 *
 * @example chipEfficiency([h100]) // [{line: "nvidia", chips: [{id: "h100", flopsPerWatt: 0.989e15 / 1300, …}]}]
 */
export function chipEfficiency(chips: readonly Chip[]): ChipLineEfficiency[] {
  const groups: ChipLineEfficiency[] = [];
  for (const line of CHIP_LINES) {
    const sorted = chips
      .filter((c) => c.line === line)
      .sort((a, b) => (a.available.date < b.available.date ? -1 : a.available.date > b.available.date ? 1 : a.id < b.id ? -1 : 1));
    if (sorted.length === 0) continue;
    let previous: number | null = null;
    let previousFp8: number | null = null;
    const rows = sorted.map((chip) => {
      const row = efficiencyOf(chip, previous, previousFp8);
      previous = row.flopsPerWatt;
      if (row.fp8FlopsPerWatt !== null) previousFp8 = row.fp8FlopsPerWatt;
      return row;
    });
    groups.push({line, chips: rows});
  }
  return groups;
}

function efficiencyOf(chip: Chip, previousPerWatt: number | null, previousFp8PerWatt: number | null): ChipEfficiency {
  const {id, flops, itKw, price, hbmGb} = chip;
  if (!(itKw.value > 0)) throw new Error(`invalid itKw of ${id}: ${itKw.value}`);
  const watts = itKw.value * 1e3;
  const bf16 = acceleratorsToFlops(1, flops.bf16.value);
  const flopsPerWatt = bf16 / watts;
  const inputs = [leaf(`chip:${id}.flops.bf16`, flops.bf16.status), leaf(`chip:${id}.itKw`, itKw.status)];
  if (flops.fp8) inputs.push(leaf(`chip:${id}.flops.fp8`, flops.fp8.status));
  if (price) inputs.push(leaf(`chip:${id}.price`, price.status));
  if (hbmGb) inputs.push(leaf(`chip:${id}.hbmGb`, hbmGb.status));
  const fp8FlopsPerWatt = flops.fp8 ? acceleratorsToFlops(1, flops.fp8.value) / watts : null;
  return {
    id,
    name: chip.name,
    line: chip.line,
    available: chip.available.date,
    itKw: itKw.value,
    itKwStatus: itKw.status,
    flopsPerWatt,
    fp8FlopsPerWatt,
    flopsPerDollarHour: price && price.value > 0 ? bf16 / price.value : null,
    priceClass: price ? (chip.priceClass ?? null) : null,
    gainPerWatt: previousPerWatt ? flopsPerWatt / previousPerWatt : null,
    fp8GainPerWatt: previousFp8PerWatt && fp8FlopsPerWatt !== null ? fp8FlopsPerWatt / previousFp8PerWatt : null,
    hbmGb: hbmGb ? hbmGb.value : null,
    lineage: mergeLineage(...inputs)
  };
}
