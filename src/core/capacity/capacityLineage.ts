/** The lineage and bound of each headline capacity figure, from the deal's facts, the chips and the assumptions. */
import {assumptionLineage} from "../assumptions.js";
import {derivedBound, type Lineage, leaf, mergeLineage} from "../lineage.js";
import type {Assumption, Bound, Chip, Deal, Fact} from "../model.js";

/** The headline figures of a deal's capacity projection. */
export type CapacityFigureKey =
  | "gw"
  | "itMw"
  | "accelerators"
  | "servers"
  | "buildings"
  | "energyTwhPerYear"
  | "flopsBf16"
  | "flopsFp8"
  | "h100e"
  | "h100eFp8";

/** Where a figure comes from: merged lineage and combined bound of its inputs. */
export interface FigureOrigin {
  lineage: Lineage;
  bound: Bound;
  /** Computed at a floor capacity with an assumed input: "about X or more" (Figure.orMore). */
  orMore?: boolean;
}

interface Part {
  lineage: Lineage;
  bound?: Bound;
}

/**
 * Returns the lineage and bound of each headline capacity figure of `deal` when capacity is filled with
 * `mixChips` (the chips with a share of the ceiling) and `h100` is the reference for H100-equivalents (none when
 * the deal names no chip). Ids:
 * `<deal>.capacity.ceiling`, `<deal>.capacity.schedule.<point>`, `chip:<id>.itKw`, `chip:<id>.flops.bf16|fp8`,
 * `assumption:<id>`. The schedule points and the slip enter the chip counts only when the deal names several
 * chips, since only then do they decide the mix; a deal's stated generation shares
 * (`<deal>.capacity.shares.<chip>.share`) replace them when it has some. A figure from an "up-to" ceiling alone is "up-to"; one with an assumed input is "about",
 * and at a floor capacity it is "about … or more": every figure here grows with the capacity, but at the floor itself the
 * assumptions still spread it ("about 3.04 million accelerators or more", critic s8 M3 and s9 M14).
 *
 * @example capacityLineage(deal, [trainium2], 3, h100, assumptions).itMw.lineage.inputs
 * // ["amazon-anthropic.capacity.ceiling", "assumption:pue"]
 */
export function capacityLineage(
  deal: Deal,
  mixChips: readonly Chip[],
  chipCount: number,
  h100: Chip | undefined,
  assumptions: readonly Assumption[]
): Record<CapacityFigureKey, FigureOrigin> {
  const capacity = deal.capacity;
  if (!capacity) throw new Error(`invalid deal: ${deal.id} has no capacity`);
  const fact = (id: string, f: Fact): Part => ({lineage: leaf(id, f.status), bound: f.bound});
  const assumption = (id: Parameters<typeof assumptionLineage>[1]): Part => ({lineage: assumptionLineage(assumptions, id)});
  const ceiling = fact(`${deal.id}.capacity.ceiling`, capacity.ceiling);
  const floor = capacity.ceiling.bound === "at-least";
  const origin = (parts: readonly Part[]) => originOf(parts, floor);
  const pue = assumption("pue");
  const mix = capacity.shares?.length
    ? capacity.shares.map((s) => fact(`${deal.id}.capacity.shares.${s.id}.share`, s.share))
    : chipCount > 1
      ? [...capacity.schedule.map((p) => fact(`${deal.id}.capacity.schedule.${p.id}`, p.gw)), assumption("slip-months")]
      : [];
  const counts = [ceiling, pue, ...mix, ...mixChips.map((c) => fact(`chip:${c.id}.itKw`, c.itKw))];
  const bf16 = [...counts, ...mixChips.map((c) => fact(`chip:${c.id}.flops.bf16`, c.flops.bf16))];
  const fp8 = [...counts, ...mixChips.flatMap((c) => (c.flops.fp8 ? [fact(`chip:${c.id}.flops.fp8`, c.flops.fp8)] : []))];
  return {
    gw: origin([ceiling]),
    itMw: origin([ceiling, pue]),
    accelerators: origin(counts),
    servers: origin(counts),
    buildings: origin([ceiling, assumption("building-mw")]),
    energyTwhPerYear: origin([ceiling, assumption("load-factor")]),
    flopsBf16: origin(bf16),
    flopsFp8: origin(fp8),
    h100e: origin(h100 ? [...bf16, fact(`chip:${h100.id}.flops.bf16`, h100.flops.bf16)] : bf16),
    h100eFp8: origin(h100?.flops.fp8 ? [...fp8, fact(`chip:${h100.id}.flops.fp8`, h100.flops.fp8)] : fp8)
  };
}

// Frozen, because one origin is shared by every projection of the deal (and every Monte Carlo draw). `floor`: the
// capacity is a floor, and every figure computed from it rises with it: one with an assumed input is "about … or more".
function originOf(parts: readonly Part[], floor: boolean): FigureOrigin {
  const lineage = mergeLineage(...parts.map((p) => p.lineage));
  Object.freeze(lineage.inputs);
  const bound = derivedBound(
    lineage,
    parts.map((p) => p.bound)
  );
  return Object.freeze({lineage: Object.freeze(lineage), bound, ...(floor && bound !== "at-least" ? {orMore: true} : {})});
}
