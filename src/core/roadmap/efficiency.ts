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
  /**
   * The id of the previous generation in the same line (see {@link chipEfficiency}: the newest chip available
   * strictly before this one, of the same packaging where one shares its date); null for the line's first.
   */
  predecessor: string | null;
  /** flopsPerWatt ÷ the predecessor's; null for the first. */
  gainPerWatt: number | null;
  /** Dense bf16 FLOP/s per chip ÷ the predecessor's; null for the first. With powerRatio it says where a change in per-watt comes from. */
  computeRatio: number | null;
  /** IT power per chip ÷ the predecessor's; null for the first. */
  powerRatio: number | null;
  /**
   * Dense 8-bit FLOP/s per chip ÷ the predecessor's; null for the first or where either lacks an 8-bit figure. Beside
   * computeRatio it says whether a generation added 8-bit compute but not BF16 (Trainium3: 2.517 ÷ 1.299 = 1.94× on 8-bit,
   * 0.671 ÷ 0.667 = 1.006× on BF16).
   */
  fp8ComputeRatio: number | null;
  /**
   * fp8FlopsPerWatt ÷ that of the nearest generation back along the predecessors that has an 8-bit figure; null
   * without one or for the first. Beside gainPerWatt it compares like with like on each basis: a generation can gain on 8-bit
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
 * chips left out) and sorted by availability date (then id) within each line, with the gain over its predecessor.
 *
 * A chip's predecessor is the previous generation, not the previous row: the newest chip of the line available
 * strictly before it; where several share that date (one generation in two packagings, as HGX B200 and GB200 NVL72),
 * the one with as many accelerators per server as this chip, else the last by id (s15 critic #5: GB200 was compared
 * with B200, the same Blackwell GPU in an 8-GPU server, whose IT power per chip leaves out the Grace CPU and NVLink
 * switch share that GB200 NVL72's includes).
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
    const byId = new Map<string, ChipEfficiency>();
    const rows = sorted.map((chip) => {
      const before = sorted.filter((c) => c.available.date < chip.available.date);
      const lastDate = before.at(-1)?.available.date;
      const generation = before.filter((c) => c.available.date === lastDate);
      const previous = generation.length
        ? (generation.filter((c) => c.perServer === chip.perServer).at(-1) ?? generation.at(-1)!)
        : undefined;
      const row = efficiencyOf(chip, previous, previous ? byId.get(previous.id)! : undefined, byId);
      byId.set(chip.id, row);
      return row;
    });
    groups.push({line, chips: rows});
  }
  return groups;
}

function efficiencyOf(
  chip: Chip,
  previousChip: Chip | undefined,
  previous: ChipEfficiency | undefined,
  byId: ReadonlyMap<string, ChipEfficiency>
): ChipEfficiency {
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
  // The nearest generation back with an 8-bit figure.
  let back = previous;
  while (back && back.fp8FlopsPerWatt === null) back = back.predecessor ? byId.get(back.predecessor) : undefined;
  const fp8Before = back?.fp8FlopsPerWatt ?? null;
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
    predecessor: previous?.id ?? null,
    gainPerWatt: previous ? flopsPerWatt / previous.flopsPerWatt : null,
    computeRatio: previousChip ? flops.bf16.value / previousChip.flops.bf16.value : null,
    powerRatio: previousChip ? itKw.value / previousChip.itKw.value : null,
    fp8ComputeRatio: previousChip?.flops.fp8 && flops.fp8 ? flops.fp8.value / previousChip.flops.fp8.value : null,
    fp8GainPerWatt: fp8Before && fp8FlopsPerWatt !== null ? fp8FlopsPerWatt / fp8Before : null,
    hbmGb: hbmGb ? hbmGb.value : null,
    lineage: mergeLineage(...inputs)
  };
}
